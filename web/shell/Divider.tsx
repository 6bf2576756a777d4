import { useRef, type KeyboardEvent, type PointerEvent, type RefObject } from "react";
import { EDITOR_WIDTH_MAX, EDITOR_WIDTH_MIN, useStore } from "../state/store.ts";

const DEFAULT_WIDTH = 0.42;
const STEP = 0.02;
const BIG_STEP = 0.1;

interface DividerProps {
  /** The element the editor and the canvas share: the fraction is of its width. */
  readonly container: RefObject<HTMLElement | null>;
  /** The id of the editor's region, which the divider resizes. */
  readonly controls: string;
}

/**
 * The bar between the editor and the canvas (WAI-ARIA window splitter): drag it, or focus it
 * and use the arrow keys (Shift for bigger steps), Home and End; a double click restores the
 * default split.
 */
export function Divider({ container, controls }: DividerProps) {
  const editorWidth = useStore((s) => s.editorWidth);
  const setEditorWidth = useStore((s) => s.setEditorWidth);
  const dragging = useRef(false);

  function widthAt(clientX: number): number | null {
    const box = container.current?.getBoundingClientRect();
    return box === undefined || box.width === 0 ? null : (clientX - box.left) / box.width;
  }

  function onPointerDown(event: PointerEvent<HTMLDivElement>) {
    if (event.button !== 0) return;
    event.preventDefault();
    event.currentTarget.setPointerCapture(event.pointerId);
    event.currentTarget.focus();
    dragging.current = true;
    document.body.classList.add("resizing");
  }

  function onPointerMove(event: PointerEvent<HTMLDivElement>) {
    if (!dragging.current) return;
    const width = widthAt(event.clientX);
    if (width !== null) setEditorWidth(width);
  }

  function endDrag() {
    dragging.current = false;
    document.body.classList.remove("resizing");
  }

  function onKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    const step = event.shiftKey ? BIG_STEP : STEP;
    const next = {
      ArrowLeft: editorWidth - step,
      ArrowRight: editorWidth + step,
      Home: EDITOR_WIDTH_MIN,
      End: EDITOR_WIDTH_MAX,
    }[event.key];
    if (next === undefined) return;
    event.preventDefault();
    setEditorWidth(next);
  }

  const percent = Math.round(editorWidth * 100);
  return (
    <div
      className="divider"
      role="separator"
      tabIndex={0}
      aria-orientation="vertical"
      aria-label="Resize the editor and the canvas"
      aria-controls={controls}
      aria-valuemin={Math.round(EDITOR_WIDTH_MIN * 100)}
      aria-valuemax={Math.round(EDITOR_WIDTH_MAX * 100)}
      aria-valuenow={percent}
      aria-valuetext={`Editor ${percent}% of the width`}
      data-testid="divider"
      onPointerDown={onPointerDown}
      onPointerMove={onPointerMove}
      onPointerUp={endDrag}
      onPointerCancel={endDrag}
      onLostPointerCapture={endDrag}
      onKeyDown={onKeyDown}
      onDoubleClick={() => setEditorWidth(DEFAULT_WIDTH)}
    >
      <span className="divider-grip" aria-hidden="true" />
    </div>
  );
}
