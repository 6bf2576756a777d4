/** Undo and redo over the one history (Monaco's): typing and gestures alike. */
import type { Action } from "./types.ts";

export const HISTORY_ACTIONS: readonly Action[] = [
  {
    id: "history-undo",
    label: "Undo",
    keys: ["Mod+Z"],
    enabled: (ctx) => ctx.state.canUndo,
    perform: (ctx) => ctx.state.undo(),
  },
  {
    id: "history-redo",
    label: "Redo",
    keys: ["Mod+Shift+Z", "Mod+Y"],
    enabled: (ctx) => ctx.state.canRedo,
    perform: (ctx) => ctx.state.redo(),
  },
];
