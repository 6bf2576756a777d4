/**
 * Dragging an instruction line from one stage node onto another (or to another place in its
 * own): the line, with its comments and continuations, moves in the text (`moveInstruction`).
 */
import type { DragEvent } from "react";
import { moveInstructionTo } from "../actions/structure.ts";
import { useUi } from "../actions/ui-state.ts";
import { findStage } from "../panels/describe.ts";
import { analyze } from "../state/analysis.ts";
import { useStore } from "../state/store.ts";

const DRAG_TYPE = "application/x-stagecraft-instruction";

/** Starts dragging instruction `index` of the stage node `node`. */
export function startInstructionDrag(event: DragEvent, node: string, index: number): void {
  // The row's drag, not the node's: React Flow must not move the box.
  event.stopPropagation();
  event.dataTransfer.setData(DRAG_TYPE, JSON.stringify({ node, index }));
  event.dataTransfer.effectAllowed = "move";
}

export function isInstructionDrag(event: DragEvent): boolean {
  return event.dataTransfer.types.includes(DRAG_TYPE);
}

/** Where in the node under the pointer the line would go: before the row under it, else at the end. */
function dropIndex(event: DragEvent, count: number): number {
  const row = (event.target as Element).closest<HTMLElement>("[data-instruction]");
  if (row === null) return count;
  const index = Number(row.dataset["instruction"]);
  const box = row.getBoundingClientRect();
  return event.clientY < box.top + box.height / 2 ? index : index + 1;
}

/** Moves the dragged line into the stage node `node`; a refusal shows beside it. */
export function dropInstruction(event: DragEvent, node: string): void {
  const raw = event.dataTransfer.getData(DRAG_TYPE);
  if (raw === "") return;
  event.preventDefault();
  event.stopPropagation();
  let from: { node: string; index: number };
  try {
    from = JSON.parse(raw) as { node: string; index: number };
  } catch {
    return;
  }
  const s = useStore.getState();
  const graph = analyze(s.text, s.target, s.buildArgs).graph;
  const source = findStage(graph, from.node);
  const target = findStage(graph, node);
  if (source === null || target === null) return;
  const reason = moveInstructionTo({ stage: source.index, index: from.index }, { stage: target.index, index: dropIndex(event, target.stage.instructions.length) });
  if (reason !== null) useUi.getState().showToast(reason, "refused", node);
}
