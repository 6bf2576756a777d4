/**
 * Node sizes, known before anything is drawn: the layout needs them for the first paint, and the
 * nodes render at exactly these sizes (fixed row heights, one line per row), so React Flow never
 * has to measure and re-measure them while the user types.
 *
 * Keep in step with canvas.css (the `.stage-node__*` and `.image-node` heights).
 */
import { shortenImageRef } from "./image-label.ts";

export const STAGE_WIDTH = 272;
const STAGE_BORDER = 1;
const STAGE_HEADER = 34;
const STAGE_BASE_ROW = 24;
const LIST_PADDING = 4 + 6;
const INSTRUCTION_ROW = 20;
const TOGGLE_ROW = 22;

/** More instructions than this start collapsed … */
export const COLLAPSE_AFTER = 6;
/** … showing this many, then a "N more" toggle. */
export const COLLAPSED_ROWS = 5;

export const IMAGE_HEIGHT = 36;
const IMAGE_MIN_WIDTH = 120;
const IMAGE_MAX_WIDTH = 280;
/** Padding, icon and gap around the reference. */
const IMAGE_CHROME = 52;
/** Advance of one character of the 12 px monospace font, with a little to spare. */
const MONO_CHAR_12 = 7.4;

/** How many instruction rows a stage shows. */
export function countVisibleInstructions(count: number, expanded: boolean): number {
  return expanded || count <= COLLAPSE_AFTER ? count : COLLAPSED_ROWS;
}

/** Whether a stage has the "N more" / "show less" toggle. */
export function isCollapsible(count: number): boolean {
  return count > COLLAPSE_AFTER;
}

/** The height of a stage node with `count` instructions. */
export function measureStageHeight(count: number, expanded: boolean): number {
  const rows = countVisibleInstructions(count, expanded);
  let height = 2 * STAGE_BORDER + STAGE_HEADER + STAGE_BASE_ROW;
  if (rows > 0) height += LIST_PADDING + rows * INSTRUCTION_ROW;
  if (isCollapsible(count)) height += TOGGLE_ROW;
  return height;
}

/** The width of an image node: its label (`shortenImageRef`) on one line, within bounds. */
export function measureImageWidth(ref: string): number {
  const label = shortenImageRef(ref);
  return Math.round(Math.min(IMAGE_MAX_WIDTH, Math.max(IMAGE_MIN_WIDTH, IMAGE_CHROME + label.length * MONO_CHAR_12)));
}
