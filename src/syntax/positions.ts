/**
 * The one place where offsets become line/column positions and back. Lines are 1-based,
 * columns 0-based, both in UTF-16 code units (what JavaScript strings and Monaco count).
 */
import type { DockerfileTree, TextEdit } from "./types.ts";

export interface Position {
  readonly line: number;
  readonly column: number;
}

type WithLines = Pick<DockerfileTree, "lineStarts" | "source">;

export function offsetToPosition(tree: WithLines, offset: number): Position {
  const starts = tree.lineStarts;
  const o = Math.max(0, Math.min(offset, tree.source.length));
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid]! <= o) lo = mid;
    else hi = mid - 1;
  }
  return { line: lo + 1, column: o - starts[lo]! };
}

export function positionToOffset(tree: WithLines, position: Position): number {
  const starts = tree.lineStarts;
  const line = Math.max(1, Math.min(position.line, starts.length));
  const start = starts[line - 1]!;
  const next = line < starts.length ? starts[line]! : tree.source.length;
  return Math.max(start, Math.min(start + position.column, next));
}

/**
 * Applies non-overlapping edits (ranges refer to the original `text`) and returns the result.
 * Edits are applied from last to first, so their ranges never shift under each other.
 */
export function applyTextEdits(text: string, edits: readonly TextEdit[]): string {
  const sorted = [...edits].sort((a, b) => b.range.start - a.range.start || b.range.end - a.range.end);
  let out = text;
  let limit = Infinity;
  for (const e of sorted) {
    if (e.range.end > limit || e.range.start > e.range.end) throw new RangeError("applyTextEdits: overlapping or inverted edits");
    out = out.slice(0, e.range.start) + e.text + out.slice(e.range.end);
    limit = e.range.start;
  }
  return out;
}
