/**
 * The keyboard face of the actions: one listener on the page. Keys typed in the editor or in any
 * text field stay there (Monaco has its own commands, F1 included); canvas shortcuts work only
 * while the focus is on the canvas.
 */
import { useEffect } from "react";
import { actionContext, findShortcut, runAction } from "./registry.ts";
import type { KeyScope } from "./types.ts";

/** The part of the page that holds the graph (the canvas and the toast or dialogs over it). */
export const CANVAS_SELECTOR = '[data-testid="graph-canvas"]';

function isTextField(element: Element): boolean {
  if (element.closest(".monaco-editor, .nokey") !== null) return true;
  if (element instanceof HTMLInputElement) return !["button", "checkbox", "radio", "range", "file", "submit", "reset"].includes(element.type);
  return element instanceof HTMLTextAreaElement || element instanceof HTMLSelectElement || (element instanceof HTMLElement && element.isContentEditable);
}

/** Where a key pressed with focus on `element` is taken as a shortcut; null: not at all. */
export function keyScopeOf(element: Element | null): KeyScope | null {
  if (element === null) return "global";
  if (isTextField(element)) return null;
  // A dialog (the command list, the connect dialog) owns its keys.
  if (element.closest('[role="dialog"], [role="menu"]') !== null) return null;
  return element.closest(CANVAS_SELECTOR) !== null ? "canvas" : "global";
}

export function useShortcuts(): void {
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.isComposing) return;
      const scope = keyScopeOf(event.target instanceof Element ? event.target : null);
      if (scope === null) return;
      const ctx = actionContext("keyboard");
      const action = findShortcut(event, scope, ctx);
      if (action === null) return;
      event.preventDefault();
      runAction(action, ctx);
    };
    window.addEventListener("keydown", onKeyDown);
    return () => window.removeEventListener("keydown", onKeyDown);
  }, []);
}
