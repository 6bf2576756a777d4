/**
 * What a node can ask of the canvas, passed down by context so node payloads stay plain data
 * (a callback in a payload would be a new object on every render of the canvas).
 */
import { createContext, useContext, type KeyboardEvent } from "react";
import { useUi } from "../actions/ui-state.ts";
import { useStore } from "../state/store.ts";

export interface CanvasActions {
  /** Select the node and show its lines in the editor (a click, or Enter on the focused node). */
  readonly activate: (key: string) => void;
  /** Show or hide the full instruction list of a stage. */
  readonly toggleExpanded: (key: string) => void;
}

const noop = () => {};

export const CanvasActionsContext = createContext<CanvasActions>({ activate: noop, toggleExpanded: noop });

export function useCanvasActions(): CanvasActions {
  return useContext(CanvasActionsContext);
}

/**
 * A node is a button: Enter or Space activates it, as a click does; the menu key or Shift+F10
 * opens its context menu beside it.
 */
export function activateOnKey(event: KeyboardEvent, key: string, activate: CanvasActions["activate"]): void {
  if (event.key === "ContextMenu" || (event.key === "F10" && event.shiftKey)) {
    event.preventDefault();
    event.stopPropagation();
    useStore.getState().select(key);
    const box = (event.currentTarget as HTMLElement).getBoundingClientRect();
    useUi.getState().openMenu({ node: key, kind: "node", x: box.left + 12, y: box.top + 28 });
    return;
  }
  if (event.key !== "Enter" && event.key !== " ") return;
  event.preventDefault();
  activate(key);
}
