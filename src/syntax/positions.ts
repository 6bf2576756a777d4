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

function describeEdit(e: TextEdit, index: number): string {
  return `edit ${index + 1} [${e.range.start}, ${e.range.end})`;
}

/**
 * Applies edits whose ranges all refer to the original `text`, exactly, or throws.
 *
 * - Ranges must lie inside the text, with `start <= end`.
 * - Ranges must not overlap; touching is fine. An insertion at the start or end of a replaced
 *   range goes before or after it.
 * - Edits at the same offset (several insertions) apply in the order given: `[A, B]` gives `AB`.
 *
 * These are Monaco's rules for one batch of edit operations (ordered by range, then by the order
 * given; overlap is an error), so the editor and the core give the same text for the same edits.
 *
 * @example
 * applyTextEdits("FROM a", [{ range: { start: 5, end: 6 }, text: "b" }]); // "FROM b"
 */
export function applyTextEdits(text: string, edits: readonly TextEdit[]): string {
  const order = edits.map((_, i) => i);
  order.sort((a, b) => {
    const x = edits[a]!.range;
    const y = edits[b]!.range;
    return x.start - y.start || x.end - y.end || a - b;
  });
  const parts: string[] = [];
  let cursor = 0;
  let previous = -1;
  for (const i of order) {
    const e = edits[i]!;
    const { start, end } = e.range;
    if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end < start || end > text.length) {
      throw new RangeError(`applyTextEdits: ${describeEdit(e, i)} is not a range inside the text (length ${text.length})`);
    }
    if (start < cursor) {
      throw new RangeError(`applyTextEdits: ${describeEdit(e, i)} overlaps ${describeEdit(edits[previous]!, previous)}`);
    }
    parts.push(text.slice(cursor, start), e.text);
    cursor = end;
    previous = i;
  }
  parts.push(text.slice(cursor));
  return parts.join("");
}
