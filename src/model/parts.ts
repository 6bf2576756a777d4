/** Small constructors for typed parts and the ranges inside them. */
import type { ArgNode, TextRange } from "../syntax/types.ts";
import type { TextPart } from "./types.ts";

/** An argument already is a part (value and range); it is shared, not copied, to spare the allocation. */
export function toPart(arg: ArgNode): TextPart {
  return arg;
}

/**
 * The range of `value.slice(from, to)` inside `part`. Exact when the part's source text is its
 * value (no continuation or escape inside it); otherwise the whole part, which is still safe to
 * point at.
 */
export function subRange(source: string, part: TextPart, from: number, to: number): TextRange {
  const { start, end } = part.range;
  if (end - start === part.value.length && source.startsWith(part.value, start)) {
    return { start: start + from, end: start + to };
  }
  return part.range;
}

/** The smallest range covering both. */
export function joinRanges(a: TextRange, b: TextRange): TextRange {
  return { start: Math.min(a.start, b.start), end: Math.max(a.end, b.end) };
}
