/**
 * View state of the explain features: which side-panel tab shows, the changed paths of the
 * cache overlay, whether the schedule overlay is on, and the marks both overlays put on stage
 * nodes and editor lines (derived once per analysis by `useExplainMarks`, read per node).
 */
import { create } from "zustand";

export type SideTab = "details" | "explain";

/** Per node key: `rerun` or `cached` under the cache overlay; the level (`2`, `2*` on the critical path) under the schedule overlay. */
export interface ExplainMarks {
  readonly cache: Readonly<Record<string, "rerun" | "cached">>;
  readonly schedule: Readonly<Record<string, string>>;
  /** Source ranges of the instructions that re-run, for the editor. */
  readonly rerun: readonly { readonly start: number; readonly end: number }[];
  /** The text the marks were derived from: the editor applies them only to that text. */
  readonly source: string;
}

export interface ExplainState {
  readonly tab: SideTab;
  readonly changedPaths: readonly string[];
  readonly scheduleOverlay: boolean;
  readonly marks: ExplainMarks;
  readonly setTab: (tab: SideTab) => void;
  readonly setChangedPaths: (paths: readonly string[]) => void;
  readonly setScheduleOverlay: (on: boolean) => void;
  readonly setMarks: (marks: ExplainMarks) => void;
}

export const NO_MARKS: ExplainMarks = { cache: {}, schedule: {}, rerun: [], source: "" };

export const useExplainStore = create<ExplainState>()((set) => ({
  tab: "details",
  changedPaths: [],
  scheduleOverlay: false,
  marks: NO_MARKS,
  setTab: (tab) => set({ tab }),
  setChangedPaths: (changedPaths) => set({ changedPaths }),
  setScheduleOverlay: (scheduleOverlay) => set({ scheduleOverlay }),
  setMarks: (marks) => set({ marks }),
}));
