import { create } from "zustand";

/** A message for the banner under the toolbar: a file that could not be opened, a failed copy. */
export interface NoticeState {
  readonly message: string | null;
  readonly showNotice: (message: string) => void;
  readonly dismissNotice: () => void;
}

/** The shell's own store: messages are not document or view state, and are never saved. */
export const useNotice = create<NoticeState>()((set) => ({
  message: null,
  showNotice: (message) => set({ message }),
  dismissNotice: () => set({ message: null }),
}));
