import { useEffect, useId, useRef, useState, type KeyboardEvent, type ReactNode } from "react";
import { ChevronDownIcon } from "../shell/icons.tsx";
import { useStore } from "../state/store.ts";
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
    if (!open) return;
    elements.current.find((e) => e !== null && !e.disabled)?.focus();
    const closeOutside = (event: PointerEvent) => {
      if (!container.current?.contains(event.target as Node)) setOpen(false);
    };
    document.addEventListener("pointerdown", closeOutside);
    return () => document.removeEventListener("pointerdown", closeOutside);
  }, [open]);

  const close = () => {
    setOpen(false);
    button.current?.focus();
  };
  const onKeyDown = (event: KeyboardEvent) => {
    const live = elements.current.filter((e): e is HTMLButtonElement => e !== null && !e.disabled);
    const at = live.findIndex((e) => e === document.activeElement);
    const next = { ArrowDown: (at + 1) % live.length, ArrowUp: (at - 1 + live.length) % live.length, Home: 0, End: live.length - 1 }[event.key];
    if (next !== undefined) {
      event.preventDefault();
      live[next]?.focus();
    } else if (event.key === "Escape") {
      event.preventDefault();
      close();
    } else if (event.key === "Tab") {
      setOpen(false);
    }
  };

  return (
    <div className="menu-anchor" ref={container}>
      <button
        ref={button}
        type="button"
        className="button"
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={open ? menuId : undefined}
        onClick={() => setOpen(!open)}
        onKeyDown={(event) => {
          if (event.key === "ArrowDown" || event.key === "ArrowUp") {
            event.preventDefault();
            setOpen(true);
          }
        }}
      >
        {icon}
        <span>{label}</span>
        <ChevronDownIcon />
      </button>
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
