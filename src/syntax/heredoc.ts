/**
 * Heredoc detection as BuildKit does it (`heredocsFromLine`, `heredocFromMatch`): the joined
 * line is split into shell words with quotes and escapes kept, and each word shaped like
 * `[fd]<<[-]name` opens a heredoc. The escape character here is always `\`, whatever the
 * `# escape=` directive says.
 */
import { processWords } from "./shell/lex.ts";
import type { RawSpan } from "./line-parsers.ts";

export interface RawHeredoc {
  readonly name: string;
  readonly expand: boolean;
  readonly chomp: boolean;
  readonly fileDescriptor: number;
  /** The marker word in the logical line. */
  readonly marker: RawSpan;
}

const RE_HEREDOC = /^(\d*)<<(-?)\s*([^<]*)$/;
const NO_ENV: Readonly<Record<string, string>> = {};

function countQuotes(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 0x22 || c === 0x27) n++;
  }
  return n;
}

type HeredocMatch = { heredoc: Omit<RawHeredoc, "marker"> | null; error: string | null };

function heredocFromWord(word: string): HeredocMatch {
  const m = RE_HEREDOC.exec(word);
  if (!m) return { heredoc: null, error: null };
  const rest = m[3] ?? "";
  if (rest.length === 0) return { heredoc: null, error: null };
  const cooked = processWords(rest, NO_ENV, { skipUnsetEnv: true });
  if (!cooked.ok) return { heredoc: null, error: cooked.error };
  const name = cooked.value[0];
  if (cooked.value.length !== 1 || name === undefined) return { heredoc: null, error: null };
  const raw = processWords(rest, NO_ENV, { skipUnsetEnv: true, rawQuotes: true });
  if (!raw.ok) return { heredoc: null, error: raw.error };
  const rawName = raw.value[0];
  if (raw.value.length !== 1 || rawName === undefined) {
    return { heredoc: null, error: `internal lexing of heredoc produced inconsistent results: ${rest}` };
  }
  return {
    heredoc: {
      name,
      expand: countQuotes(name) === countQuotes(rawName),
      chomp: m[2] === "-",
      fileDescriptor: m[1] ? Number(m[1]) : 0,
    },
    error: null,
  };
}

/** Finds the heredocs opened on logical line `L`, in order, with the marker's offsets. */
export function detectHeredocs(L: string): { heredocs: RawHeredoc[]; error: string | null } {
  const heredocs: RawHeredoc[] = [];
  const words = processWords(L, NO_ENV, { rawQuotes: true, rawEscapes: true, skipUnsetEnv: true });
  // BuildKit ignores a lexing error of the whole line and uses the words it has.
  const list = words.ok ? words.value : [];
  let cursor = 0;
  for (let w = 0; w < list.length; w++) {
    const word = list[w]!;
    if (!word.includes("<<")) continue;
    const found = heredocFromWord(word);
    if (found.error !== null) return { heredocs, error: found.error };
    if (!found.heredoc) continue;
    heredocs.push({ ...found.heredoc, marker: locateMarker(L, word, cursor) });
    cursor = heredocs[heredocs.length - 1]!.marker.end;
  }
  return { heredocs, error: null };
}

/** Where the marker word stands in the line (the lexer does not report positions). */
function locateMarker(L: string, word: string, from: number): RawSpan {
  const exact = L.indexOf(word, from);
  if (exact >= 0) return { start: exact, end: exact + word.length };
  let start = L.indexOf("<<", from);
  if (start < 0) return { start: from, end: from };
  while (start > from && L.charCodeAt(start - 1) >= 0x30 && L.charCodeAt(start - 1) <= 0x39) start--;
  let end = start + 2;
  if (L.charCodeAt(end) === 0x2d) end++;
  while (end < L.length && (L.charCodeAt(end) === 0x20 || L.charCodeAt(end) === 0x09)) end++;
  while (end < L.length && L.charCodeAt(end) !== 0x20 && L.charCodeAt(end) !== 0x09) end++;
  return { start, end };
}
