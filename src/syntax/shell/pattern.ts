/**
 * The patterns of `${x#p}`, `${x%p}` and `${x/p/r}`, matched as BuildKit matches them.
 *
 * BuildKit turns the pattern into a Go regular expression (`*` → `.*` or `.*?`, `?` → `.`,
 * everything else literal, so `[...]` is NOT a bracket expression) and lets Go's
 * leftmost-first regexp engine pick the match. We reproduce that choice with a small
 * dynamic programme instead of compiling a RegExp per call: it runs in O(pattern × value),
 * cannot backtrack exponentially, and works on code points like Go's runes (`.` never
 * matches `\n`, and never half of a surrogate pair).
 *
 * All functions return a string on success or a {@link PatternError} carrying BuildKit's
 * message; nothing here throws.
 */

/** A pattern that BuildKit refuses, with its error text. */
export interface PatternError {
  readonly error: string;
}

const STAR = -1;
const ANY = -2;
const NEWLINE = 0x0a;
const BACKSLASH = 0x5c;

/** A value split into code points, with the UTF-16 offset where each one starts. */
interface CodePoints {
  readonly cps: Int32Array;
  /** `offsets[i]` is where code point `i` starts in the string; `offsets[n]` is its length. */
  readonly offsets: Int32Array;
}

function toCodePoints(s: string): CodePoints {
  const cps = new Int32Array(s.length);
  const offsets = new Int32Array(s.length + 1);
  let n = 0;
  let i = 0;
  while (i < s.length) {
    const cp = s.codePointAt(i) ?? 0;
    cps[n] = cp;
    offsets[n] = i;
    n++;
    i += cp > 0xffff ? 2 : 1;
  }
  offsets[n] = s.length;
  return { cps: cps.subarray(0, n), offsets: offsets.subarray(0, n + 1) };
}

function fromCodePoints(cps: ArrayLike<number>): string {
  let s = "";
  for (let i = 0; i < cps.length; i++) s += String.fromCodePoint(cps[i] ?? 0);
  return s;
}

function patternError(pattern: ArrayLike<number>, detail: string): PatternError {
  return { error: `invalid pattern (${fromCodePoints(pattern)}) in substitution: ${detail}` };
}

/**
 * Tokens of BuildKit's `convertShellPatternToRegex`: STAR, ANY, or a literal code point.
 * A backslash before `}` or `/` is dropped (it only kept them from ending the `${}`); a
 * backslash before `*`, `?` or `\` makes that character literal; any other escape is an error.
 */
function tokenize(pattern: ArrayLike<number>): Int32Array | PatternError {
  const tokens = new Int32Array(pattern.length);
  let n = 0;
  // Go's text/scanner skips a byte-order mark at the very start of its input.
  let i = pattern[0] === 0xfeff ? 1 : 0;
  while (i < pattern.length) {
    const cp = pattern[i++] ?? 0;
    if (cp === 0x2a) tokens[n++] = STAR;
    else if (cp === 0x3f) tokens[n++] = ANY;
    else if (cp === BACKSLASH) {
      const next = i < pattern.length ? (pattern[i] ?? 0) : -1;
      if (next === 0x7d || next === 0x2f) continue;
      i++;
      if (next !== 0x2a && next !== 0x3f && next !== BACKSLASH) {
        // Go formats the EOF rune (-1) with %c as U+FFFD.
        const shown = next < 0 ? "\ufffd" : String.fromCodePoint(next);
        return patternError(pattern, `invalid escape '\\${shown}'`);
      }
      tokens[n++] = next;
    } else tokens[n++] = cp;
  }
  return tokens.subarray(0, n);
}

/**
 * For every start position `s` in `text`, the end of the match Go's leftmost-first engine
 * would report for the pattern anchored at `s`, or -1 when there is none.
 *
 * Row `p` answers "match tokens[p..] from position t". A greedy star prefers consuming one
 * more character, a lazy one prefers stopping, exactly the order a backtracker tries them.
 */
function matchEnds(tokens: Int32Array, text: Int32Array, greedy: boolean): Int32Array {
  const n = text.length;
  let next = new Int32Array(n + 1);
  let cur = new Int32Array(n + 1);
  for (let t = 0; t <= n; t++) next[t] = t;
  for (let p = tokens.length - 1; p >= 0; p--) {
    const tok = tokens[p] ?? 0;
    if (tok === STAR) {
      cur[n] = next[n] ?? -1;
      for (let t = n - 1; t >= 0; t--) {
        const more = text[t] !== NEWLINE ? (cur[t + 1] ?? -1) : -1;
        const stop = next[t] ?? -1;
        cur[t] = greedy ? (more >= 0 ? more : stop) : stop >= 0 ? stop : more;
      }
    } else {
      cur[n] = -1;
      for (let t = n - 1; t >= 0; t--) {
        const c = text[t] ?? 0;
        const ok = tok === ANY ? c !== NEWLINE : c === tok;
        cur[t] = ok ? (next[t + 1] ?? -1) : -1;
      }
    }
    const swap = next;
    next = cur;
    cur = swap;
  }
  return next;
}

/** BuildKit `trimPrefix`: remove the shortest (or, greedy, longest) prefix matching `pattern`. */
export function trimPatternPrefix(
  pattern: string,
  value: string,
  greedy: boolean,
): string | PatternError {
  const tokens = tokenize(toCodePoints(pattern).cps);
  if (!(tokens instanceof Int32Array)) return tokens;
  const text = toCodePoints(value);
  const end = matchEnds(tokens, text.cps, greedy)[0] ?? -1;
  return end < 0 ? value : value.slice(text.offsets[end]);
}

/**
 * BuildKit `reversePattern`: reverse the code points but keep each `\x` pair in order, so
 * `a\*c` becomes `c\*a`. BuildKit reverses both pattern and value to find a suffix match.
 */
function reversePattern(pattern: Int32Array): Int32Array {
  const out = new Int32Array(pattern.length);
  const last = pattern.length - 1;
  for (let i = 0; i <= last; ) {
    const cp = pattern[i] ?? 0;
    if (cp === BACKSLASH && i !== last) {
      out[last - i - 1] = cp;
      out[last - i] = pattern[i + 1] ?? 0;
      i += 2;
    } else {
      out[last - i] = cp;
      i++;
    }
  }
  return out;
}

/** BuildKit `trimSuffix`: remove the shortest (or, greedy, longest) suffix matching `pattern`. */
export function trimPatternSuffix(
  pattern: string,
  value: string,
  greedy: boolean,
): string | PatternError {
  const tokens = tokenize(reversePattern(toCodePoints(pattern).cps));
  if (!(tokens instanceof Int32Array)) return tokens;
  const text = toCodePoints(value);
  const reversed = text.cps.slice().reverse();
  const end = matchEnds(tokens, reversed, greedy)[0] ?? -1;
  return end < 0 ? value : value.slice(0, text.offsets[text.cps.length - end]);
}

function isNameCodePoint(cp: number): boolean {
  if (cp < 0x80) {
    return (
      (cp >= 0x30 && cp <= 0x39) || ((cp | 0x20) >= 0x61 && (cp | 0x20) <= 0x7a) || cp === 0x5f
    );
  }
  return NAME_CHAR.test(String.fromCodePoint(cp));
}
const NAME_CHAR = /[\p{L}\p{Nd}]/u;

/**
 * Go's `Regexp.Expand` for a regexp without capture groups, which is what BuildKit's
 * `ReplaceAllString` applies to the replacement: `$$` is a dollar, `$0`/`${0}` the whole
 * match, any other well-formed `$name`/`${name}` is empty, and a malformed `$` is literal.
 */
function expandTemplate(template: string, match: string): string {
  let out = "";
  let i = 0;
  for (;;) {
    const dollar = template.indexOf("$", i);
    if (dollar < 0) return out + template.slice(i);
    out += template.slice(i, dollar);
    i = dollar + 1;
    if (template.charCodeAt(i) === 0x24) {
      out += "$";
      i++;
      continue;
    }
    const brace = template.charCodeAt(i) === 0x7b;
    let j = brace ? i + 1 : i;
    const nameStart = j;
    while (j < template.length) {
      const cp = template.codePointAt(j) ?? 0;
      if (!isNameCodePoint(cp)) break;
      j += cp > 0xffff ? 2 : 1;
    }
    if (j === nameStart || (brace && template.charCodeAt(j) !== 0x7d)) {
      out += "$";
      continue;
    }
    if (template.slice(nameStart, j) === "0") out += match;
    i = brace ? j + 1 : j;
  }
}

/**
 * BuildKit's `${x/p/r}` and `${x//p/r}`: replace the first (or every) match of the
 * unanchored, greedy pattern. The first form inserts `replacement` literally; the second
 * goes through Go's `ReplaceAllString`, which expands `$` templates and never puts a
 * replacement for an empty match right after a previous match.
 *
 * Returns null as soon as the result would be longer than `maxLength`: every character of a
 * long value can match, and each match can insert a long replacement, so the product would
 * otherwise be built in full (or pass JavaScript's string limit) before any caller could check it.
 */
export function replacePattern(
  pattern: string,
  value: string,
  replacement: string,
  all: boolean,
  maxLength = Infinity,
): string | PatternError | null {
  const tokens = tokenize(toCodePoints(pattern).cps);
  if (!(tokens instanceof Int32Array)) return tokens;
  const text = toCodePoints(value);
  const n = text.cps.length;
  const ends = matchEnds(tokens, text.cps, true);
  const at = (i: number): number => text.offsets[i] ?? value.length;
  if (!all) {
    for (let s = 0; s <= n; s++) {
      const e = ends[s] ?? -1;
      if (e < 0) continue;
      if (value.length - (at(e) - at(s)) + replacement.length > maxLength) return null;
      return value.slice(0, at(s)) + replacement + value.slice(at(e));
    }
    return value;
  }
  let out = "";
  let lastEnd = 0;
  let searchPos = 0;
  let s = 0;
  while (searchPos <= n) {
    if (s < searchPos) s = searchPos;
    while (s <= n && (ends[s] ?? -1) < 0) s++;
    if (s > n) break;
    const e = ends[s] ?? s;
    out += value.slice(at(lastEnd), at(s));
    if (e > lastEnd || s === 0) out += expandTemplate(replacement, value.slice(at(s), at(e)));
    if (out.length > maxLength) return null;
    lastEnd = e;
    const width = searchPos < n ? 1 : 0;
    if (searchPos + width > e) searchPos += width;
    else if (searchPos + 1 > e) searchPos++;
    else searchPos = e;
  }
  const tail = value.slice(at(lastEnd));
  return out.length + tail.length > maxLength ? null : out + tail;
}
