import { create } from "zustand";
import type { SavedSession } from "./persist.ts";

/**
 * Whether the work is being kept: the last save's failure, and another tab's version of the
 * session that this tab has not taken in. The shell shows both until they are resolved; never saved.
 */
export interface SaveStatusState {
  /** Why the last save failed ("the browser's storage is full"), null once a save succeeds. */
  readonly problem: string | null;
  /** A different text another tab saved while this tab had unsaved changes: the user chooses. */
  readonly conflict: SavedSession | null;
  /** Said once when this tab took in another tab's newer text (it had no changes of its own). */
  readonly adopted: boolean;
  readonly dismissAdopted: () => void;
}

export const useSaveStatus = create<SaveStatusState>()((set) => ({
  problem: null,
  conflict: null,
  adopted: false,
  dismissAdopted: () => set({ adopted: false }),
}));
