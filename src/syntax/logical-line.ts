/**
 * The logical line of an instruction: its physical lines joined as BuildKit joins them
 * (continuation characters removed, comment and blank lines dropped), with a map back to
 * source offsets, and the lossless token stream of the instruction's physical text.
 */
import { isGoSpace } from "./chars.ts";
import type { RawInstruction, RawSpan } from "./line-parsers.ts";
import type { TextRange, Token, TokenKind } from "./types.ts";

/** A piece of one physical line that is part of the logical line. */
export interface Segment {
  /** Source offsets of the piece. */
  readonly start: number;
  readonly end: number;
  /** Where the piece starts in the logical line. */
  readonly logical: number;
  /** 0-based physical line. */
  readonly line: number;
}

export class LogicalLine {
  readonly text: string;

  constructor(
    source: string,
    readonly segments: readonly Segment[],
  ) {
    let text = "";
    for (const g of segments) text += source.slice(g.start, g.end);
    this.text = text;
  }

  /** The segment holding logical offset `x`: the last one starting at or before it. */
  private segmentAt(x: number): Segment {
    const segs = this.segments;
    let lo = 0;
    let hi = segs.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (segs[mid]!.logical <= x) lo = mid;
      else hi = mid - 1;
    }
    return segs[lo]!;
  }

  /** Source offset of logical offset `x` (a start position). */
  toSource(x: number): number {
    const g = this.segmentAt(x);
    return Math.min(g.start + (x - g.logical), g.end);
  }

  /** The source range of logical `[a, b)`. */
  range(a: number, b: number): TextRange {
    const start = this.toSource(a);
    if (b <= a) return { start, end: start };
    const g = this.segmentAt(b - 1);
    return { start, end: g.start + (b - 1 - g.logical) + 1 };
  }
}

/** Appends the token `[start, end)` of `source` to `into`, unless it is empty. */
export function makeToken(source: string, kind: TokenKind, start: number, end: number, into: Token[]): void {
  if (end > start) into.push({ kind, start, end, text: source.slice(start, end) });
}

/** What the token builder needs from the parser. */
export interface LineSource {
  readonly source: string;
  lineStart(i: number): number;
  contentEnd(i: number): number;
  isCommentLine(from: number, to: number): boolean;
  lineTokens(i: number, from: number, kind: "comment" | "directive" | "blank", into: Token[]): void;
}

const RE_JSON_PUNCTUATION = /^[[\],]+$/;

interface KindedSpan extends RawSpan {
  readonly kind: TokenKind;
}

function collectSpans(top: RawInstruction, out: KindedSpan[]): void {
  for (let raw: RawInstruction | null = top; raw; raw = raw.trigger) {
    out.push({ ...raw.keywordSpan, kind: "keyword" });
    for (const f of raw.flags) out.push({ start: f.start, end: f.end, kind: "flag" });
    if (raw.flagEnd) out.push({ ...raw.flagEnd, kind: "flag-end" });
    for (const a of raw.args) {
      if (a.end <= a.start) continue;
      const kind: TokenKind = a.role === "json" ? "json-string" : a.role === "ignored" ? "text" : "argument";
      out.push({ start: a.start, end: a.end, kind });
    }
  }
}

/**
 * The tokens of an instruction's lines, from `nodeStart` to the end of `lastLine`, in order,
 * with no gap: semantic spans (keyword, flags, arguments) split where they cross a physical
 * line, and between them blanks, continuation characters, newlines and the comment or blank
 * lines that sit inside a continuation.
 */
export function buildInstructionTokens(
  p: LineSource,
  logical: LogicalLine,
  raw: RawInstruction,
  nodeStart: number,
  lastLine: number,
): Token[] {
  const s = p.source;
  const tokens: Token[] = [];
  const push = (kind: TokenKind, start: number, end: number) => makeToken(s, kind, start, end, tokens);
  const spans: KindedSpan[] = [];
  collectSpans(raw, spans);
  spans.sort((x, y) => x.start - y.start);
  let innermost = raw;
  while (innermost.trigger) innermost = innermost.trigger;
  const gapKind: TokenKind = innermost.json ? "json-punctuation" : "text";
  const pushGap = (from: number, to: number) => {
    let i = from;
    while (i < to) {
      const blank = isGoSpace(s.charCodeAt(i));
      let j = i + 1;
      while (j < to && isGoSpace(s.charCodeAt(j)) === blank) j++;
      push(blank ? "whitespace" : gapKind === "json-punctuation" && !RE_JSON_PUNCTUATION.test(s.slice(i, j)) ? "text" : gapKind, i, j);
      i = j;
    }
  };
  const segs = logical.segments;
  push("whitespace", nodeStart, segs[0]!.start);
  let k = 0;
  for (let g = 0; g < segs.length; g++) {
    const seg = segs[g]!;
    const base = seg.start - seg.logical;
    const segEnd = seg.logical + (seg.end - seg.start);
    let cursor = seg.logical;
    while (k < spans.length && spans[k]!.end <= cursor && spans[k]!.end > spans[k]!.start) k++;
    for (let m = k; m < spans.length && cursor < segEnd; m++) {
      const span = spans[m]!;
      if (span.start >= segEnd) break;
      if (span.end <= cursor) continue;
      if (span.start > cursor) pushGap(cursor + base, span.start + base);
      const from = Math.max(span.start, cursor);
      const to = Math.min(span.end, segEnd);
      push(span.kind, from + base, to + base);
      cursor = to;
    }
    if (cursor < segEnd) pushGap(cursor + base, segEnd + base);
    const lineEnd = p.contentEnd(seg.line);
    push("continuation", seg.end, lineEnd);
    push("newline", lineEnd, p.lineStart(seg.line + 1));
    const nextLine = g + 1 < segs.length ? segs[g + 1]!.line : lastLine + 1;
    for (let j = seg.line + 1; j < nextLine; j++) {
      const a = p.lineStart(j);
      p.lineTokens(j, a, p.isCommentLine(a, p.contentEnd(j)) ? "comment" : "blank", tokens);
    }
  }
  return tokens;
}
