import { create } from "zustand";
import defaultExample from "./examples/node-pnpm.Dockerfile?raw";

/**
 * Where a text change came from. The editor ignores its own echoes ('editor') and
 * replaces its content on anything else ('load').
 */
export type TextOrigin = "editor" | "load";

export interface DocumentState {
  /** The Dockerfile text: the single source of truth of the app. */
  readonly text: string;
  readonly origin: TextOrigin;
  /** Grows by one on every change, so consumers can tell changes apart even when the text repeats. */
  readonly revision: number;
  /** Where the last loaded text came from, for the editor's title ("example", a file name). */
  readonly sourceName: string;
  readonly setText: (text: string, origin: TextOrigin, sourceName?: string) => void;
}

/** The built-in example the page opens with. */
export const DEFAULT_EXAMPLE = defaultExample;
export const DEFAULT_EXAMPLE_NAME = "node-pnpm.Dockerfile";

/** The app's one store; components read narrow slices of it (`useDocument((s) => s.text)`). */
export const useDocument = create<DocumentState>()((set) => ({
  text: DEFAULT_EXAMPLE,
  origin: "load",
  revision: 0,
  sourceName: DEFAULT_EXAMPLE_NAME,
  setText: (text, origin, sourceName) =>
    set((state) => ({
      text,
      origin,
      revision: state.revision + 1,
      sourceName: sourceName ?? state.sourceName,
    })),
}));
