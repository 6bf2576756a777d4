/**
 * Actions as values (excalidraw's action registry is the model): every toolbar button, context
 * menu item, keyboard shortcut and command-list entry is one of these, so a gesture means the
 * same thing wherever it starts.
 */
import type { Analysis } from "../state/analysis.ts";
import type { AppState } from "../state/store.ts";

/** Where an action was started from. */
export type ActionSource = "keyboard" | "toolbar" | "menu" | "palette" | "gesture";

/**
 * Where a shortcut works: `global` anywhere outside text fields and the editor; `canvas` only
 * while the keyboard focus is on the canvas (keys typed in Monaco always stay in Monaco).
 */
export type KeyScope = "global" | "canvas";

export interface ActionContext {
  /** The store as it is now. */
  readonly state: AppState;
  /** The analysis of the current text, target and build args. */
  readonly analysis: Analysis;
  /**
   * The graph node the action is about (a core node id): the node a context menu was opened on,
   * else the selected node; null when there is none.
   */
  readonly subject: string | null;
  readonly source: ActionSource;
}

export interface Action {
  /** Unique, kebab-case: `stage-rename`, `history-undo`. */
  readonly id: string;
  /** What menus and the command list show; may depend on the context ("Delete stage build"). */
  readonly label: string | ((ctx: ActionContext) => string);
  /** Shortcuts in `keys.ts` notation ("Mod+Z", "F2", "Shift+F10"); the first is the one shown. */
  readonly keys?: readonly string[];
  /** Where the shortcuts work; `global` when absent. */
  readonly scope?: KeyScope;
  /** Whether it can run now; menus show it disabled, shortcuts let the key pass. */
  readonly enabled: (ctx: ActionContext) => boolean;
  readonly perform: (ctx: ActionContext) => void;
  /** Listed in the node context menu (stage or image) when true for the subject. */
  readonly inNodeMenu?: (ctx: ActionContext) => boolean;
  /** Listed in an edge's context menu (the subject is then the canvas edge id) when true. */
  readonly inEdgeMenu?: (ctx: ActionContext) => boolean;
  /** Left out of the command list (actions that only make sense from a gesture). */
  readonly hidden?: boolean;
}

export function actionLabel(action: Action, ctx: ActionContext): string {
  return typeof action.label === "string" ? action.label : action.label(ctx);
}
