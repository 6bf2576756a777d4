/**
 * The editor adapter's arithmetic: store offsets ↔ Monaco's 1-based line/column positions, and
 * the smallest edit between two texts. Pure, so it is tested without a browser.
 *
 * Monaco's lines are not the core's: Monaco ends a line at `\r\n`, `\r` or `\n` and keeps a
 * leading byte-order mark out of its text, while the core counts `\n` only. Positions therefore
 * come from an index built here with Monaco's rule, never from the core's `lineStarts`.
 */

/** A position as Monaco counts it: both 1-based, columns in UTF-16 code units. */
export interface LineColumn {
  readonly lineNumber: number;
  readonly column: number;
}

export interface LineIndex {
  readonly text: string;
  /** Offset of each line's first character (line n at `starts[n - 1]`). */
  readonly starts: readonly number[];
  /** Offset just past each line's content, before its line break. */
  readonly ends: readonly number[];
}

const BOM = "\uFEFF";
const LINE_BREAK = /\r\n|\r|\n/g;

/** Splits `text` into lines the way a Monaco model does. */
export function indexLines(text: string): LineIndex {
  const starts = [text.startsWith(BOM) ? 1 : 0];
  const ends: number[] = [];
  LINE_BREAK.lastIndex = starts[0]!;
  for (let m = LINE_BREAK.exec(text); m !== null; m = LINE_BREAK.exec(text)) {
    ends.push(m.index);
    starts.push(m.index + m[0].length);
  }
  ends.push(text.length);
  return { text, starts, ends };
}

let cached: LineIndex | null = null;

/** `indexLines`, remembering the last text: the store's text is indexed once per change. */
export function indexLinesCached(text: string): LineIndex {
  if (cached?.text !== text) cached = indexLines(text);
  return cached;
}

/** The line holding `offset`; an offset inside a line break belongs to the line it ends. */
function lineOf(index: LineIndex, offset: number): number {
  const { starts } = index;
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid]! <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** The Monaco position of a text offset (clamped into the text; inside a line break: the line's end). */
export function toLineColumn(index: LineIndex, offset: number): LineColumn {
  const o = Math.max(0, Math.min(offset, index.text.length));
  const line = lineOf(index, o);
  const start = index.starts[line]!;
  const end = index.ends[line]!;
  return { lineNumber: line + 1, column: Math.max(0, Math.min(o, end) - start) + 1 };
}

/** The text offset of a Monaco position (clamped to the line's content). */
export function toOffset(index: LineIndex, position: LineColumn): number {
  const line = Math.max(0, Math.min(position.lineNumber - 1, index.starts.length - 1));
  const start = index.starts[line]!;
  return Math.min(start + Math.max(0, position.column - 1), index.ends[line]!);
}

export interface LineColumnRange {
  readonly startLineNumber: number;
  readonly startColumn: number;
  readonly endLineNumber: number;
  readonly endColumn: number;
}

/** The Monaco range of `[start, end)`. */
export function toRange(index: LineIndex, start: number, end: number): LineColumnRange {
  const from = toLineColumn(index, start);
  const to = toLineColumn(index, end);
  return { startLineNumber: from.lineNumber, startColumn: from.column, endLineNumber: to.lineNumber, endColumn: to.column };
}

/**
 * The lines `[start, end)` covers, for whole-line decorations and selections: a range that ends
 * at the start of a line (a block with its final newline) does not take that line in.
 */
export function toLineSpan(index: LineIndex, start: number, end: number): { startLine: number; endLine: number } {
  const first = toLineColumn(index, start).lineNumber;
  const last = toLineColumn(index, end);
  const endLine = end > start && last.column === 1 && last.lineNumber > first && toOffset(index, last) === end ? last.lineNumber - 1 : last.lineNumber;
  return { startLine: first, endLine };
}

/**
 * `toRange`, except that a range ending at the start of a line (a block with its final newline)
 * ends at the end of the line before: selecting or marking a stage stops at its last line.
 */
export function toBlockRange(index: LineIndex, start: number, end: number): LineColumnRange {
  const range = toRange(index, start, end);
  const { endLine } = toLineSpan(index, start, end);
  if (endLine === range.endLineNumber) return range;
  const line = endLine - 1;
  return { ...range, endLineNumber: endLine, endColumn: index.ends[line]! - index.starts[line]! + 1 };
}

/** Replace `[start, end)` of the old text by `text` to get the new one. */
export interface Replacement {
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}

/** True when offset `i` falls between the two halves of `\r\n` or of a surrogate pair. */
function splitsUnit(text: string, i: number): boolean {
  if (i <= 0 || i >= text.length) return false;
  const before = text.charCodeAt(i - 1);
  const after = text.charCodeAt(i);
  return (before === 13 && after === 10) || (isHighSurrogate(before) && isLowSurrogate(after));
}

/**
 * The smallest single replacement that turns `before` into `after`: everything between their
 * common prefix and common suffix. Its ends never cut `\r\n` or a surrogate pair in two, so it
 * maps onto whole Monaco positions. Null when the texts are equal.
 */
export function findReplacement(before: string, after: string): Replacement | null {
  if (before === after) return null;
  const shorter = Math.min(before.length, after.length);
  let start = 0;
  while (start < shorter && before.charCodeAt(start) === after.charCodeAt(start)) start++;
  let suffix = 0;
  while (suffix < shorter - start && before.charCodeAt(before.length - 1 - suffix) === after.charCodeAt(after.length - 1 - suffix)) suffix++;
  while (start > 0 && (splitsUnit(before, start) || splitsUnit(after, start))) start--;
  while (suffix > 0 && (splitsUnit(before, before.length - suffix) || splitsUnit(after, after.length - suffix))) suffix--;
  return { start, end: before.length - suffix, text: after.slice(start, after.length - suffix) };
}

/** A `\r` that does not start `\r\n`: Monaco breaks the line there, the core does not. */
const LONE_CR = /\r(?!\n)/;

/**
 * The store's text after the user changed the model from `modelBefore` to `modelAfter`, when the
 * model shows `storeText` with its line breaks normalized or its byte-order mark held apart.
 * Lines the user did not touch keep their own line breaks, so a file with mixed `\n` and `\r\n`
 * stays as it was outside the edit. A lone `\r` has no faithful place in Monaco's lines: then the
 * model's text is taken as it is.
 */
export function carryModelEdit(storeText: string, modelBefore: string, modelAfter: string): string {
  const replacement = findReplacement(modelBefore, modelAfter);
  if (replacement === null) return storeText;
  if (LONE_CR.test(storeText)) return modelAfter;
  const modelLines = indexLines(modelBefore);
  const storeLines = indexLinesCached(storeText);
  const start = toOffset(storeLines, toLineColumn(modelLines, replacement.start));
  const end = toOffset(storeLines, toLineColumn(modelLines, replacement.end));
  return storeText.slice(0, start) + replacement.text + storeText.slice(end);
}

export interface ModelEdit {
  readonly range: LineColumnRange;
  readonly text: string;
}

/**
 * The one Monaco edit that takes a model showing `before` to showing `after` (both store texts),
 * touching only what changed so the cursor, scroll position and undo stack survive. Null when
 * nothing changed.
 */
export function findModelEdit(before: string, after: string): ModelEdit | null {
  const replacement = findReplacement(before, after);
  if (replacement === null) return null;
  // Monaco keeps a byte-order mark apart from its text; inserting one would show a stray character.
  const text = replacement.start === 0 ? replacement.text.replace(/^\uFEFF/, "") : replacement.text;
  return { range: toRange(indexLines(before), replacement.start, replacement.end), text };
}
