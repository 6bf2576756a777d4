/**
 * Actions on a stage: each asks an edit op of the core for its edits and hands them to the store
 * (`applyEdits`, origin 'canvas'), or says why not where the user is looking.
 */
import { deleteStage, renameStage, type EditResult, type GraphStage } from "../../src/index.ts";
import { findStage } from "../panels/describe.ts";
import { analyze } from "../state/analysis.ts";
import { useStore } from "../state/store.ts";
import type { Action, ActionContext } from "./types.ts";
import { useUi } from "./ui-state.ts";

/** The stage the action is about, or null when the subject is not a stage. */
export function subjectStage(ctx: ActionContext): GraphStage | null {
  return ctx.subject === null ? null : findStage(ctx.analysis.graph, ctx.subject);
}

/**
 * Applies what an edit op returned: its edits as one undo step, its notes as a message; a refusal
 * changes nothing and shows its reason beside `near`. Returns whether the text changed.
 */
export function applyEditResult(result: EditResult, label: string, near: string | null): boolean {
  const { showToast } = useUi.getState();
  if ("error" in result) {
    showToast(result.error, "refused", near);
    return false;
  }
  const applied = useStore.getState().applyEdits(result.edits, "canvas", label);
  if (!applied.ok) {
    showToast(applied.reason, "refused", near);
    return false;
  }
  if (result.notes !== undefined && result.notes.length > 0) showToast(result.notes.join(" "), "info", near);
  return true;
}

/** Renames the stage `key` to `name`; the new key follows the selection. */
export function renameStageTo(key: string, name: string): boolean {
  const state = useStore.getState();
  const analysis = analyze(state.text, state.target, state.buildArgs);
  const stage = findStage(analysis.graph, key);
  if (stage === null) return false;
  const wanted = name.trim();
  if (wanted === "" || wanted.toLowerCase() === stage.name) return false;
  const ok = applyEditResult(renameStage(analysis.tree, stage.index, wanted), `Rename stage ${stage.label}`, key);
  if (ok && state.selected === key) selectStageAt(stage.index);
  return ok;
}

/** Selects the stage now at `index` (its id changes with its name). */
export function selectStageAt(index: number): void {
  const now = useStore.getState();
  const stage = analyze(now.text, now.target, now.buildArgs).graph.stages[index];
  now.select(stage === undefined ? null : stage.id);
}

function deleteNow(ctx: ActionContext, stage: GraphStage, force: boolean): void {
  const result = deleteStage(ctx.analysis.tree, stage.index, { force });
  if (applyEditResult(result, `Delete stage ${stage.label}`, ctx.subject) && ctx.state.selected === ctx.subject) ctx.state.select(null);
}

export const STAGE_ACTIONS: readonly Action[] = [
  {
    id: "stage-rename",
    label: "Rename stage",
    keys: ["F2"],
    scope: "canvas",
    enabled: (ctx) => subjectStage(ctx) !== null,
    perform: (ctx) => useUi.getState().setRenaming(ctx.subject),
    inNodeMenu: (ctx) => subjectStage(ctx) !== null,
  },
  {
    id: "stage-delete",
    label: (ctx) => `Delete stage${subjectStage(ctx) === null ? "" : ` ${subjectStage(ctx)!.label}`}`,
    keys: ["Delete", "Backspace"],
    scope: "canvas",
    enabled: (ctx) => subjectStage(ctx) !== null,
    perform: (ctx) => {
      const stage = subjectStage(ctx);
      if (stage === null) return;
      const tried = deleteStage(ctx.analysis.tree, stage.index);
      if (!("error" in tried)) {
        deleteNow(ctx, stage, false);
        return;
      }
      // Refused because others use it: ask, listing them (the op's reason names them).
      const forced = deleteStage(ctx.analysis.tree, stage.index, { force: true });
      if ("error" in forced) {
        useUi.getState().showToast(tried.error, "refused", ctx.subject);
        return;
      }
      useUi.getState().confirm({
        title: `Delete stage ${stage.label}?`,
        detail: [tried.error],
        confirmLabel: "Delete anyway",
        near: ctx.subject,
        onConfirm: () => deleteNow(ctx, stage, true),
      });
    },
    inNodeMenu: (ctx) => subjectStage(ctx) !== null,
  },
  {
    id: "stage-set-target",
    label: "Set as build target",
    enabled: (ctx) => {
      const stage = subjectStage(ctx);
      return stage !== null && stage.name !== null && ctx.state.target !== stage.name;
    },
    perform: (ctx) => ctx.state.setTarget(subjectStage(ctx)?.name ?? null),
    inNodeMenu: (ctx) => subjectStage(ctx) !== null,
  },
];
