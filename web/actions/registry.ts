/**
 * The one list of actions, and running them. To add actions, write them as values in a file of
 * your own and spread them into ACTIONS below: nothing else needs to know.
 */
import { analyze } from "../state/analysis.ts";
import { useStore, type AppState } from "../state/store.ts";
import { EXPORT_ACTIONS } from "./export.ts";
import { HISTORY_ACTIONS } from "./history.ts";
import { EDGE_ACTIONS } from "./edge.ts";
import { STAGE_ACTIONS } from "./stage.ts";
import { STRUCTURE_ACTIONS } from "./structure.ts";
import { matchesKey, type KeyLike } from "./keys.ts";
import type { Action, ActionContext, ActionSource, KeyScope } from "./types.ts";
import { VIEW_ACTIONS } from "./view.ts";

export const ACTIONS: readonly Action[] = [...HISTORY_ACTIONS, ...STAGE_ACTIONS, ...STRUCTURE_ACTIONS, ...EDGE_ACTIONS, ...VIEW_ACTIONS, ...EXPORT_ACTIONS];

const byId = new Map(ACTIONS.map((action) => [action.id, action]));

export function getAction(id: string): Action {
  const action = byId.get(id);
  if (action === undefined) throw new Error(`no action "${id}"`);
  return action;
}

/** The context of an action started now; `subject` defaults to the selected node. */
export function actionContext(source: ActionSource, subject?: string | null): ActionContext {
  return contextOf(useStore.getState(), source, subject === undefined ? null : subject, subject === undefined);
}

/**
 * The context for `state`; the analysis is worked out only when an action reads it, so menus can
 * ask every action whether it is enabled on each store change.
 */
export function contextOf(state: AppState, source: ActionSource, subject: string | null, selectedIfNull = true): ActionContext {
  return {
    state,
    get analysis() {
      return analyze(state.text, state.target, state.buildArgs);
    },
    subject: subject ?? (selectedIfNull ? state.selected : null),
    source,
  };
}

/** Runs the action if it is enabled in `ctx`; returns whether it ran. */
export function runAction(action: Action | string, ctx: ActionContext): boolean {
  const a = typeof action === "string" ? getAction(action) : action;
  if (!a.enabled(ctx)) return false;
  a.perform(ctx);
  return true;
}

/** The enabled action whose shortcut `event` is, among those that work in `scope`. */
export function findShortcut(event: KeyLike, scope: KeyScope, ctx: ActionContext): Action | null {
  for (const action of ACTIONS) {
    const actionScope = action.scope ?? "global";
    if (actionScope === "canvas" && scope !== "canvas") continue;
    if (action.keys?.some((k) => matchesKey(k, event)) === true && action.enabled(ctx)) return action;
  }
  return null;
}
