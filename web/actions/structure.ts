/**
 * Actions that change the shape of the build: connect a node to a stage, change a stage's base,
 * add a stage from a template. Each asks the core for edits and applies them as one undo step.
 */
import { addStage, changeBase, duplicateStage, moveInstruction, moveStage, splitStage, type StageTemplate } from "../../src/index.ts";
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

/** Moves a stage to `toIndex` (its block, with its comments); null when done, else the reason. */
export function moveStageTo(index: number, toIndex: number): string | null {
  const analysis = analysisNow();
  const stage = analysis.graph.stages[index];
  if (stage === undefined || toIndex === index) return null;
  const result = moveStage(analysis.tree, index, toIndex);
  if ("error" in result) return result.error;
  return applyEditResult(result, `Move stage ${stageName(stage)}`, stage.id) ? null : "The text did not change.";
}

/** An instruction's place: its stage and its index among the stage's instructions (FROM not counted). */
export interface InstructionPlace {
  readonly stage: number;
  readonly index: number;
}

/**
 * Moves an instruction (with its comments and continuation lines) to before the instruction at
 * `to` (its stage's count: at the end); the stage it lands in is selected. Null when done (or
 * nothing to do), else the reason.
 */
export function moveInstructionTo(from: InstructionPlace, to: InstructionPlace): string | null {
  const analysis = analysisNow();
  const result = moveInstruction(analysis.tree, from, to);
  if ("error" in result) return result.error;
  if (result.edits.length === 0) return null;
  const source = analysis.graph.stages[from.stage];
  const line = source?.stage.instructions[from.index]?.node.name ?? "instruction";
  if (!applyEditResult(result, `Move ${line}`, analysis.graph.stages[to.stage]?.id ?? null)) return "The text did not change.";
  if (to.stage !== from.stage) selectStageAt(to.stage);
  return null;
}

/**
 * Where Alt+Up / Alt+Down sends an instruction: one place up or down in its stage, and past the
 * first or last into the stage above or below; null at the very top or bottom.
 */
export function neighbourPlace(counts: readonly number[], at: InstructionPlace, up: boolean): { to: InstructionPlace; lands: InstructionPlace } | null {
  const count = counts[at.stage] ?? 0;
  if (up) {
    if (at.index > 0) return { to: { stage: at.stage, index: at.index - 1 }, lands: { stage: at.stage, index: at.index - 1 } };
    if (at.stage === 0) return null;
    const above = counts[at.stage - 1] ?? 0;
    return { to: { stage: at.stage - 1, index: above }, lands: { stage: at.stage - 1, index: above } };
  }
  if (at.index < count - 1) return { to: { stage: at.stage, index: at.index + 2 }, lands: { stage: at.stage, index: at.index + 1 } };
  if (at.stage >= counts.length - 1) return null;
  return { to: { stage: at.stage + 1, index: 0 }, lands: { stage: at.stage + 1, index: 0 } };
}

function moveBy(delta: number): Action["perform"] {
  return (ctx) => {
    const stage = subjectStage(ctx);
    if (stage === null) return;
    const reason = moveStageTo(stage.index, stage.index + delta);
    if (reason !== null) useUi.getState().showToast(reason, "refused", stage.id);
    // An unnamed stage's id is its index: keep the moved stage selected.
    else if (ctx.state.selected === stage.id) selectStageAt(stage.index + delta);
  };
}

/** A name for the first part of a split that no stage has yet. */
function freeSplitName(ctx: ActionContext, base: string): string {
  const taken = new Set(ctx.analysis.graph.stages.map((s) => s.name));
  for (const candidate of [base, `${base}-base`, "builder", "base"]) if (!taken.has(candidate)) return candidate;
  let n = 2;
  while (taken.has(`${base}-${n}`)) n++;
  return `${base}-${n}`;
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
  {
    id: "stage-move-up",
    label: "Move stage up",
    keys: ["Alt+ArrowUp"],
    scope: "canvas",
    enabled: (ctx) => (subjectStage(ctx)?.index ?? 0) > 0,
    perform: moveBy(-1),
    inNodeMenu: (ctx) => subjectStage(ctx) !== null,
  },
  {
    id: "stage-move-down",
    label: "Move stage down",
    keys: ["Alt+ArrowDown"],
    scope: "canvas",
    enabled: (ctx) => {
      const stage = subjectStage(ctx);
      return stage !== null && stage.index < ctx.analysis.graph.stages.length - 1;
    },
    perform: moveBy(1),
    inNodeMenu: (ctx) => subjectStage(ctx) !== null,
  },
  {
    id: "stage-duplicate",
    label: "Duplicate stage",
    keys: ["Mod+D"],
    scope: "canvas",
    enabled: (ctx) => subjectStage(ctx) !== null,
    perform: (ctx) => {
      const stage = subjectStage(ctx);
      if (stage === null) return;
      if (applyEditResult(duplicateStage(ctx.analysis.tree, stage.index), `Duplicate stage ${stageName(stage)}`, stage.id)) selectStageAt(stage.index + 1);
    },
    inNodeMenu: (ctx) => subjectStage(ctx) !== null,
  },
  {
    id: "stage-split",
    label: "Split stage here…",
    enabled: (ctx) => (subjectStage(ctx)?.stage.instructions.length ?? 0) >= 2,
    perform: (ctx) => {
      const stage = subjectStage(ctx);
      if (stage === null) return;
      const index = stage.index;
      const options = stage.stage.instructions.slice(1).map((instruction, i) => {
        const text = instruction.node.original.replace(/\s+/g, " ").trim();
        return { value: String(i + 1), label: `before L${instruction.node.startLine}: ${text.length > 48 ? `${text.slice(0, 47)}…` : text}` };
      });
      useUi.getState().ask({
        title: `Split ${stageName(stage)} in two`,
        fields: [
          { kind: "choice", id: "at", label: "The second part starts", initial: options.at(-1)?.value ?? "1", options },
          { kind: "text", id: "name", label: "Name of the first part (the second keeps its name)", initial: freeSplitName(ctx, stage.name ?? "stage") },
        ],
        submitLabel: "Split",
        near: stage.id,
        onSubmit: (values) => {
          const result = splitStage(analysisNow().tree, index, Number(values["at"]), (values["name"] ?? "").trim());
          if ("error" in result) return result.error;
          return applyEditResult(result, `Split stage ${stageName(stage)}`, stage.id) ? null : "The text did not change.";
        },
      });
    },
    inNodeMenu: (ctx) => subjectStage(ctx) !== null,
  },
  ...addTemplateActions,
];
