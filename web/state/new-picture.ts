/**
 * When a change of the text starts a new picture: a pasted file over the old one, a cleared
 * editor, a load. The canvas then lays everything out afresh and fits the view, and the old
 * file's view (positions, pins, target, build args, zoom) is kept aside, so undoing the paste
 * brings the old picture back with the old text.
 */
import type { Point } from "./store.ts";

/** A change that rewrites more than this share of the larger text is a new file, not an edit. */
export const NEW_TEXT_SHARE = 0.5;
/** Fewer inserted characters than this is typing, whatever it replaced (a key over a selection). */
const MIN_PASTE = 16;
/** How many earlier pictures are kept for undo. */
const KEPT_PICTURES = 8;

export interface Viewport {
  readonly x: number;
  readonly y: number;
  readonly zoom: number;
}

/** The view of one text: what a new picture starts afresh and an undo brings back. */
export interface Picture {
  readonly text: string;
  readonly sourceName: string;
  readonly edited: boolean;
  readonly target: string | null;
  readonly buildArgs: Readonly<Record<string, string>>;
  readonly positions: Readonly<Record<string, Point>>;
  readonly pinned: readonly string[];
  readonly viewport: Viewport | null;
}

/**
 * Whether going from `before` to `after` replaces most of the file: what the two share at both
 * ends is less than half the larger one, and a real amount of text came in (or all went).
 *
 * @example
 * isNewText(example, pastedFile); // true
 * isNewText("FROM a\n", "FROM ab\n"); // false
 */
export function isNewText(before: string, after: string): boolean {
  if (before === after) return false;
  const shorter = Math.min(before.length, after.length);
  let prefix = 0;
  while (prefix < shorter && before.charCodeAt(prefix) === after.charCodeAt(prefix)) prefix++;
  let suffix = 0;
  while (suffix < shorter - prefix && before.charCodeAt(before.length - 1 - suffix) === after.charCodeAt(after.length - 1 - suffix)) suffix++;
  const kept = prefix + suffix;
  const larger = Math.max(before.length, after.length);
  if (kept >= larger * NEW_TEXT_SHARE) return false;
  const inserted = after.length - kept;
  return inserted >= MIN_PASTE || after.trim() === "";
}

/** The name a text without a file gets: what the file label shows after a paste. */
export function nameNewText(text: string): string {
  return text.trim() === "" ? "untitled" : "pasted";
}

/** `pictures` with `current` first, any other of the same text dropped, at most KEPT_PICTURES. */
export function keepPicture(pictures: readonly Picture[], current: Picture): Picture[] {
  return [current, ...pictures.filter((p) => p.text !== current.text)].slice(0, KEPT_PICTURES);
}
