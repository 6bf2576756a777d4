/**
 * Dockerfile text shown outside the editor (panels, node labels, tooltips) with the characters
 * that change how text reads without being seen written out as `[U+202E]`, as Monaco marks them
 * in the editor. A right-to-left override in a stage name then cannot reverse the panel around
 * it, and a zero-width space cannot make two different names look the same.
 */

/**
 * Bidirectional controls (embeddings, overrides, isolates, marks) and invisible characters
 * (zero-width space and joiners, word joiner, invisible operators, BOM, soft hyphen, Mongolian
 * vowel separator).
 */
const INVISIBLE = /[\u00AD\u061C\u180E\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF]/g;

/**
 * `text` with every bidi control and invisible character written as `[U+XXXX]`; other text as is.
 *
 * @example
 * showInvisibles("evil\u202Egpj.exe") // "evil[U+202E]gpj.exe"
 */
export function showInvisibles(text: string): string {
  INVISIBLE.lastIndex = 0;
  if (!INVISIBLE.test(text)) return text;
  return text.replace(INVISIBLE, (ch) => `[U+${(ch.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, "0")}]`);
}
