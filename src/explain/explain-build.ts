/**
 * The narrated build: per stage its role, its steps in plain words and, when the target does
 * not build it, why; for the target, what ships; and the schedule. One call for panels, the CLI
 * and the handout.
 */
import type { GraphStage, StageGraph } from "../graph/types.ts";
import { describeInstruction } from "./describe-instruction.ts";
import type { StageRole } from "./roles.ts";
import { buildSchedule, type BuildSchedule } from "./schedule.ts";
import { whatShips, type WhatShips } from "./ships.ts";

export interface ExplainedStep {
  /** 1-based line of the instruction. */
  readonly line: number;
  readonly keyword: string;
  readonly text: string;
}

export interface ExplainedStage {
  readonly index: number;
  readonly label: string;
  readonly role: StageRole;
  readonly roleReason: string;
  readonly built: boolean;
  /** Why the target does not build it; null when it does. */
  readonly notBuiltReason: string | null;
  /** FROM and every instruction after it, in plain words. */
  readonly steps: readonly ExplainedStep[];
  /** 1-based first and last line. */
  readonly lines: { readonly start: number; readonly end: number };
}

export interface BuildExplanation {
  readonly stages: readonly ExplainedStage[];
  readonly ships: WhatShips | null;
  readonly schedule: BuildSchedule;
}

function users(graph: StageGraph, index: number): number[] {
  const out = new Set<number>();
  for (const e of graph.edges) if (e.source.kind === "stage" && e.source.index === index && e.target !== index) out.add(e.target);
  return [...out];
}

/**
 * Why BuildKit skips a stage for the chosen target, in one sentence; null when it is built.
 *
 * @example
 * explainNotBuilt(graph, 2); // "Only test uses it, and the target final does not need test, so BuildKit skips it."
 */
export function explainNotBuilt(graph: StageGraph, index: number): string | null {
  const stage = graph.stages[index];
  if (stage === undefined || stage.reachable) return null;
  const target = graph.stages[graph.target];
  if (target === undefined) return "There is no target to build (no stage, or an unknown `--target`), so nothing is built.";
  const by = users(graph, index).map((i) => graph.stages[i]?.label ?? `stage-${i}`);
  if (by.length === 0) {
    return `Nothing builds on ${stage.label}, copies from it or mounts it, so building the target ${target.label} skips it; \`--target ${stage.label}\` would build it.`;
  }
  const names = by.length === 1 ? by[0] : `${by.slice(0, -1).join(", ")} and ${by[by.length - 1]}`;
  return `Only ${names} ${by.length === 1 ? "uses" : "use"} it, and the target ${target.label} needs none of them, so BuildKit skips it.`;
}

/** A stage's steps in plain words, FROM first. */
export function explainSteps(stage: GraphStage): ExplainedStep[] {
  return [stage.stage.from, ...stage.stage.instructions].map((i) => ({ line: i.line, keyword: i.node.name, text: describeInstruction(i) }));
}

function lastLine(stage: GraphStage): number {
  const last = stage.stage.instructions[stage.stage.instructions.length - 1] ?? stage.stage.from;
  return Math.max(stage.line, last.node.endLine);
}

/**
 * Everything Stagecraft says about a build: each stage's role and steps, why unbuilt stages are
 * skipped, what the target ships and from where, and which stages can build at once.
 *
 * @example
 * const explanation = explainBuild(buildStageGraph(parseDockerfile(text), { target: "final" }));
 * explanation.stages[1].steps[2].text; // "Copies only the dependency manifests package.json …"
 */
export function explainBuild(graph: StageGraph): BuildExplanation {
  return {
    stages: graph.stages.map((stage) => ({
      index: stage.index,
      label: stage.label,
      role: stage.role,
      roleReason: stage.roleReason,
      built: stage.reachable,
      notBuiltReason: explainNotBuilt(graph, stage.index),
      steps: explainSteps(stage),
      lines: { start: stage.line, end: lastLine(stage) },
    })),
    ships: whatShips(graph),
    schedule: buildSchedule(graph),
  };
}
