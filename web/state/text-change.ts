/**
 * A change to the text as a value: the edits, where they came from (CodeMirror's `userEvent`,
 * conventions §8) and what the user would call it. Pure, so it is tested without a browser.
 */
import { applyTextEdits, type TextEdit } from "../../src/index.ts";

/**
 * Where a text change came from. 'editor' is typing in Monaco and 'history' its undo and redo;
 * 'load' is a new file (the only whole-text replace); the rest arrive through `applyEdits`.
 */
export type TextOrigin = "editor" | "history" | "load" | "canvas" | "panel" | "command" | "lint" | "lesson";

export interface TextChange {
  /** The store revision this change produced. */
  readonly revision: number;
  readonly origin: TextOrigin;
  /** What the user would call it ("Rename stage build"); null when the caller gave none. */
  readonly label: string | null;
  /** The text the edits apply to. */
  readonly before: string;
  /**
   * The edits in ascending order, none overlapping or touching another: edits that touch were
   * joined, so each is one Monaco edit operation and inserts at one offset keep the order given.
   */
  readonly edits: readonly TextEdit[];
}

export type ApplyResult = { readonly ok: true; readonly text: string; readonly change: TextChange } | { readonly ok: false; readonly reason: string };

/**
 * Sorts `edits` as the core applies them, checks them against `text`, and joins those that touch
 * (one Monaco operation each). The reason instead when an edit is out of range or two overlap.
 */
export function normalizeEdits(text: string, edits: readonly TextEdit[]): { edits: TextEdit[] } | { reason: string } {
  for (const e of edits) {
    const { start, end } = e.range;
    if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end < start || end > text.length) {
      return { reason: `An edit at ${start}–${end} lies outside the text (0–${text.length}).` };
    }
  }
  // The core's order (applyTextEdits): by start, then end, then as given; so inserts at an offset
  // come before a replacement that starts there, and keep their own order.
  const sorted = edits
    .map((edit, order) => ({ edit, order }))
    .sort((a, b) => a.edit.range.start - b.edit.range.start || a.edit.range.end - b.edit.range.end || a.order - b.order);
  const out: TextEdit[] = [];
  for (const { edit } of sorted) {
    const last = out[out.length - 1];
    if (last === undefined || edit.range.start > last.range.end) {
      out.push(edit);
      continue;
    }
    if (edit.range.start < last.range.end) {
      return { reason: `Two edits overlap at ${edit.range.start}: the change was not applied.` };
    }
    out[out.length - 1] = { range: { start: last.range.start, end: Math.max(last.range.end, edit.range.end) }, text: last.text + edit.text };
  }
  return { edits: out };
}

/** The text after `edits`, and the change that records them; the reason instead when they cannot apply. */
export function applyEditsToText(
  text: string,
  edits: readonly TextEdit[],
  meta: { readonly origin: TextOrigin; readonly label: string | null; readonly revision: number },
): ApplyResult {
  const normalized = normalizeEdits(text, edits);
  if ("reason" in normalized) return { ok: false, reason: normalized.reason };
  const next = applyTextEdits(text, normalized.edits);
  return { ok: true, text: next, change: { ...meta, before: text, edits: normalized.edits } };
}
