/**
 * What the side panel says about the graph, as plain data: pure functions of a StageGraph, so
 * the wording and the walks over edges are tested without a browser.
 */
import type { EdgeSource, GraphEdge, GraphStage, InstructionNode, StageGraph, TextRange } from "../../src/index.ts";
import { findGraphNode } from "../../src/index.ts";
import { imageKey, stageKey, stageName } from "../state/analysis.ts";

/** The first and last line of a stage: its FROM line through the end of its last instruction. */
export interface LineSpan {
  readonly first: number;
  readonly last: number;
}

export function findStageLines(stage: GraphStage): LineSpan {
  const lastNode = (stage.stage.instructions.at(-1) ?? stage.stage.from).node;
  return { first: stage.line, last: Math.max(stage.line, lastNode.endLine) };
}

/** "line 3" or "lines 3–9". */
export function formatLines(span: LineSpan): string {
  return span.first === span.last ? `line ${span.first}` : `lines ${span.first}–${span.last}`;
}

/** The stage with this node id, or null. */
export function findStage(graph: StageGraph, key: string): GraphStage | null {
  const node = findGraphNode(graph, key);
  return node?.kind === "stage" ? node.stage : null;
}

/** The node key of an edge's source: a stage key, or `image:REF`. */
export function sourceKey(graph: StageGraph, source: EdgeSource): string {
  if (source.kind === "image") return imageKey(source.ref);
  const stage = graph.stages[source.index];
  return stage === undefined ? `#${source.index}` : stageKey(stage);
}

/** How an edge's source is named in words: a stage's name (or `#index`), an image's reference. */
function nameOf(graph: StageGraph, source: EdgeSource): string {
  if (source.kind === "image") return source.ref;
  const stage = graph.stages[source.index];
  return stage === undefined ? `#${source.index}` : stageName(stage);
}

/** What a stage's base is, in words: another stage, an image reference, or scratch. */
export function describeBase(graph: StageGraph, stage: GraphStage): { readonly text: string; readonly key: string | null } {
  const base = stage.base;
  if (base.kind === "scratch") return { text: "scratch (an empty file system)", key: null };
  if (base.kind === "image") return { text: base.ref, key: imageKey(base.ref) };
  const from = graph.stages[base.index];
  return { text: from === undefined ? `#${base.index}` : stageName(from), key: from === undefined ? null : stageKey(from) };
}

/** One step of the chain that makes the target need a stage: `from` uses `to` by `edge`. */
export interface NeedStep {
  /** Names, in words. */
  readonly from: string;
  readonly to: string;
  readonly kind: GraphEdge["kind"];
  readonly line: number;
}

export type Reachability =
  | { readonly kind: "target"; readonly isDefault: boolean }
  | { readonly kind: "needed"; readonly path: readonly NeedStep[] }
  | { readonly kind: "unneeded"; readonly target: string }
  | { readonly kind: "no-target" };

/**
 * Why BuildKit builds a stage or skips it: it is the target, the target needs it through a
 * chain of FROM, COPY --from and RUN --mount from= (the shortest chain is given), or the
 * target does not need it.
 */
export function explainReachability(graph: StageGraph, index: number, userTarget: string | null): Reachability {
  const target = graph.stages[graph.target];
  if (target === undefined) return { kind: "no-target" };
  if (index === target.index) return { kind: "target", isDefault: userTarget === null || userTarget === "" };
  const stage = graph.stages[index];
  if (stage === undefined || !stage.reachable) return { kind: "unneeded", target: stageName(target) };

  // Breadth-first from the target along what each stage uses, remembering how each was reached.
  const via = new Map<number, GraphEdge>();
  const queue = [target.index];
  const seen = new Set(queue);
  while (queue.length > 0 && !seen.has(index)) {
    const current = queue.shift()!;
    for (const edge of graph.edges) {
      if (edge.target !== current || edge.source.kind !== "stage" || seen.has(edge.source.index)) continue;
      seen.add(edge.source.index);
      via.set(edge.source.index, edge);
      queue.push(edge.source.index);
    }
  }
  const path: NeedStep[] = [];
  for (let at = index, edge = via.get(at); edge !== undefined; at = edge.target, edge = via.get(at)) {
    path.unshift({ from: nameOf(graph, { kind: "stage", index: edge.target }), to: nameOf(graph, edge.source), kind: edge.kind, line: edge.line });
  }
  return { kind: "needed", path };
}

/** One step of a need chain in words: "final is built FROM base", "final copies from builder (line 40)". */
export function describeStep(step: NeedStep): string {
  if (step.kind === "from") return `${step.from} is built FROM ${step.to}`;
  const verb = step.kind === "copy" ? "copies from" : "mounts";
  return `${step.from} ${verb} ${step.to} (line ${step.line})`;
}

/** An edge as a side-panel row: where the files come from or go to, and what they are. */
export interface FlowItem {
  readonly kind: GraphEdge["kind"];
  /** The node at the other end: the source for an incoming edge, the user for an outgoing one. */
  readonly other: string;
  readonly paths: readonly string[];
  readonly dest: string | null;
  readonly line: number;
  readonly range: TextRange;
  readonly valid: boolean;
  readonly onbuild: boolean;
}

function toFlowItem(edge: GraphEdge, other: string): FlowItem {
  return {
    kind: edge.kind,
    other,
    paths: edge.sources ?? [],
    dest: edge.dest ?? null,
    line: edge.line,
    range: edge.range,
    valid: edge.valid,
    onbuild: edge.onbuild,
  };
}

/** What a stage takes from other stages and images: its COPY --from and RUN --mount from= edges. */
export function listInputs(graph: StageGraph, index: number): FlowItem[] {
  return graph.edges.filter((e) => e.target === index && e.kind !== "from").map((e) => toFlowItem(e, sourceKey(graph, e.source)));
}

/** Who uses a node (a stage index or an image ref): every edge leaving it, FROM included. */
export function listUsers(graph: StageGraph, source: EdgeSource): FlowItem[] {
  return graph.edges
    .filter((e) => (source.kind === "stage" ? e.source.kind === "stage" && e.source.index === source.index : e.source.kind === "image" && e.source.ref === source.ref))
    .map((e) => toFlowItem(e, sourceKey(graph, { kind: "stage", index: e.target })));
}

/**
 * What ends up in the final image: the target, the chain of bases it is built FROM (down to an
 * image or scratch), and the files copied into any stage of that chain. Mounts are listed apart:
 * they are used while building and leave nothing in the image.
 */
export interface FinalImage {
  /** The target's name, in words. */
  readonly target: string;
  /** The target first, then its base, its base's base…; the last entry may be an image key. */
  readonly chain: readonly string[];
  readonly copies: readonly (FlowItem & { readonly into: string })[];
  readonly mounts: readonly (FlowItem & { readonly into: string })[];
}

export function describeFinalImage(graph: StageGraph): FinalImage | null {
  const target = graph.stages[graph.target];
  if (target === undefined) return null;
  const chain: string[] = [];
  const copies: (FlowItem & { into: string })[] = [];
  const mounts: (FlowItem & { into: string })[] = [];
  const visited = new Set<number>();
  let stage: GraphStage | undefined = target;
  while (stage !== undefined && !visited.has(stage.index)) {
    visited.add(stage.index);
    const into = stageKey(stage);
    chain.push(into);
    for (const item of listInputs(graph, stage.index)) (item.kind === "copy" ? copies : mounts).push({ ...item, into });
    const base: GraphStage["base"] = stage.base;
    if (base.kind === "stage") stage = graph.stages[base.index];
    else {
      chain.push(base.kind === "image" ? imageKey(base.ref) : "scratch");
      stage = undefined;
    }
  }
  return { target: stageName(target), chain, copies, mounts };
}

/** An instruction as a short line for a list: the keyword and its arguments on one line, elided. */
export function summarizeInstruction(node: InstructionNode, max = 72): { readonly text: string; readonly full: string } {
  const firstLine = node.original.replace(/\s+/g, " ").trim();
  const full = node.heredocs.length > 0 ? `${firstLine} (heredoc ${node.heredocs.map((h) => h.name).join(", ")})` : firstLine;
  return { text: full.length > max ? `${full.slice(0, max - 1)}…` : full, full };
}

/** The range to select for an instruction: from its keyword to its last character, without the newline. */
export function instructionSelection(source: string, node: InstructionNode): TextRange {
  let end = node.range.end;
  while (end > node.keywordRange.start && (source[end - 1] === "\n" || source[end - 1] === "\r")) end--;
  return { start: node.keywordRange.start, end };
}

/** "/app/dist, /app/package.json → /srv" for a copy; "→ /root/.cache" for a mount target. */
export function describePaths(item: Pick<FlowItem, "paths" | "dest">): string {
  const from = item.paths.join(", ");
  if (item.dest === null) return from;
  return from === "" ? `→ ${item.dest}` : `${from} → ${item.dest}`;
}
