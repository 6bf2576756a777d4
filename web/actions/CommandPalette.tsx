import "./actions.css";
import { useEffect, useId, useMemo, useRef, useState, type KeyboardEvent } from "react";
import { useStore } from "../state/store.ts";
import { formatKey } from "./keys.ts";
import { ACTIONS, contextOf, runAction } from "./registry.ts";
import { actionLabel } from "./types.ts";
import { useUi } from "./ui-state.ts";

/**
 * The command list (Ctrl+Shift+P or F1 outside the editor): every action by name, filtered as
 * you type, with its shortcut. Enter runs the highlighted one on the selected node; Escape closes
 * and gives the focus back where it was.
 */
export function CommandPalette() {
  const open = useUi((s) => s.paletteOpen);
  return open ? <PaletteDialog /> : null;
}

function PaletteDialog() {
  const setOpen = useUi((s) => s.setPaletteOpen);
  const state = useStore((s) => s);
  const [query, setQuery] = useState("");
  const [active, setActive] = useState(0);
  const listId = useId();
  const returnFocus = useRef<Element | null>(document.activeElement);

  const items = useMemo(() => {
    const ctx = contextOf(state, "palette", null);
    const words = query.toLowerCase().split(/\s+/).filter(Boolean);
    return ACTIONS.filter((a) => a.hidden !== true)
      .map((action) => ({ action, label: actionLabel(action, ctx), enabled: action.enabled(ctx) }))
      .filter((item) => words.every((w) => item.label.toLowerCase().includes(w)));
  }, [state, query]);
  const shown = Math.min(active, Math.max(0, items.length - 1));

  useEffect(() => {
    document.getElementById(`${listId}-${shown}`)?.scrollIntoView({ block: "nearest" });
  }, [listId, shown]);

  function close() {
    setOpen(false);
    if (returnFocus.current instanceof HTMLElement) returnFocus.current.focus();
  }

  function run(index: number) {
    const item = items[index];
    if (item === undefined || !item.enabled) return;
    close();
    runAction(item.action, contextOf(useStore.getState(), "palette", null));
  }

  function onKeyDown(event: KeyboardEvent) {
    const next = { ArrowDown: shown + 1, ArrowUp: shown - 1, Home: 0, End: items.length - 1 }[event.key];
    if (next !== undefined && items.length > 0) {
      event.preventDefault();
      setActive((next + items.length) % items.length);
    } else if (event.key === "Enter") {
      event.preventDefault();
      run(shown);
    } else if (event.key === "Escape") {
      event.preventDefault();
      close();
    }
  }

  return (
    <div className="palette-backdrop" onPointerDown={(event) => event.target === event.currentTarget && close()}>
      <div className="palette" role="dialog" aria-modal="true" aria-label="Commands" data-testid="command-palette" onKeyDown={onKeyDown}>
        <input
          className="input palette-input"
          autoFocus
          role="combobox"
          aria-expanded="true"
          aria-controls={listId}
          aria-activedescendant={items.length > 0 ? `${listId}-${shown}` : undefined}
          aria-label="Type a command"
          placeholder="Type a command"
          value={query}
          onChange={(event) => {
            setQuery(event.currentTarget.value);
            setActive(0);
          }}
        />
        <ul className="palette-list" id={listId} role="listbox" aria-label="Commands">
          {items.length === 0 && <li className="palette-empty">No command matches</li>}
          {items.map((item, i) => (
            <li
              key={item.action.id}
              id={`${listId}-${i}`}
              role="option"
              aria-selected={i === shown}
              aria-disabled={!item.enabled}
              className="palette-item"
              data-action={item.action.id}
              onPointerMove={() => setActive(i)}
              onClick={() => run(i)}
            >
              <span>{item.label}</span>
              {item.action.keys?.[0] !== undefined && <kbd>{formatKey(item.action.keys[0])}</kbd>}
            </li>
          ))}
        </ul>
      </div>
    </div>
  );
}
