/**
 * Applying a lint quick fix, from the editor's quick-fix menu or the Problems panel: its edits go
 * through the store's `applyEdits`, so the editor replays them as one undo step.
 */
import type { QuickFix } from "../../src/index.ts";
import { useStore } from "./store.ts";

/**
 * Applies `fix`, computed on the text `source`. Refuses (false) when the text has changed since:
 * the fix's offsets would land in the wrong place, and the next analysis brings a fresh one.
 */
export function applyQuickFix(fix: QuickFix, source: string): boolean {
  const state = useStore.getState();
  if (state.text !== source) return false;
  return state.applyEdits(fix.edits, "lint", fix.title).ok;
}
