/**
 * Character classes exactly as Go's standard library defines them, because BuildKit's
 * parser decides what is blank with Go's `unicode.IsSpace` and `strings.TrimSpace`,
 * which differ from JavaScript's `\s` and `String.prototype.trim` (U+0085 vs U+FEFF).
 */

/** Go `unicode.IsSpace` for one UTF-16 code unit (all Go spaces are in the BMP). */
export function isGoSpace(c: number): boolean {
  if (c <= 0x20) return c === 0x20 || (c >= 0x09 && c <= 0x0d);
  if (c < 0x85) return false;
  return (
    c === 0x85 ||
    c === 0xa0 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000
  );
}

/** BuildKit's `reWhitespace` class: `[\t\v\f\r ]`. */
export function isSplitSpace(c: number): boolean {
  return c === 0x20 || c === 0x09 || c === 0x0b || c === 0x0c || c === 0x0d;
}

/** Index of the first non-Go-space code unit in `s[from, to)`, or `to`. */
export function skipGoSpace(s: string, from: number, to: number): number {
  let i = from;
  while (i < to && isGoSpace(s.charCodeAt(i))) i++;
  return i;
}

/** End of `s[from, to)` after Go's `TrimRight` of spaces, i.e. one past the last non-space. */
export function trimGoSpaceEnd(s: string, from: number, to: number): number {
  let j = to;
  while (j > from && isGoSpace(s.charCodeAt(j - 1))) j--;
  return j;
}

/** Go `strings.TrimSpace`. */
export function goTrim(s: string): string {
  const a = skipGoSpace(s, 0, s.length);
  return s.slice(a, trimGoSpaceEnd(s, a, s.length));
}
