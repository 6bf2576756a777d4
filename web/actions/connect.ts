/**
 * Connecting two nodes: what the connect dialog offers for a source and a target (kinds, paths
 * prefilled from the source, the RUN lines a mount can go on), and doing it through the core's
 * `connectStages`, as one undo step.
 */
import { connectStages, findGraphNode, suggestCopyPaths, type ConnectionKind, type EditResult, type GraphStage } from "../../src/index.ts";
import type { Analysis } from "../state/analysis.ts";
import { stageName } from "../state/node-keys.ts";
import { applyEditResult } from "./stage.ts";

/** A RUN line of the target that can take a mount. */
export interface RunChoice {
  /** Index in the stage's instructions (what `connectStages` takes as `run`). */
  readonly index: number;
  readonly line: number;
  readonly text: string;
}

/** What the dialog offers for one source and target. */
export interface ConnectPlan {
  /** The source's name in words. */
  readonly sourceLabel: string;
  /** A stage index, or an image reference. */
  readonly source: number | string;
  readonly target: GraphStage;
  /** The kinds that make sense; mount needs a RUN line in the target. */
  readonly kinds: readonly ConnectionKind[];
  /** Paths to copy, best first (the first is prefilled). */
  readonly sources: readonly string[];
  readonly dest: string;
  readonly runs: readonly RunChoice[];
}

/** Stages that can use `source`: those after it (a stage can use only stages above it), or all for an image. */
export function possibleTargets(analysis: Analysis, sourceId: string): GraphStage[] {
  const node = findGraphNode(analysis.graph, sourceId);
  if (node === null) return [];
  if (node.kind === "image") return [...analysis.graph.stages];
  return analysis.graph.stages.filter((s) => s.index > node.stage.index);
}

/** The plan for connecting `sourceId` to the stage `targetId`, or the reason it cannot be. */
export function planConnection(analysis: Analysis, sourceId: string, targetId: string): ConnectPlan | { readonly error: string } {
  const graph = analysis.graph;
  const from = findGraphNode(graph, sourceId);
  const to = findGraphNode(graph, targetId);
  if (from === null || to === null) return { error: "That node is not in the graph any more." };
  if (to.kind !== "stage") return { error: "Only a stage can use something: connect to a stage, not to an image." };
  const target = to.stage;
  const runs: RunChoice[] = [];
  target.stage.instructions.forEach((instruction, index) => {
    if (instruction.kind !== "run") return;
    const text = instruction.node.original.replace(/\s+/g, " ").trim();
    runs.push({ index, line: instruction.node.startLine, text: text.length > 60 ? `${text.slice(0, 59)}…` : text });
  });
  const kinds: ConnectionKind[] = runs.length > 0 ? ["copy", "from", "mount"] : ["copy", "from"];
  if (from.kind === "image") {
    return { sourceLabel: from.image.ref, source: from.image.ref, target, kinds, sources: [], dest: "/", runs };
  }
  if (from.stage.index === target.index) return { error: `Stage ${stageName(target)} cannot use itself.` };
  const suggestion = suggestCopyPaths(analysis.tree, from.stage.index, target.index);
  return {
    sourceLabel: stageName(from.stage),
    source: from.stage.index,
    target,
    kinds,
    sources: suggestion.sources,
    dest: suggestion.dest,
    runs,
  };
}

/** What the user filled in. */
export interface ConnectForm {
  readonly kind: ConnectionKind;
  /** Space-separated paths (copy), or the mount's source path (may be empty). */
  readonly sources: string;
  readonly dest: string;
  readonly run: number | null;
}

/** The core's edits for the form, or its reason. */
export function connectionEdits(analysis: Analysis, plan: ConnectPlan, form: ConnectForm): EditResult {
  const sources = form.sources.split(/\s+/).filter((p) => p !== "");
  if (form.kind === "copy" && sources.length === 0) return { error: "Name at least one path to copy." };
  if (form.kind !== "from" && form.dest.trim() === "") return { error: form.kind === "copy" ? "Name where to copy to." : "Name where to mount it." };
  return connectStages(analysis.tree, {
    source: plan.source,
    target: plan.target.index,
    kind: form.kind,
    sources,
    dest: form.dest.trim(),
    ...(form.kind === "mount" && form.run !== null ? { run: form.run } : {}),
  });
}

/** Applies the connection; null when done, else the reason (the text is then unchanged). */
export function connectNow(analysis: Analysis, plan: ConnectPlan, form: ConnectForm): string | null {
  const result = connectionEdits(analysis, plan, form);
  if ("error" in result) return result.error;
  const verb = form.kind === "copy" ? "Copy" : form.kind === "from" ? "Build" : "Mount";
  const label = form.kind === "from" ? `Build ${stageName(plan.target)} on ${plan.sourceLabel}` : `${verb} from ${plan.sourceLabel} into ${stageName(plan.target)}`;
  return applyEditResult(result, label, plan.target.id) ? null : "The text did not change.";
}
