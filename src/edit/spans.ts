/**
 * The pieces of text edit operations move, remove and insert: an instruction with its comment
 * block and continuation lines, a stage block, the blank lines around them.
 */
import type { DockerfileModel, Stage } from "../model/types.ts";
import { applyTextEdits } from "../syntax/positions.ts";
import type { DockerfileTree, InstructionNode, TextEdit, TextRange, TopLevelNode } from "../syntax/types.ts";
import { endsWithNewline } from "./style.ts";
import type { TextStyle } from "./style.ts";

const positions = new WeakMap<DockerfileTree, Map<TopLevelNode, number>>();

function positionOf(tree: DockerfileTree, node: TopLevelNode): number {
  let map = positions.get(tree);
  if (map === undefined) {
    map = new Map(tree.nodes.map((n, i) => [n, i]));
    positions.set(tree, map);
  }
  return map.get(node) ?? -1;
}

/** The top-level instruction whose range holds `offset` (an ONBUILD line for one of its triggers). */
export function topLevelAt(tree: DockerfileTree, offset: number): InstructionNode | null {
  const list = tree.instructions;
  let lo = 0;
  let hi = list.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const node = list[mid]!;
    if (offset < node.range.start) hi = mid - 1;
    else if (offset >= node.range.end) lo = mid + 1;
    else return node;
  }
  return null;
}

/** An instruction with the comment lines directly above it (no blank line between). */
export function instructionSpan(tree: DockerfileTree, node: InstructionNode): TextRange {
  let start = node.range.start;
  for (let i = positionOf(tree, node) - 1; i >= 0; i--) {
    const before = tree.nodes[i]!;
    if (before.kind !== "comment") break;
    start = before.range.start;
  }
  return { start, end: node.range.end };
}

/** Where the blank lines directly after `offset` end. */
export function blankRunAfter(tree: DockerfileTree, offset: number): number {
  let end = offset;
  for (const node of tree.nodes) {
    if (node.range.start < end) continue;
    if (node.range.start > end || node.kind !== "blank") break;
    end = node.range.end;
  }
  return end;
}

/** Where the blank lines directly before `offset` start. */
export function blankRunBefore(tree: DockerfileTree, offset: number): number {
  let start = offset;
  for (let i = tree.nodes.length - 1; i >= 0; i--) {
    const node = tree.nodes[i]!;
    if (node.range.end > start) continue;
    if (node.range.end < start || node.kind !== "blank") break;
    start = node.range.start;
  }
  return start;
}

/** The text of `range` with `edits` (all inside it) applied. */
export function editedSlice(source: string, range: TextRange, edits: readonly TextEdit[]): string {
  const shifted = edits.map((e) => ({ range: { start: e.range.start - range.start, end: e.range.end - range.start }, text: e.text }));
  return applyTextEdits(source.slice(range.start, range.end), shifted);
}

/** A stage's text (its comment block, FROM and instructions) with `edits` inside it applied, ending with a line ending. */
export function stageText(tree: DockerfileTree, stage: Stage, style: TextStyle, edits: readonly TextEdit[] = []): string {
  const text = editedSlice(tree.source, stage.range, edits);
  return endsWithNewline(text) ? text : text + style.eol;
}

/**
 * The text to remove with a stage: the stage and the blank lines after it, or for the last stage
 * the blank lines before it, so that the stages around keep one separation.
 */
export function stageRemoval(tree: DockerfileTree, model: DockerfileModel, index: number): TextRange {
  const stage = model.stages[index]!;
  if (index < model.stages.length - 1) return { start: stage.range.start, end: blankRunAfter(tree, stage.range.end) };
  return { start: blankRunBefore(tree, stage.range.start), end: stage.range.end };
}

/**
 * Inserts a stage's text (ending with a line ending) so that it comes before the stage now at
 * `slot`, or after the last stage when `slot` is the number of stages (at the end of the file
 * when there is none), with the file's separation between stages.
 */
export function stageInsertion(tree: DockerfileTree, model: DockerfileModel, style: TextStyle, slot: number, text: string): TextEdit {
  const blank = style.blankBetweenStages ? style.eol : "";
  const before = model.stages[slot];
  if (before !== undefined) return { range: { start: before.range.start, end: before.range.start }, text: text + blank };
  const last = model.stages[model.stages.length - 1];
  const at = last?.range.end ?? tree.source.length;
  const head = tree.source.slice(0, at);
  const lineEnd = head === "" || endsWithNewline(head) ? "" : style.eol;
  const separation = /\S/.test(head) ? blank : "";
  return { range: { start: at, end: at }, text: lineEnd + separation + text };
}

/** Inserts lines (ending with a line ending) right after an instruction, continuations and heredocs included. */
export function insertAfter(tree: DockerfileTree, node: InstructionNode, style: TextStyle, lines: string): TextEdit {
  const at = node.range.end;
  const lineEnd = endsWithNewline(tree.source.slice(node.range.start, at)) ? "" : style.eol;
  return { range: { start: at, end: at }, text: lineEnd + lines };
}
