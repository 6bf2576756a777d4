import { useEffect, useId, useRef, useState, type KeyboardEvent } from "react";
import { EXAMPLES, type Example } from "../examples/index.ts";
import { useStore } from "../state/store.ts";
import { ChevronDownIcon, GalleryIcon } from "./icons.tsx";
import { useNotice } from "./notices.ts";

/**
 * The example gallery: a menu button (WAI-ARIA menu button pattern). Arrow keys, Home and End
 * move between examples, Enter opens one, Escape closes and gives focus back to the button.
 */
export function ExamplesMenu() {
  const [open, setOpen] = useState(false);
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
    const closeOutside = (event: PointerEvent) => {
      if (!container.current?.contains(event.target as Node)) setOpen(false);
    };
    document.addEventListener("pointerdown", closeOutside);
    return () => document.removeEventListener("pointerdown", closeOutside);
  }, [open]);

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
    const count = EXAMPLES.length;
    const at = items.current.findIndex((item) => item === document.activeElement);
    const next = { ArrowDown: (at + 1) % count, ArrowUp: (at - 1 + count) % count, Home: 0, End: count - 1 }[event.key];
    if (next !== undefined) {
      event.preventDefault();
      items.current[next]?.focus();
    } else if (event.key === "Escape") {
      event.preventDefault();
      close();
    } else if (event.key === "Tab") {
      setOpen(false);
    }
  }

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
        <GalleryIcon />
        <span>Examples</span>
        <ChevronDownIcon />
      </button>
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
