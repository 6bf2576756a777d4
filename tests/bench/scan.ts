/**
 * The floor for parse speed: one pass over the text that does the lexical work every Dockerfile
 * parser must do first (find line starts, comment lines and line continuations) and nothing more.
 */

const LF = 10;
const CR = 13;
const TAB = 9;
const SPACE = 32;
const HASH = 35;
const BACKSLASH = 92;

/** What the scan found; `checksum` mixes all of it so the work cannot be optimised away. */
export interface ScanResult {
  readonly lines: number;
  readonly comments: number;
  readonly continuations: number;
  readonly checksum: number;
}

/**
 * Scan `text` once with `charCodeAt`, recording every line start (into a fresh array, as a
 * parser's line table would be), counting lines whose first non-blank character is `#`, and
 * counting lines that end in the escape character followed only by blanks (continuations;
 * `\` only: the scan does not read an `escape` directive).
 */
export function scanDockerfile(text: string): ScanResult {
  const lineStarts: number[] = [0];
  let comments = 0;
  let continuations = 0;
  let sawContent = false;
  let inComment = false;
  let last = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === LF) {
      if (last === BACKSLASH && !inComment) continuations++;
      lineStarts.push(i + 1);
      sawContent = false;
      inComment = false;
      last = 0;
    } else if (c !== SPACE && c !== TAB && c !== CR) {
      if (!sawContent) {
        sawContent = true;
        if (c === HASH) {
          inComment = true;
          comments++;
        }
      }
      last = c;
    }
  }
  let startSum = 0;
  for (let i = 0; i < lineStarts.length; i++) startSum = (startSum + (lineStarts[i] ?? 0)) | 0;
  return {
    lines: lineStarts.length,
    comments,
    continuations,
    checksum: (Math.imul(lineStarts.length, 31) + Math.imul(comments, 7) + continuations + startSum) | 0,
  };
}
