import { showInvisibles } from "../../src/index.ts";
import { memo, type KeyboardEvent, type MouseEvent, type PointerEvent } from "react";
import { Handle, Position, type NodeProps } from "@xyflow/react";
import { useExplainStore } from "../explain/explain-store.ts";
import { currentTargetLabel } from "../state/analysis.ts";
import { hookKey } from "../state/node-keys.ts";
import { useStore } from "../state/store.ts";
import { renameStageTo } from "../actions/stage.ts";
import { useUi } from "../actions/ui-state.ts";
import { activateOnKey, useCanvasActions } from "./canvas-actions.ts";
import { dropInstruction, isInstructionDrag, startInstructionDrag } from "./instruction-drag.ts";
import { ErrorIcon, ImageIcon, ScratchIcon, StageBaseIcon, WarningIcon } from "./Icons.tsx";
import { nameTargetIn } from "./describe-graph.ts";
import { countVisibleInstructions, formatLineRange, isCollapsible } from "../../src/index.ts";
import { countRender } from "./render-count.ts";
import type { BaseSummary, StageFlowNode, StageNodeData } from "./types.ts";

function BaseLine({ base }: { base: BaseSummary }) {
  if (base.kind === "image") {
    const title = showInvisibles(base.raw !== base.ref ? `FROM ${base.raw}\n= ${base.ref}` : `FROM ${base.ref}`);
    return (
      <span className="stage-node__base-text" title={title}>
        <ImageIcon />
        <span className="stage-node__base-ref">{base.ref === "" ? "(no base)" : showInvisibles(base.ref)}</span>
      </span>
    );
  }
  if (base.kind === "stage") {
    return (
      <span className="stage-node__base-text" title={`FROM ${showInvisibles(base.label)}: built on that stage`}>
        <StageBaseIcon />
        <span>
          FROM <strong>{showInvisibles(base.label)}</strong>
        </span>
      </span>
    );
  }
  return (
    <span className="stage-node__base-text" title="FROM scratch: an empty file system">
      <ScratchIcon />
      <span>scratch</span>
    </span>
  );
}

function Markers({ data }: { data: StageNodeData }) {
  return (
    <>
      {data.errors.length > 0 && (
        <span className="stage-marker stage-marker--error" title={data.errors.join("\n")} role="img" aria-label={`${data.errors.length} error${data.errors.length === 1 ? "" : "s"}`}>
          <ErrorIcon />
          {data.errors.length}
        </span>
      )}
      {data.warnings.length > 0 && (
        <span className="stage-marker stage-marker--warning" title={data.warnings.join("\n")} role="img" aria-label={`${data.warnings.length} warning${data.warnings.length === 1 ? "" : "s"}`}>
          <WarningIcon />
          {data.warnings.length}
        </span>
      )}
      {data.findings.length > 0 && (
        <span
          className="stage-marker stage-marker--lint"
          data-testid="finding-count"
          title={showInvisibles(`Lint:\n${data.findings.join("\n")}`)}
          role="img"
          aria-label={`${data.findings.length} lint finding${data.findings.length === 1 ? "" : "s"}`}
        >
          lint {data.findings.length}
        </span>
      )}
    </>
  );
}

function describeForScreenReaders(data: StageNodeData): string {
  const parts = [`Stage ${data.title}`, `lines ${data.lines.start} to ${data.lines.end}`];
  if (data.isTarget) parts.push("build target");
  if (data.unreachableReason !== null) parts.push("not built for the target");
  if (data.errors.length > 0) parts.push(`${data.errors.length} errors`);
  return parts.join(", ");
}

/** The stage's name as a text field: Enter renames (every reference with it), Escape or leaving it cancels. */
function RenameInput({ stageKey, initial }: { readonly stageKey: string; readonly initial: string }) {
  const finish = (name: string | null) => {
    useUi.getState().setRenaming(null);
    if (name !== null) renameStageTo(stageKey, name);
  };
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    // The field owns its keys: no canvas shortcut, no node activation.
    event.stopPropagation();
    if (event.key === "Enter") {
      event.preventDefault();
      finish(event.currentTarget.value);
    } else if (event.key === "Escape") {
      event.preventDefault();
      finish(null);
    }
  };
  return (
    <input
      className="rename-input nodrag nokey"
      data-testid="rename-input"
      aria-label="New stage name"
      defaultValue={initial.startsWith("#") ? "" : initial}
      autoFocus
      spellCheck={false}
      onFocus={(event) => event.currentTarget.select()}
      onKeyDown={onKeyDown}
      onBlur={() => finish(null)}
      onClick={(event) => event.stopPropagation()}
      onDoubleClick={(event) => event.stopPropagation()}
    />
  );
}

/**
 * A build stage: name, role and target badges, its base, its instructions (collapsed when
 * long), its lines, and markers for the diagnostics on them. Selection and the editor cursor
 * are read from the store per node, so moving the cursor re-renders two nodes, not all.
 */
function StageNodeView({ data }: NodeProps<StageFlowNode>) {
  countRender("stage");
  const selected = useStore((s) => s.selected === data.key);
  const renaming = useUi((s) => s.renaming === data.key);
  const onRename = (event: MouseEvent) => {
    event.stopPropagation();
    useUi.getState().setRenaming(data.key);
  };
  const atCursor = useStore((s) => s.cursorStage === data.key);
  // Own keys only: a stage may be named "constructor" or "valueof".
  const cache = useExplainStore((s) => (Object.hasOwn(s.marks.cache, data.key) ? s.marks.cache[data.key] : undefined));
  const level = useExplainStore((s) => (Object.hasOwn(s.marks.schedule, data.key) ? s.marks.schedule[data.key] : undefined));
  const { activate, toggleExpanded } = useCanvasActions();
  const count = data.instructions.length;
  const shown = countVisibleInstructions(count, data.expanded);
  const classes = ["stage-node"];
  if (data.isTarget) classes.push("stage-node--target");
  if (!data.reachable) classes.push("stage-node--unreachable");
  if (data.errors.length > 0) classes.push("stage-node--error");
  else if (data.warnings.length > 0) classes.push("stage-node--warning");
  if (selected) classes.push("is-selected");
  if (atCursor) classes.push("is-cursor");
  if (cache !== undefined) classes.push(`stage-node--${cache}`);
  if (level?.endsWith("*") === true) classes.push("stage-node--critical");

  const onKeyDown = (event: KeyboardEvent) => activateOnKey(event, data.key, activate);
  // The payload does not name the target (a rename of the target would change every dimmed
  // node): the hover names it, read when the pointer arrives.
  const unreachable = data.unreachableReason;
  const onPointerEnter =
    unreachable === null ? undefined : (event: PointerEvent<HTMLDivElement>) => (event.currentTarget.title = nameTargetIn(unreachable, currentTargetLabel()));
  const onToggle = (event: MouseEvent) => {
    // The toggle is not a click on the stage: no selecting, no jumping in the editor.
    event.stopPropagation();
    toggleExpanded(data.key);
  };

  return (
    <div
      className={classes.join(" ")}
      style={{ width: data.width, height: data.height }}
      data-testid="stage-node"
      data-stage={hookKey(data.key)}
      data-id={data.key}
      data-reachable={String(data.reachable)}
      data-role={data.role}
      data-target={data.isTarget ? "true" : undefined}
      data-cache={cache}
      data-level={level?.replace("*", "")}
      data-critical={level?.endsWith("*") === true ? "true" : undefined}
      title={unreachable ?? undefined}
      onPointerEnter={onPointerEnter}
      onDragOver={(event) => {
        if (!isInstructionDrag(event)) return;
        event.preventDefault();
        event.dataTransfer.dropEffect = "move";
        event.currentTarget.classList.add("is-drop-target");
      }}
      onDragLeave={(event) => {
        if (!event.currentTarget.contains(event.relatedTarget as Node | null)) event.currentTarget.classList.remove("is-drop-target");
      }}
      onDrop={(event) => {
        event.currentTarget.classList.remove("is-drop-target");
        dropInstruction(event, data.key);
      }}
    >
      <Handle id="in" type="target" position={Position.Top} className="canvas-handle" data-testid="handle-in" title="Drop a connection here" />
      <div className="stage-node__body" role="button" tabIndex={0} aria-label={describeForScreenReaders(data)} onKeyDown={onKeyDown}>
        <div className="stage-node__header">
          {renaming ? (
            <RenameInput stageKey={data.key} initial={data.title} />
          ) : (
            <span className="stage-node__name" data-testid="stage-title" title="Double-click to rename (F2)" onDoubleClick={onRename}>
              {showInvisibles(data.title)}
            </span>
          )}
          {data.role !== "unknown" && <span className="stage-badge stage-badge--role">{data.role}</span>}
          {data.isTarget && <span className="stage-badge stage-badge--target">target</span>}
          {cache !== undefined && <span className={`stage-badge stage-badge--${cache}`}>{cache === "rerun" ? "re-runs" : "cached"}</span>}
          {level !== undefined && (
            <span className="stage-badge stage-badge--level" title={level.endsWith("*") ? "On the longest chain" : "Built at this step, with the others of the same number"}>
              step {level.replace("*", "")}
            </span>
          )}
          <span className="stage-node__markers">
            <Markers data={data} />
          </span>
        </div>
        <div className="stage-node__base">
          <BaseLine base={data.base} />
          {data.platform !== null && <span className="stage-node__platform">{data.platform}</span>}
          <span className="stage-node__lines">{formatLineRange(data.lines.start, data.lines.end)}</span>
        </div>
        {shown > 0 && (
          <ul className="stage-node__list">
            {data.instructions.slice(0, shown).map((instruction, i) => (
              <li
                key={instruction.line}
                className="nodrag"
                draggable
                data-instruction={i}
                title={showInvisibles(`L${instruction.line}: ${instruction.keyword} ${instruction.text} (drag onto a stage to move it)`)}
                onDragStart={(event) => startInstructionDrag(event, data.key, i)}
              >
                <span className="stage-node__keyword">{instruction.keyword}</span> {showInvisibles(instruction.text)}
              </li>
            ))}
          </ul>
        )}
      </div>
      {isCollapsible(count) && (
        <button type="button" className="stage-node__toggle nodrag" aria-expanded={data.expanded} onClick={onToggle}>
          {data.expanded ? "Show less" : `${count - shown} more instruction${count - shown === 1 ? "" : "s"}`}
        </button>
      )}
      <Handle id="out" type="source" position={Position.Bottom} className="canvas-handle" data-testid="handle-out" title="Drag to a stage to connect" />
    </div>
  );
}

/** Re-renders only when its payload changed: positions and drag state do not show inside. */
export const StageNode = memo(StageNodeView, (a, b) => a.data === b.data);
