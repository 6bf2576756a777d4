/**
 * The first half of the canvas mapping: the stage graph → what each node and edge shows, plus
 * the graph the layout works on. Positions come later (to-flow.ts), so typing that changes no
 * node leaves every payload, and the layout input, identical to the last one.
 */
import {
  IMAGE_HEIGHT,
  STAGE_WIDTH,
  measureImageWidth,
  measureStageHeight,
  findLastLine,
  labelCountedEdge,
  labelGraphEdge,
  shortenImageRef,
  summarizeBase,
  summarizeInstruction,
  type Finding,
  type GraphDiagnostic,
  type GraphEdge,
  type GraphStage,
  type LayoutEdge,
  type LayoutGraph,
  type LayoutNode,
  type StageGraph,
  type TextRange,
} from "../../src/index.ts";
import { imageKey, stageKey } from "../state/node-keys.ts";
import { reuseIfSame } from "./same-value.ts";
import type { GraphEdgeData, ImageNodeData, StageNodeData } from "./types.ts";

/** An edge before positions are known (the ends' offsets depend on where the nodes are). */
/** An edge as described from the graph: the drawn edge's data, before ports are spread. */
export type EdgeSpec = Pick<GraphEdgeData, "kind" | "label" | "title" | "valid" | "reason" | "dimmed" | "onbuild" | "selfLoop" | "count"> & {
  readonly id: string;
  readonly source: string;
  readonly target: string;
};

export interface CanvasModel {
  /** Stage payloads in file order. */
  readonly stages: readonly StageNodeData[];
  /** One payload per distinct external image, in order of first use. */
  readonly images: readonly ImageNodeData[];
  readonly edges: readonly EdgeSpec[];
  /** What the layout sees; the same object as last time when no node or edge changed. */
  readonly layout: LayoutGraph;
  /**
   * Node keys that replace a key of the previous model in the same place (a stage being renamed
   * letter by letter, a base image being typed): the new key inherits the old position.
   */
  readonly renames: ReadonlyMap<string, string>;
  /** Where each node sits in the file (`stage:3`, `image:0:from`), to recognise renames next time. */
  readonly slots: ReadonlyMap<string, string>;
  /** Per node key and edge id, the source range to select or highlight in the editor. */
  readonly ranges: ReadonlyMap<string, TextRange>;
  /** Each stage's source text, to tell next time which stages did not change. */
  readonly texts: ReadonlyMap<string, string>;
}

const EMPTY_MODEL: CanvasModel = {
  stages: [],
  images: [],
  edges: [],
  layout: { nodes: [], edges: [] },
  renames: new Map(),
  slots: new Map(),
  ranges: new Map(),
  texts: new Map(),
};

/** Each diagnostic goes to the stage the core says it belongs to. */
function groupDiagnostics(stages: readonly GraphStage[], diagnostics: readonly GraphDiagnostic[]): GraphDiagnostic[][] {
  const groups: GraphDiagnostic[][] = stages.map(() => []);
  for (const d of diagnostics) if (d.stage !== null) groups[d.stage]?.push(d);
  return groups;
}

/**
 * Why a stage is not built, from the stage's own view: the target's name is not in it, so renaming
 * the target leaves every other payload as it was. The node names the target on hover
 * (`nameTargetIn`).
 */
function unreachableReason(graph: StageGraph): string {
  return graph.stages[graph.target] === undefined ? NO_TARGET : NOT_NEEDED;
}

const NO_TARGET = "Not built: there is no target stage";
const NOT_NEEDED = "Not needed by the target: nothing the target needs comes from this stage";

/** `reason` (a payload's `unreachableReason`) with the target named, as a hover shows it. */
export function nameTargetIn(reason: string, targetLabel: string | null): string {
  return reason === NOT_NEEDED && targetLabel !== null ? `Not built for target ${targetLabel}: nothing the target needs comes from this stage` : reason;
}

/** The payloads of the stage nodes, and their keys (unique even when a name is used twice). */
function describeStages(
  graph: StageGraph,
  previous: CanvasModel,
  expanded: ReadonlySet<string>,
  texts: Map<string, string>,
  findings: readonly Finding[],
): StageNodeData[] {
  const previousByKey = new Map(previous.stages.map((s) => [s.key, s]));
  const findingsByStage: string[][] = graph.stages.map(() => []);
  for (const f of findings) if (f.stage !== null && f.severity !== "info") findingsByStage[f.stage]?.push(`L${f.line} ${f.rule}: ${f.message}`);
  const groups = groupDiagnostics(graph.stages, graph.diagnostics);
  const reason = unreachableReason(graph);
  return graph.stages.map((stage, i) => {
    // The core's id: distinct even for a name used twice (an error BuildKit reports).
    const key = stageKey(stage);
    const diagnostics = groups[i] ?? [];
    // A stage whose text and place did not change has the same instructions: skip summarising them.
    const text = graph.model.tree.source.slice(stage.range.start, stage.range.end);
    const old = previousByKey.get(key);
    const same = old !== undefined && previous.texts.get(key) === text && old.lines.start === stage.line;
    const instructions = same ? old.instructions : stage.stage.instructions.map(summarizeInstruction);
    texts.set(key, text);
    const isExpanded = expanded.has(key);
    const data: StageNodeData = {
      key,
      title: stage.stage.from.alias?.value ?? `#${stage.index}`,
      role: stage.role,
      base: summarizeBase(stage, graph.stages),
      platform: stage.platform,
      instructions,
      lines: { start: stage.line, end: findLastLine(stage) },
      errors: diagnostics.filter((d) => d.severity === "error").map((d) => `L${d.line}: ${d.message}`),
      warnings: diagnostics.filter((d) => d.severity === "warning").map((d) => `L${d.line}: ${d.message}`),
      findings: findingsByStage[i] ?? [],
      isTarget: stage.index === graph.target,
      reachable: stage.reachable,
      unreachableReason: stage.reachable ? null : reason,
      expanded: isExpanded,
      width: STAGE_WIDTH,
      height: measureStageHeight(instructions.length, isExpanded),
    };
    return reuseIfSame(old, data);
  });
}


function describeEdgeTitle(edge: GraphEdge, sourceLabel: string, targetLabel: string): string {
  const where = `line ${edge.line}${edge.onbuild ? ", from an ONBUILD trigger" : ""}`;
  if (edge.kind === "from") return `${targetLabel} is built FROM ${sourceLabel} (${where})`;
  if (edge.kind === "copy") {
    const paths = edge.sources !== undefined && edge.sources.length > 0 ? edge.sources.join(", ") : "(inline content)";
    return `COPY --from=${sourceLabel} into ${targetLabel} (${where})\n${paths}\n→ ${edge.dest ?? "?"}`;
  }
  const source = edge.sources?.[0];
  return `RUN --mount from ${sourceLabel} in ${targetLabel} (${where})\ntarget ${edge.dest ?? "?"}${source !== undefined ? `\nsource ${source}` : ""}`;
}

/** Titles listed on one merged edge; the rest are counted. */
const LISTED_TITLES = 12;

/** One more instruction behind an edge: counted, listed in the title (up to LISTED_TITLES). */
function mergeEdge(edge: EdgeSpec, title: string, valid: boolean, reason: string | null, onbuild: boolean): EdgeSpec {
  const count = edge.count + 1;
  const listed = count <= LISTED_TITLES ? `${edge.title}\n\n${title}` : edge.title;
  return { ...edge, count, title: listed, valid: edge.valid && valid, reason: edge.reason ?? reason, onbuild: edge.onbuild && onbuild };
}

/** A merged edge says how many instructions it stands for, on its label and atop its title. */
function finishEdge(edge: EdgeSpec): EdgeSpec {
  if (edge.count === 1) return edge;
  const more = edge.count > LISTED_TITLES ? `\n\n… and ${edge.count - LISTED_TITLES} more` : "";
  const what = edge.kind === "copy" ? "COPY --from" : edge.kind === "mount" ? "RUN --mount" : "FROM";
  return {
    ...edge,
    label: labelCountedEdge(edge.label, edge.count),
    title: `${edge.count} × ${what}\n\n${edge.title}${more}`,
  };
}

/**
 * Describe `graph` for the canvas. `previous` is the model of the last analysis: payloads that
 * came out equal are its very objects, and keys that replaced one of its keys in the same place
 * are listed in `renames`. `expanded` holds the keys of stages whose full instruction list shows.
 *
 * @example
 * const model = describeGraph(graph, lastModel, expandedKeys);
 * model.stages.map((s) => s.key); // ["base", "builder", "pruner", "final"]
 */
export function describeGraph(
  graph: StageGraph,
  previous: CanvasModel | null,
  expanded: ReadonlySet<string> = new Set(),
  findings: readonly Finding[] = [],
): CanvasModel {
  const before = previous ?? EMPTY_MODEL;
  const texts = new Map<string, string>();
  const stages = describeStages(graph, before, expanded, texts, findings);
  const stageKeys = stages.map((s) => s.key);
  const ranges = new Map<string, TextRange>();
  graph.stages.forEach((stage, i) => ranges.set(stageKeys[i] ?? stageKey(stage), stage.range));

  const keyOf = (source: GraphEdge["source"]): string | undefined =>
    source.kind === "image" ? imageKey(source.ref) : stageKeys[source.index];
  const labelOf = (source: GraphEdge["source"]): string =>
    source.kind === "image" ? source.ref : (graph.stages[source.index]?.label ?? `stage-${source.index}`);

  // One drawn edge per node pair and kind: ten thousand COPY --from lines between two stages
  // are one edge with a count, each listed in its title.
  const drafts = new Map<string, EdgeSpec>();
  const imageUsers = new Map<string, { used: boolean; by: string[]; slot: string; range: TextRange }>();
  const previousEdges = new Map(before.edges.map((e) => [e.id, e]));
  for (const edge of graph.edges) {
    const source = keyOf(edge.source);
    const target = stageKeys[edge.target];
    const targetStage = graph.stages[edge.target];
    if (source === undefined || target === undefined || targetStage === undefined) continue;
    const id = `${edge.kind}:${source}>${target}`;
    if (!ranges.has(id)) ranges.set(id, edge.instruction.node.range);
    if (edge.source.kind === "image") {
      const user = imageUsers.get(source) ?? { used: false, by: [], slot: `image:${edge.target}:${edge.kind}`, range: edge.range };
      user.used ||= targetStage.reachable;
      if (!user.by.includes(targetStage.label)) user.by.push(targetStage.label);
      imageUsers.set(source, user);
    }
    const title = describeEdgeTitle(edge, labelOf(edge.source), targetStage.label);
    const draft = drafts.get(id);
    if (draft !== undefined) {
      drafts.set(id, mergeEdge(draft, title, edge.valid, edge.reason, edge.onbuild));
      continue;
    }
    drafts.set(id, {
      id,
      source,
      target,
      kind: edge.kind,
      label: labelGraphEdge(edge),
      title,
      valid: edge.valid,
      reason: edge.reason,
      dimmed: !targetStage.reachable,
      onbuild: edge.onbuild,
      selfLoop: source === target,
      count: 1,
    });
  }
  const edges = [...drafts.values()].map((spec) => reuseIfSame(previousEdges.get(spec.id), finishEdge(spec)));
  const sameEdges = edges.length === before.edges.length && edges.every((e, i) => e === before.edges[i]);

  const previousImages = new Map(before.images.map((i) => [i.key, i]));
  const images: ImageNodeData[] = graph.images.map((image) => {
    const key = imageKey(image.ref);
    const user = imageUsers.get(key);
    const data: ImageNodeData = {
      key,
      ref: image.ref,
      label: shortenImageRef(image.ref),
      valid: image.valid,
      used: user?.used ?? false,
      usedBy: user?.by ?? [],
      width: measureImageWidth(image.ref),
      height: IMAGE_HEIGHT,
    };
    if (user !== undefined) ranges.set(key, user.range);
    return reuseIfSame(previousImages.get(key), data);
  });

  const slots = new Map<string, string>();
  stages.forEach((s, i) => slots.set(s.key, `stage:${i}`));
  for (const image of images) slots.set(image.key, imageUsers.get(image.key)?.slot ?? image.key);

  return {
    stages,
    images,
    // The very array when nothing changed, so what is derived from the edges alone is kept too.
    edges: sameEdges ? before.edges : edges,
    layout: describeLayout(stages, images, edges, before.layout),
    renames: findRenames(slots, before.slots),
    slots,
    ranges,
    texts,
  };
}

/** The layout's input: images first (ranked on top), then stages; the old object when nothing changed. */
function describeLayout(
  stages: readonly StageNodeData[],
  images: readonly ImageNodeData[],
  edges: readonly EdgeSpec[],
  previous: LayoutGraph,
): LayoutGraph {
  const nodes: LayoutNode[] = [
    ...images.map((i) => ({ id: i.key, width: i.width, height: i.height, rank: 0 })),
    ...stages.map((s) => ({ id: s.key, width: s.width, height: s.height })),
  ];
  const layoutEdges: LayoutEdge[] = edges.filter((e) => !e.selfLoop).map((e) => ({ source: e.source, target: e.target, kind: e.kind }));
  return reuseIfSame(previous, { nodes, edges: layoutEdges });
}

/** New keys standing where a key that is gone stood. */
function findRenames(slots: ReadonlyMap<string, string>, previousSlots: ReadonlyMap<string, string>): Map<string, string> {
  const renames = new Map<string, string>();
  if (previousSlots.size === 0) return renames;
  const previousAt = new Map<string, string>();
  for (const [key, slot] of previousSlots) previousAt.set(slot, key);
  for (const [key, slot] of slots) {
    if (previousSlots.has(key)) continue;
    const old = previousAt.get(slot);
    if (old !== undefined && !slots.has(old)) renames.set(key, old);
  }
  return renames;
}
