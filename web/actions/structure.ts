/**
 * Actions that change the shape of the build: connect a node to a stage, change a stage's base,
 * add a stage from a template. Each asks the core for edits and applies them as one undo step.
 */
import { addStage, changeBase, type StageTemplate } from "../../src/index.ts";
import { analyze } from "../state/analysis.ts";
import { stageName } from "../state/node-keys.ts";
import { useStore } from "../state/store.ts";
import { possibleTargets } from "./connect.ts";
import { applyEditResult, selectStageAt, subjectStage } from "./stage.ts";
import type { Action, ActionContext } from "./types.ts";
import { useUi } from "./ui-state.ts";

export const TEMPLATES: readonly { readonly id: StageTemplate; readonly label: string; readonly hint: string }[] = [
  { id: "base", label: "base", hint: "the base image, WORKDIR and common setup" },
  { id: "builder", label: "builder", hint: "all dependencies and the build" },
  { id: "pruner", label: "pruner", hint: "production dependencies only" },
  { id: "final", label: "final", hint: "only the artifacts, to run" },
  { id: "empty", label: "empty", hint: "a FROM line to start from" },
];

/** The subject as a node id when it is a stage or an image in the graph. */
function subjectNode(ctx: ActionContext): string | null {
  if (ctx.subject === null) return null;
  const graph = ctx.analysis.graph;
  return graph.stages.some((s) => s.id === ctx.subject) || graph.images.some((i) => i.id === ctx.subject) ? ctx.subject : null;
}

/** The text now, parsed: a prompt's answer comes after other changes may have happened. */
function analysisNow() {
  const s = useStore.getState();
  return analyze(s.text, s.target, s.buildArgs);
}

/** Adds a stage from `template` at `index` and selects it; null when done, else the reason. */
export function addStageAt(template: StageTemplate, index: number, name?: string): string | null {
  const analysis = analysisNow();
  const result = addStage(analysis.tree, template, index, name === undefined || name.trim() === "" ? undefined : name.trim());
  if ("error" in result) return result.error;
  if (!applyEditResult(result, `Add ${template} stage`, null)) return "The text did not change.";
  selectStageAt(index);
  return null;
}

/** Where "Add stage" puts a new stage: after the selected stage, else at the end. */
function insertionIndex(ctx: ActionContext): number {
  const stage = subjectStage(ctx);
  return stage === null ? ctx.analysis.graph.stages.length : stage.index + 1;
}

const addTemplateActions: Action[] = TEMPLATES.map((template) => ({
  id: `stage-add-${template.id}`,
  label: (ctx: ActionContext) => {
    const stage = subjectStage(ctx);
    return `Add ${template.label} stage${stage === null ? "" : ` after ${stageName(stage)}`}`;
  },
  enabled: () => true,
  perform: (ctx: ActionContext) => {
    const reason = addStageAt(template.id, insertionIndex(ctx));
    if (reason !== null) useUi.getState().showToast(reason, "refused", ctx.subject);
  },
}));

export const STRUCTURE_ACTIONS: readonly Action[] = [
  {
    id: "node-connect",
    label: "Connect to a stage…",
    keys: ["C"],
    scope: "canvas",
    enabled: (ctx) => {
      const node = subjectNode(ctx);
      return node !== null && possibleTargets(ctx.analysis, node).length > 0;
    },
    perform: (ctx) => {
      const node = subjectNode(ctx);
      if (node !== null) useUi.getState().setConnecting({ source: node, target: null });
    },
    inNodeMenu: (ctx) => subjectNode(ctx) !== null,
  },
  {
    id: "stage-change-base",
    label: "Change base…",
    scope: "canvas",
    enabled: (ctx) => subjectStage(ctx) !== null,
    perform: (ctx) => {
      const stage = subjectStage(ctx);
      if (stage === null) return;
      const index = stage.index;
      useUi.getState().ask({
        title: `Build ${stageName(stage)} on`,
        fields: [{ kind: "text", id: "base", label: "Image, scratch, or an earlier stage's name", initial: stage.stage.from.image?.value ?? "" }],
        submitLabel: "Change base",
        near: stage.id,
        onSubmit: (values) => {
          const result = changeBase(analysisNow().tree, index, (values["base"] ?? "").trim());
          if ("error" in result) return result.error;
          return applyEditResult(result, `Change base of ${stageName(stage)}`, stage.id) ? null : "The text did not change.";
        },
      });
    },
    inNodeMenu: (ctx) => subjectStage(ctx) !== null,
  },
  {
    id: "stage-add-after",
    label: "Add stage after…",
    enabled: (ctx) => subjectStage(ctx) !== null,
    hidden: true,
    perform: (ctx) => {
      const stage = subjectStage(ctx);
      if (stage === null) return;
      const index = stage.index + 1;
      useUi.getState().ask({
        title: `Add a stage after ${stageName(stage)}`,
        fields: [
          { kind: "choice", id: "template", label: "Template", initial: "builder", options: TEMPLATES.map((t) => ({ value: t.id, label: `${t.label}: ${t.hint}` })) },
          { kind: "text", id: "name", label: "Name (empty: after the template)", initial: "" },
        ],
        submitLabel: "Add stage",
        near: stage.id,
        onSubmit: (values) => addStageAt((values["template"] ?? "empty") as StageTemplate, index, values["name"]),
      });
    },
    inNodeMenu: (ctx) => subjectStage(ctx) !== null,
  },
  ...addTemplateActions,
];
