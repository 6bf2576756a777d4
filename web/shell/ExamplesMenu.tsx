import { useCallback, useEffect, useId, useRef, useState, type KeyboardEvent } from "react";
import { EXAMPLES, type Example } from "../examples/index.ts";
import { useStore } from "../state/store.ts";
import { MenuTrigger, moveMenuFocus, useCloseOutside } from "../actions/menu-parts.tsx";
import { GalleryIcon } from "./icons.tsx";
import { useNotice } from "./notices.ts";

/**
 * The example gallery: a menu button (WAI-ARIA menu button pattern). Arrow keys, Home and End
 * move between examples, Enter opens one, Escape closes and gives focus back to the button.
 */
export function ExamplesMenu() {
  const [open, setOpen] = useState(false);
  const closeQuietly = useCallback(() => setOpen(false), []);
  const sourceName = useStore((s) => s.sourceName);
  const button = useRef<HTMLButtonElement>(null);
  const container = useRef<HTMLDivElement>(null);
  const items = useRef<(HTMLButtonElement | null)[]>([]);
  const menuId = useId();

  const currentIndex = EXAMPLES.findIndex((example) => `${example.id}.Dockerfile` === sourceName);

  useEffect(() => {
    if (!open) return;
    const name = useStore.getState().sourceName;
    items.current[Math.max(0, EXAMPLES.findIndex((example) => `${example.id}.Dockerfile` === name))]?.focus();
  }, [open]);
  useCloseOutside(open, container, closeQuietly);

  function close() {
    setOpen(false);
    button.current?.focus();
  }

  function choose(example: Example) {
    useNotice.getState().dismissNotice();
    useStore.getState().setText(example.text, "load", `${example.id}.Dockerfile`);
    close();
  }

  function moveFocus(event: KeyboardEvent<HTMLDivElement>) {
    if (moveMenuFocus(event, items.current)) return;
    if (event.key === "Escape") {
      event.preventDefault();
      close();
    } else if (event.key === "Tab") {
      setOpen(false);
    }
  }

  return (
    <div className="menu-anchor" ref={container}>
      <MenuTrigger buttonRef={button} open={open} menuId={menuId} setOpen={setOpen} icon={<GalleryIcon />} label="Examples" />
      {open && (
        <div className="menu examples-menu" id={menuId} role="menu" aria-label="Example Dockerfiles" onKeyDown={moveFocus}>
          <p className="menu-heading" role="presentation">
            Example Dockerfiles <span>· replaces the text in the editor</span>
          </p>
          {EXAMPLES.map((example, i) => (
            <button
              key={example.id}
              ref={(element) => {
                items.current[i] = element;
              }}
              type="button"
              role="menuitem"
              tabIndex={-1}
              className="example-item"
              aria-labelledby={`${menuId}-${example.id}-title`}
              aria-describedby={`${menuId}-${example.id}-description`}
              aria-current={i === currentIndex ? "true" : undefined}
              onClick={() => choose(example)}
            >
              <span className="example-title" id={`${menuId}-${example.id}-title`}>
                {example.title}
                {i === currentIndex && <span className="example-current">open</span>}
              </span>
              <span className="example-description" id={`${menuId}-${example.id}-description`}>
                {example.description}
              </span>
            </button>
          ))}
        </div>
      )}
    </div>
  );
}
