import { useCallback, useEffect, useId, useRef, useState, type KeyboardEvent } from "react";
import { formatKey } from "../actions/keys.ts";
import { MenuTrigger, moveMenuFocus, useCloseOutside } from "../actions/menu-parts.tsx";
import { contextOf, getAction, runAction } from "../actions/registry.ts";
import { actionLabel } from "../actions/types.ts";
import { useStore } from "../state/store.ts";
import { ExportIcon } from "./icons.tsx";

/** The menu's items in groups, each an action of web/actions/export.ts (so the command list has them too). */
const GROUPS: readonly { readonly heading: string; readonly ids: readonly string[] }[] = [
  { heading: "The Dockerfile", ids: ["export-dockerfile", "export-copy-dockerfile", "share-copy-link"] },
  { heading: "The graph, as on screen with its legend", ids: ["export-svg", "export-png"] },
  { heading: "Diagrams and the handout", ids: ["export-mermaid", "export-dot", "export-json", "export-markdown"] },
];

/** The toolbar's Export menu: a menu button like the examples', every item an action. */
export function ExportMenu() {
  const [open, setOpen] = useState(false);
  const closeQuietly = useCallback(() => setOpen(false), []);
  const button = useRef<HTMLButtonElement>(null);
  const container = useRef<HTMLDivElement>(null);
  const items = useRef<(HTMLButtonElement | null)[]>([]);
  const menuId = useId();
  const theme = useStore((s) => s.theme);
  useCloseOutside(open, container, closeQuietly);
  useEffect(() => {
    if (open) items.current[0]?.focus();
  }, [open]);

  function close() {
    setOpen(false);
    button.current?.focus();
  }

  function choose(id: string) {
    close();
    runAction(id, contextOf(useStore.getState(), "menu", null));
  }

  function onKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    if (moveMenuFocus(event, items.current)) return;
    if (event.key === "Escape") {
      event.preventDefault();
      close();
    } else if (event.key === "Tab") {
      setOpen(false);
    }
  }

  let index = 0;
  return (
    <div className="menu-anchor" ref={container}>
      <MenuTrigger buttonRef={button} open={open} menuId={menuId} setOpen={setOpen} icon={<ExportIcon />} label="Export" />
      {open && (
        <div className="menu export-menu" id={menuId} role="menu" aria-label="Export" onKeyDown={onKeyDown}>
          {GROUPS.map((group) => (
            <div key={group.heading} role="group" aria-label={group.heading}>
              <p className="menu-heading" role="presentation">
                {group.heading}
                {group.ids.includes("export-png") && <span> · {theme} theme</span>}
              </p>
              {group.ids.map((id) => {
                const action = getAction(id);
                const key = action.keys?.[0];
                const at = index++;
                return (
                  <button
                    key={id}
                    ref={(element) => {
                      items.current[at] = element;
                    }}
                    type="button"
                    role="menuitem"
                    tabIndex={-1}
                    className="export-item"
                    data-action={id}
                    onClick={() => choose(id)}
                  >
                    <span>{actionLabel(action, contextOf(useStore.getState(), "menu", null))}</span>
                    {key !== undefined && <kbd>{formatKey(key)}</kbd>}
                  </button>
                );
              })}
            </div>
          ))}
        </div>
      )}
    </div>
  );
}
