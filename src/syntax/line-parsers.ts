/**
 * BuildKit's line parsers (`parser/line_parsers.go`), working on the joined logical line.
 * Every value keeps the logical offsets it came from, so the caller can map it back to the
 * source text. Offsets here are indexes into the logical line `L`, never into the source.
 */
import { isGoSpace, isSplitSpace, skipGoSpace, trimGoSpaceEnd } from "./chars.ts";
import { goQuote } from "./go-quote.ts";
import { readJsonArray } from "./json-array.ts";
import type { ArgRole } from "./types.ts";

export interface RawSpan {
  readonly start: number;
  readonly end: number;
}

export interface RawFlag extends RawSpan {
  /** The flag word as BuildKit reports it (quotes removed, escapes applied). */
  readonly text: string;
  /** Offset of the character that produced the first `=` of `text`, or -1. */
  readonly eq: number;
}

export interface RawArg extends RawSpan {
  readonly value: string;
  readonly role: ArgRole;
}

export interface RawInstruction {
  readonly keyword: string;
  /** The keyword in lower case, as BuildKit dispatches on it. */
  readonly lower: string;
  readonly keywordSpan: RawSpan;
  readonly flags: readonly RawFlag[];
  /** A lone `--` that ended the flags. */
  readonly flagEnd: RawSpan | null;
  readonly args: readonly RawArg[];
  readonly json: boolean;
  /** The trimmed text after keyword and flags; empty (start === end) when there is none. */
  readonly argsSpan: RawSpan;
  readonly trigger: RawInstruction | null;
  /** The error BuildKit's parser gives for this line, or null. */
  readonly error: string | null;
}

const NO_FLAGS: readonly RawFlag[] = Object.freeze([]);

export const NOT_STRING_ARRAY = "when using JSON array syntax, arrays must be comprised of strings only";

const QUOTE_SINGLE = 0x27;
const QUOTE_DOUBLE = 0x22;
const BACKSLASH = 0x5c;

/**
 * `extractBuilderFlags`: the `--flag` words right after the keyword.
 *
 * A word is built from slices of `L` between the characters BuildKit drops (quotes, escaping
 * backslashes), not one character at a time: a per-character `+=` leaves a cons string per
 * character alive in the tree, and 20,000 `--mount` flags then cost more in the garbage
 * collector than in the scan (the growth benchmark's "many flags" shape).
 */
function extractFlags(L: string, from: number, to: number) {
  const flags: RawFlag[] = [];
  let flagEnd: RawSpan | null = null;
  let inWord = false;
  let inQuote = false;
  let quote = 0;
  let word = "";
  /** Where the part of the word not yet appended to `word` starts. */
  let chunk = 0;
  let wordStart = 0;
  let eq = -1;
  let blankOK = false;
  const take = (pos: number) => {
    if (pos > chunk) word += L.slice(chunk, pos);
    chunk = pos + 1;
  };
  /** Ends the word at `end`; true when it was a lone `--`, which ends the flags. */
  const finish = (end: number): boolean => {
    take(end);
    if (word === "--") {
      flagEnd = { start: wordStart, end };
      return true;
    }
    if (blankOK || word.length > 0) flags.push({ text: word, start: wordStart, end, eq });
    return false;
  };
  for (let pos = from; pos <= to; pos++) {
    if (!inWord && !inQuote) {
      if (pos === to) return { flags, flagEnd, rest: to };
      const ch = L.charCodeAt(pos);
      if (isGoSpace(ch)) continue;
      if (ch !== 0x2d || pos + 1 === to || L.charCodeAt(pos + 1) !== 0x2d) return { flags, flagEnd, rest: pos };
      inWord = true;
      wordStart = pos;
      chunk = pos;
      word = "";
      eq = -1;
      blankOK = false;
    }
    if (pos === to) {
      finish(to);
      return { flags, flagEnd, rest: to };
    }
    const ch = L.charCodeAt(pos);
    if (inQuote) {
      if (ch === quote) {
        take(pos);
        inQuote = false;
        continue;
      }
      if (ch === BACKSLASH) {
        take(pos);
        if (pos + 1 === to) {
          inQuote = false;
          continue;
        }
        pos++;
      }
    } else {
      if (isGoSpace(ch)) {
        inWord = false;
        if (finish(pos)) return { flags, flagEnd, rest: pos };
        continue;
      }
      if (ch === QUOTE_SINGLE || ch === QUOTE_DOUBLE) {
        take(pos);
        quote = ch;
        blankOK = true;
        inQuote = true;
        continue;
      }
      if (ch === BACKSLASH) {
        take(pos);
        if (pos + 1 === to) continue;
        pos++;
      }
    }
    if (L.charCodeAt(pos) === 0x3d && eq < 0) eq = pos;
  }
  return { flags, flagEnd, rest: to };
}

/** `parseWords`: whitespace-separated words with quotes and escapes kept as written. */
function parseWords(L: string, from: number, to: number, escape: number): RawArg[] {
  const words: RawArg[] = [];
  let phase = 0; // 0 spaces, 1 word, 2 quote
  let start = 0;
  let quote = 0;
  let blankOK = false;
  let hasChars = false;
  let skippedLast = false;
  for (let pos = from; pos <= to; pos++) {
    const ch = pos < to ? L.charCodeAt(pos) : 0;
    if (phase === 0) {
      if (pos === to) break;
      if (isGoSpace(ch)) continue;
      phase = 1;
      start = pos;
      blankOK = false;
      hasChars = false;
      skippedLast = false;
    }
    if (pos === to) {
      if (blankOK || hasChars) words.push({ value: L.slice(start, skippedLast ? to - 1 : to), start, end: to, role: "word" });
      break;
    }
    if (phase === 1) {
      if (isGoSpace(ch)) {
        phase = 0;
        if (blankOK || hasChars) words.push({ value: L.slice(start, pos), start, end: pos, role: "word" });
        continue;
      }
      if (ch === QUOTE_SINGLE || ch === QUOTE_DOUBLE) {
        quote = ch;
        blankOK = true;
        phase = 2;
      }
      if (ch === escape) {
        if (pos + 1 === to) {
          skippedLast = true;
          continue;
        }
        pos++;
      }
      hasChars = true;
      continue;
    }
    if (ch === quote) phase = 1;
    if (ch === escape && quote !== QUOTE_SINGLE) {
      if (pos + 1 === to) {
        phase = 1;
        skippedLast = true;
        continue;
      }
      pos++;
    }
    hasChars = true;
  }
  return words;
}

/** `reWhitespace.Split(rest, -1)`: maximal runs of characters outside `[\t\v\f\r ]`. */
function splitWhitespace(L: string, from: number, to: number, role: ArgRole): RawArg[] {
  const out: RawArg[] = [];
  let i = from;
  while (i < to) {
    let j = i;
    while (j < to && !isSplitSpace(L.charCodeAt(j))) j++;
    out.push({ value: L.slice(i, j), start: i, end: j, role });
    while (j < to && isSplitSpace(L.charCodeAt(j))) j++;
    i = j;
  }
  return out;
}

interface ArgsResult {
  readonly args: readonly RawArg[];
  readonly json: boolean;
  readonly error: string | null;
}

const NONE: ArgsResult = { args: [], json: false, error: null };

function tryJson(L: string, from: number, to: number): ArgsResult | null {
  const at = skipGoSpace(L, from, to);
  if (L.charCodeAt(at) !== 0x5b) return null;
  // The decoder sees only the rest of the line.
  const r = readJsonArray(to === L.length ? L : L.slice(0, to), at);
  if (r.kind === "invalid") return null;
  if (r.kind === "not-strings") return { args: [], json: false, error: NOT_STRING_ARRAY };
  return {
    args: r.elements.map((e) => ({ value: e.value, start: e.start, end: e.end, role: "json" as const })),
    json: true,
    error: null,
  };
}

function parseMaybeJson(L: string, from: number, to: number): ArgsResult {
  if (from === to) return NONE;
  const json = tryJson(L, from, to);
  if (json) return json;
  return { args: [{ value: L.slice(from, to), start: from, end: to, role: "command" }], json: false, error: null };
}

function parseMaybeJsonToList(L: string, from: number, to: number): ArgsResult {
  return tryJson(L, from, to) ?? { args: splitWhitespace(L, from, to, "word"), json: false, error: null };
}

function parseNameVal(L: string, from: number, to: number, escape: number, key: string): ArgsResult {
  const words = parseWords(L, from, to, escape);
  const first = words[0];
  if (!first) return NONE;
  if (!first.value.includes("=")) {
    let k = from;
    while (k < to && !isSplitSpace(L.charCodeAt(k))) k++;
    let v = k;
    while (v < to && isSplitSpace(L.charCodeAt(v))) v++;
    if (k === to) return { args: [], json: false, error: `${key} must have two arguments` };
    return {
      args: [
        { value: L.slice(from, k), start: from, end: k, role: "key" },
        { value: L.slice(v, to), start: v, end: to, role: "value" },
        { value: "", start: k, end: k, role: "separator" },
      ],
      json: false,
      error: null,
    };
  }
  const args: RawArg[] = [];
  for (const w of words) {
    const eq = w.value.indexOf("=");
    if (eq < 0) {
      return { args, json: false, error: `Syntax error - can't find = in ${goQuote(w.value)}. Must be of the form: name=value` };
    }
    const at = w.start + eq;
    args.push(
      { value: w.value.slice(0, eq), start: w.start, end: at, role: "key" },
      { value: w.value.slice(eq + 1), start: at + 1, end: w.end, role: "value" },
      { value: "=", start: at, end: at + 1, role: "separator" },
    );
  }
  return { args, json: false, error: null };
}

function parseHealthcheck(L: string, from: number, to: number): ArgsResult {
  let sep = from;
  while (sep < to && !isGoSpace(L.charCodeAt(sep))) sep++;
  if (sep === from) return NONE;
  const next = skipGoSpace(L, sep, to);
  const cmd = parseMaybeJson(L, next, to);
  const type: RawArg = { value: L.slice(from, sep), start: from, end: sep, role: "healthcheck-type" };
  return { args: [type, ...cmd.args], json: cmd.json, error: cmd.error };
}

function parseArguments(name: string, L: string, from: number, to: number, escape: number): ArgsResult {
  switch (name) {
    case "add":
    case "copy":
    case "volume":
      return parseMaybeJsonToList(L, from, to);
    case "run":
    case "cmd":
    case "entrypoint":
    case "shell":
      return parseMaybeJson(L, from, to);
    case "from":
    case "expose":
      return { args: splitWhitespace(L, from, to, "word"), json: false, error: null };
    case "env":
      return parseNameVal(L, from, to, escape, "ENV");
    case "label":
      return parseNameVal(L, from, to, escape, "LABEL");
    case "arg":
      return { args: parseWords(L, from, to, escape), json: false, error: null };
    case "maintainer":
    case "stopsignal":
    case "user":
    case "workdir":
      return from === to ? NONE : { args: [{ value: L.slice(from, to), start: from, end: to, role: "command" }], json: false, error: null };
    case "healthcheck":
      return parseHealthcheck(L, from, to);
    default:
      return { args: [{ value: "", start: from, end: to, role: "ignored" }], json: false, error: null };
  }
}

type Head = Omit<RawInstruction, "args" | "json" | "trigger" | "error">;

/** Keyword and flags of `L[from, to)`, and where its arguments are (BuildKit's `splitCommand`). */
function splitCommand(L: string, from: number, to: number): Head {
  const a = skipGoSpace(L, from, to);
  const b = trimGoSpaceEnd(L, a, to);
  let k = a;
  while (k < b && !isSplitSpace(L.charCodeAt(k))) k++;
  const keyword = L.slice(a, k);
  let flags: readonly RawFlag[] = NO_FLAGS;
  let flagEnd: RawSpan | null = null;
  let restStart = k;
  while (restStart < b && isSplitSpace(L.charCodeAt(restStart))) restStart++;
  const firstWord = skipGoSpace(L, restStart, b);
  // Most instructions have no flags: only run BuildKit's flag scanner when a `--` comes first.
  if (k < b && L.charCodeAt(firstWord) === 0x2d && L.charCodeAt(firstWord + 1) === 0x2d) {
    const extracted = extractFlags(L, restStart, b);
    flags = extracted.flags;
    flagEnd = extracted.flagEnd;
    restStart = extracted.rest;
  }
  const argsStart = skipGoSpace(L, restStart, b);
  const argsEnd = trimGoSpaceEnd(L, argsStart, b);
  return {
    keyword,
    lower: keyword.toLowerCase(),
    keywordSpan: { start: a, end: k },
    flags,
    flagEnd,
    argsSpan: { start: argsStart, end: argsEnd },
  };
}

/**
 * `newNodeFromLine` for `L[from, to)`: keyword, flags and arguments of one instruction.
 * ONBUILD triggers nest (`ONBUILD ONBUILD …` parses, BuildKit rejects it a layer later), so
 * the chain is read in a loop rather than by recursion that hostile input could overflow.
 */
export function parseInstructionLine(L: string, from: number, to: number, escape: number): RawInstruction {
  const first = splitCommand(L, from, to);
  if (first.lower !== "onbuild") return withArguments(first, parseArguments(first.lower, L, first.argsSpan.start, first.argsSpan.end, escape), null);
  const heads: Head[] = [];
  let f = from;
  let t = to;
  for (;;) {
    const head = splitCommand(L, f, t);
    heads.push(head);
    if (head.lower !== "onbuild" || head.argsSpan.end === head.argsSpan.start) break;
    f = head.argsSpan.start;
    t = head.argsSpan.end;
  }
  let inner: RawInstruction | null = null;
  for (let k = heads.length - 1; k >= 0; k--) {
    const head = heads[k]!;
    const parsed: ArgsResult =
      head.lower === "onbuild"
        ? { args: [], json: false, error: inner ? inner.error : null }
        : parseArguments(head.lower, L, head.argsSpan.start, head.argsSpan.end, escape);
    inner = withArguments(head, parsed, inner);
  }
  return inner!;
}

// Built field by field: object spread is several times slower on this hot path.
function withArguments(head: Head, parsed: ArgsResult, trigger: RawInstruction | null): RawInstruction {
  return {
    keyword: head.keyword,
    lower: head.lower,
    keywordSpan: head.keywordSpan,
    flags: head.flags,
    flagEnd: head.flagEnd,
    argsSpan: head.argsSpan,
    args: parsed.args,
    json: parsed.json,
    trigger,
    error: parsed.error,
  };
}
