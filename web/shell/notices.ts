import { create } from "zustand";

/** A button on a notice; the notice closes once it has run. */
export interface NoticeAction {
  readonly label: string;
  readonly run: () => void;
}

export interface NoticeOptions {
  /** `warning` (the default) for what went wrong, `info` for news and questions. */
  readonly tone?: "warning" | "info";
  readonly actions?: readonly NoticeAction[];
}

/** A message for the banner under the toolbar: a file that could not be opened, a failed copy, a share link. */
export interface NoticeState {
  readonly message: string | null;
  readonly tone: "warning" | "info";
  readonly actions: readonly NoticeAction[];
  readonly showNotice: (message: string, options?: NoticeOptions) => void;
  readonly dismissNotice: () => void;
}

/** The shell's own store: messages are not document or view state, and are never saved. */
export const useNotice = create<NoticeState>()((set) => ({
  message: null,
  tone: "warning",
  actions: [],
  showNotice: (message, options = {}) => set({ message, tone: options.tone ?? "warning", actions: options.actions ?? [] }),
  dismissNotice: () => set({ message: null, actions: [] }),
}));
