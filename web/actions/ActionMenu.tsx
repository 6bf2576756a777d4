import { useCallback, useEffect, useId, useRef, useState, type KeyboardEvent, type ReactNode } from "react";
import { useStore } from "../state/store.ts";
import { MenuTrigger, moveMenuFocus, useCloseOutside } from "./menu-parts.tsx";
import { contextOf, getAction, runAction } from "./registry.ts";
import { actionLabel } from "./types.ts";

export interface ActionMenuItem {
  /** The action it runs (from the registry). */
  readonly action: string;
  /** A line under the label saying what it does. */
  readonly description?: string;
}

/**
 * A toolbar menu button whose items are registry actions (WAI-ARIA menu button: arrow keys,
 * Home and End move, Enter runs, Escape closes and gives focus back to the button).
 */
export function ActionMenu({ label, icon, heading, items }: { readonly label: string; readonly icon?: ReactNode; readonly heading: string; readonly items: readonly ActionMenuItem[] }) {
  const [open, setOpen] = useState(false);
  const button = useRef<HTMLButtonElement>(null);
  const container = useRef<HTMLDivElement>(null);
  const elements = useRef<(HTMLButtonElement | null)[]>([]);
  const menuId = useId();
  const state = useStore((s) => (open ? s : null));

  useEffect(() => {
    if (open) elements.current.find((e) => e !== null && !e.disabled)?.focus();
  }, [open]);
  const closeQuietly = useCallback(() => setOpen(false), []);
  useCloseOutside(open, container, closeQuietly);

  const close = () => {
    setOpen(false);
    button.current?.focus();
  };
  const onKeyDown = (event: KeyboardEvent) => {
    if (moveMenuFocus(event, elements.current)) return;
    if (event.key === "Escape") {
      event.preventDefault();
      close();
    } else if (event.key === "Tab") {
      setOpen(false);
    }
  };

  return (
    <div className="menu-anchor" ref={container}>
      <MenuTrigger buttonRef={button} open={open} menuId={menuId} setOpen={setOpen} icon={icon} label={label} />
      {open && state !== null && (
        <div className="menu action-menu" id={menuId} role="menu" aria-label={heading} onKeyDown={onKeyDown}>
          <p className="menu-heading" role="presentation">
            {heading}
          </p>
          {items.map((item, i) => {
            const action = getAction(item.action);
            const ctx = contextOf(state, "toolbar", null);
            return (
              <button
                key={item.action}
                ref={(element) => {
                  elements.current[i] = element;
                }}
                type="button"
                role="menuitem"
                tabIndex={-1}
                className="example-item"
                data-action={item.action}
                disabled={!action.enabled(ctx)}
                onClick={() => {
                  setOpen(false);
                  runAction(action, contextOf(useStore.getState(), "toolbar", null));
                }}
              >
                <span className="example-title">{actionLabel(action, ctx)}</span>
                {item.description !== undefined && <span className="example-description">{item.description}</span>}
              </button>
            );
          })}
        </div>
      )}
    </div>
  );
}
