/**
 * What every menu here shares (the WAI-ARIA menu pattern): arrow keys, Home and End move the focus
 * among its enabled items; a pointer down outside closes it; the button that opens it.
 */
import { useEffect, type KeyboardEvent, type ReactNode, type RefObject } from "react";
import { ChevronDownIcon } from "../shell/icons.tsx";

/** Moves the focus for ArrowDown/ArrowUp/Home/End among the enabled `items`; true when the key was one of those. */
export function moveMenuFocus(event: KeyboardEvent, items: readonly (HTMLButtonElement | null)[]): boolean {
  const live = items.filter((item): item is HTMLButtonElement => item !== null && !item.disabled);
  const at = live.findIndex((item) => item === document.activeElement);
  const next = { ArrowDown: (at + 1) % live.length, ArrowUp: (at - 1 + live.length) % live.length, Home: 0, End: live.length - 1 }[event.key];
  if (next === undefined) return false;
  event.preventDefault();
  live[next]?.focus();
  return true;
}

/** Calls `close` on a pointer down outside `container` while `open`. */
export function useCloseOutside(open: boolean, container: RefObject<HTMLElement | null>, close: () => void): void {
  useEffect(() => {
    if (!open) return;
    const onPointerDown = (event: PointerEvent) => {
      if (!container.current?.contains(event.target as Node)) close();
    };
    document.addEventListener("pointerdown", onPointerDown);
    return () => document.removeEventListener("pointerdown", onPointerDown);
  }, [open, container, close]);
}

/** The toolbar button that opens a menu: click, or ArrowDown/ArrowUp, opens it. */
export function MenuTrigger({
  buttonRef,
  open,
  menuId,
  setOpen,
  icon,
  label,
}: {
  readonly buttonRef: RefObject<HTMLButtonElement | null>;
  readonly open: boolean;
  readonly menuId: string;
  readonly setOpen: (open: boolean) => void;
  readonly icon: ReactNode;
  readonly label: string;
}) {
  return (
    <button
      ref={buttonRef}
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
  );
}
