import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState, type KeyboardEvent, type RefObject } from "react";
import { useStore } from "../state/store.ts";
import { formatKey } from "./keys.ts";
import { moveMenuFocus, useCloseOutside } from "./menu-parts.tsx";
import { ACTIONS, contextOf, runAction } from "./registry.ts";
import { actionLabel } from "./types.ts";
import { useUi } from "./ui-state.ts";

/**
 * The context menu of a node or an edge (right click, or Shift+F10 / the menu key on a focused
 * node): the actions that apply to it, from the one registry. Arrow keys, Home and End move,
 * Enter runs, Escape closes and gives the focus back.
 */
export function NodeMenu({ root }: { readonly root: RefObject<HTMLElement | null> }) {
  const menu = useUi((s) => s.menu);
  const openMenu = useUi((s) => s.openMenu);
  const state = useStore((s) => s);
  const container = useRef<HTMLDivElement>(null);
  const items = useRef<(HTMLButtonElement | null)[]>([]);
  const returnFocus = useRef<Element | null>(null);
  const [at, setAt] = useState<{ left: number; top: number } | null>(null);

  const entries = useMemo(() => {
    if (menu === null) return [];
    const ctx = contextOf(state, "menu", menu.node, false);
    const wanted = menu.kind === "edge" ? (a: (typeof ACTIONS)[number]) => a.inEdgeMenu?.(ctx) === true : (a: (typeof ACTIONS)[number]) => a.inNodeMenu?.(ctx) === true;
    return ACTIONS.filter(wanted).map((action) => ({ action, label: actionLabel(action, ctx), enabled: action.enabled(ctx), ctx }));
  }, [menu, state]);

  useLayoutEffect(() => {
    if (menu === null) {
      setAt(null);
      return;
    }
    returnFocus.current = document.activeElement;
    const box = root.current?.getBoundingClientRect();
    const size = container.current?.getBoundingClientRect();
    if (box === undefined) return;
    const width = size?.width ?? 220;
    const height = size?.height ?? 200;
    setAt({
      left: Math.max(4, Math.min(menu.x - box.left, box.width - width - 4)),
      top: Math.max(4, Math.min(menu.y - box.top, box.height - height - 4)),
    });
  }, [menu, root]);

  // Focus the first item once the menu is placed (a hidden element cannot take the focus).
  const placed = menu !== null && at !== null;
  useEffect(() => {
    if (placed) items.current.find((item) => item !== null && !item.disabled)?.focus();
  }, [placed, menu]);

  const closeQuietly = useCallback(() => openMenu(null), [openMenu]);
  useCloseOutside(menu !== null, container, closeQuietly);

  if (menu === null || entries.length === 0) return null;

  const close = (giveBack: boolean) => {
    openMenu(null);
    const back = returnFocus.current;
    if (giveBack && back instanceof HTMLElement && back.isConnected) back.focus();
  };
  const onKeyDown = (event: KeyboardEvent) => {
    event.stopPropagation();
    if (moveMenuFocus(event, items.current)) return;
    if (event.key === "Escape" || event.key === "Tab") {
      event.preventDefault();
      close(true);
    }
  };
  const heading = menu.kind === "edge" ? "Connection" : menu.node.replace(/^stage:/, "stage ").replace(/^image:/, "image ");

  return (
    <div
      ref={container}
      className="node-menu nokey"
      role="menu"
      aria-label={`Actions for ${heading}`}
      data-testid="node-menu"
      style={at === null ? { visibility: "hidden" } : { left: at.left, top: at.top }}
      onKeyDown={onKeyDown}
      onContextMenu={(event) => event.preventDefault()}
    >
      <p className="node-menu__heading" role="presentation">
        {heading}
      </p>
      {entries.map(({ action, label, enabled, ctx }, i) => (
        <button
          key={action.id}
          ref={(element) => {
            items.current[i] = element;
          }}
          type="button"
          role="menuitem"
          className="node-menu__item"
          data-action={action.id}
          disabled={!enabled}
          onClick={() => {
            close(true);
            runAction(action, { ...ctx, source: "menu" });
          }}
        >
          <span>{label}</span>
          {action.keys?.[0] !== undefined && <kbd>{formatKey(action.keys[0])}</kbd>}
        </button>
      ))}
    </div>
  );
}
