import { useEffect, useRef, useState, type DragEvent, type KeyboardEvent } from "react";
import { showInvisibles, type StageGraph } from "../../src/index.ts";
import { moveStageTo } from "../actions/structure.ts";
import { hookKey, stageKey, stageName } from "../state/analysis.ts";
import { useStore } from "../state/store.ts";
import { findStageLines, formatLines, instructionSelection } from "./describe.ts";

const DRAG_TYPE = "application/x-stagecraft-stage";

/** Where a dragged stage would land: the index it would then have. */
function landingIndex(from: number, before: number): number {
  return before > from ? before - 1 : before;
}

/**
 * Every stage in file order. Drag a row to reorder the stages (the blocks move in the text), or
 * press Alt+Up / Alt+Down on a row; a move BuildKit would refuse is refused with the reason.
 */
export function StageList({ graph, source, targetName }: { readonly graph: StageGraph; readonly source: string; readonly targetName: string | null }) {
  const userTarget = useStore((s) => s.target);
  const isDefault = userTarget === null || userTarget === "";
  const [dragging, setDragging] = useState<number | null>(null);
  const [dropBefore, setDropBefore] = useState<number | null>(null);
  const [refusal, setRefusal] = useState<string | null>(null);
  const focusAfterMove = useRef<number | null>(null);
  const rows = useRef<(HTMLButtonElement | null)[]>([]);

  useEffect(() => {
    if (focusAfterMove.current === null) return;
    rows.current[focusAfterMove.current]?.focus();
    focusAfterMove.current = null;
  }, [graph]);

  const move = (from: number, to: number) => {
    const reason = moveStageTo(from, to);
    setRefusal(reason);
    if (reason === null) focusAfterMove.current = to;
  };
  const onKeyDown = (event: KeyboardEvent, index: number) => {
    if (!event.altKey || (event.key !== "ArrowUp" && event.key !== "ArrowDown")) return;
    event.preventDefault();
    event.stopPropagation();
    const to = index + (event.key === "ArrowUp" ? -1 : 1);
    if (to >= 0 && to < graph.stages.length) move(index, to);
  };
  const onDragOver = (event: DragEvent<HTMLLIElement>, index: number) => {
    if (dragging === null) return;
    event.preventDefault();
    event.dataTransfer.dropEffect = "move";
    const box = event.currentTarget.getBoundingClientRect();
    setDropBefore(event.clientY < box.top + box.height / 2 ? index : index + 1);
  };
  const onDrop = (event: DragEvent) => {
    event.preventDefault();
    if (dragging !== null && dropBefore !== null) {
      const to = landingIndex(dragging, dropBefore);
      if (to !== dragging) move(dragging, to);
    }
    setDragging(null);
    setDropBefore(null);
  };

  return (
    <>
      <ol className="stage-list" aria-label="Build stages" aria-describedby="stage-list-hint" onDrop={onDrop}>
        {graph.stages.map((stage) => {
          const key = stageKey(stage);
          const isTarget = stage.index === graph.target;
          const classes = ["stage"];
          if (!stage.reachable) classes.push("unbuilt");
          if (dragging === stage.index) classes.push("is-dragging");
          if (dropBefore === stage.index) classes.push("drop-before");
          if (dropBefore === stage.index + 1 && stage.index === graph.stages.length - 1) classes.push("drop-after");
          return (
            <li
              key={stage.index}
              className={classes.join(" ")}
              data-testid="stage"
              data-stage-label={hookKey(key)}
              draggable
              onDragStart={(event) => {
                event.dataTransfer.setData(DRAG_TYPE, String(stage.index));
                event.dataTransfer.effectAllowed = "move";
                setDragging(stage.index);
                setRefusal(null);
              }}
              onDragOver={(event) => onDragOver(event, stage.index)}
              onDragEnd={() => {
                setDragging(null);
                setDropBefore(null);
              }}
            >
              <button
                ref={(element) => {
                  rows.current[stage.index] = element;
                }}
                type="button"
                className="stage-row"
                onKeyDown={(event) => onKeyDown(event, stage.index)}
                onClick={() => {
                  useStore.getState().select(key);
                  const range = instructionSelection(source, stage.stage.from.node);
                  useStore.getState().revealRange(range.start, range.end);
                }}
              >
                <span className="stage-index" aria-hidden="true">
                  {stage.index}
                </span>
                <span className="stage-main">
                  <span className="stage-title">
                    <span className={stage.name === null ? "stage-name unnamed" : "stage-name"}>{showInvisibles(stageName(stage))}</span>
                    {isTarget && <span className="badge accent">{isDefault ? "default target" : "target"}</span>}
                    {!stage.reachable && (
                      <span className="badge muted" title={targetName === null ? "There is no target to build" : `The target ${targetName} does not need it`}>
                        not built
                      </span>
                    )}
                  </span>
                  <span className="stage-image">
                    <span className="keyword">FROM</span> <code>{showInvisibles(stage.stage.from.image?.value ?? "")}</code>
                    <span className="stage-lines">{formatLines(findStageLines(stage))}</span>
                  </span>
                </span>
              </button>
            </li>
          );
        })}
      </ol>
      <p className="hint" id="stage-list-hint">
        Drag a stage, or press Alt+↑ / Alt+↓ on it, to move it in the file.
      </p>
      {refusal !== null && (
        <p className="panel-refusal" role="alert" data-testid="stage-list-refusal">
          {refusal}
        </p>
      )}
    </>
  );
}
