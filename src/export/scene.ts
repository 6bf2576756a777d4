/**
 * The picture of a stage graph as plain data, before any drawing: what each node and edge shows,
 * at the sizes the canvas draws them, and where each one sits. The SVG export draws it (svg.ts);
 * the app hands in the positions the user sees, the CLI lets the same layout place the nodes.
 */
import type { StageGraph } from "../graph/types.ts";
import { planEdges, type EdgeRouting } from "../layout/edge-ends.ts";
import { IMAGE_HEIGHT, STAGE_WIDTH, measureImageWidth, measureStageHeight } from "../layout/node-size.ts";
import { placeNodes } from "../layout/place-nodes.ts";
import { shortenImageRef } from "../layout/image-label.ts";
import type { LayoutGraph, Point } from "../layout/types.ts";
import { findLastLine, labelCountedEdge, labelGraphEdge, summarizeBase, summarizeInstruction, type BaseSummary, type InstructionSummary } from "./summarize.ts";

export interface SceneStage {
  /** The core's node id (`stage:build`). */
  readonly id: string;
  readonly title: string;
  /** "unknown" shows no badge. */
  readonly role: string;
  readonly base: BaseSummary;
  readonly platform: string | null;
  readonly instructions: readonly InstructionSummary[];
  readonly lines: { readonly start: number; readonly end: number };
  readonly errors: number;
  readonly warnings: number;
  readonly isTarget: boolean;
  readonly reachable: boolean;
  readonly expanded: boolean;
  readonly width: number;
  readonly height: number;
}

export interface SceneImage {
  readonly id: string;
  readonly ref: string;
  /** `ref` with the registry path cut short, as the pill shows it. */
  readonly label: string;
  readonly valid: boolean;
  /** Whether a stage the target builds uses it. */
  readonly used: boolean;
  readonly width: number;
  readonly height: number;
}

/** One drawn edge: every instruction of one kind between the same two nodes. */
export interface SceneEdge {
  readonly id: string;
  readonly kind: "from" | "copy" | "mount";
  readonly source: string;
  readonly target: string;
  readonly label: string | null;
  readonly valid: boolean;
  /** The stage at the end is not built for the target. */
  readonly dimmed: boolean;
  readonly selfLoop: boolean;
  readonly count: number;
}

export interface Scene {
  /** In file order. */
  readonly stages: readonly SceneStage[];
  /** In order of first use. */
  readonly images: readonly SceneImage[];
  readonly edges: readonly SceneEdge[];
  /** What the layout works on: images first (asked for the top row), then stages. */
  readonly layout: LayoutGraph;
}

export interface SceneOptions {
  /** Ids of the stages whose whole instruction list shows (the canvas's "N more" opened). */
  readonly expanded?: ReadonlySet<string>;
}

/**
 * Describe `graph` as the canvas shows it: the same titles, badges, rows, merged edges and sizes.
 *
 * @example
 * const scene = describeScene(buildStageGraph(parseDockerfile(text)));
 */
export function describeScene(graph: StageGraph, options: SceneOptions = {}): Scene {
  const expanded = options.expanded ?? new Set<string>();
  const errors = graph.stages.map(() => 0);
  const warnings = graph.stages.map(() => 0);
  for (const d of graph.diagnostics) {
    if (d.stage === null) continue;
    if (d.severity === "error") errors[d.stage] = (errors[d.stage] ?? 0) + 1;
    else if (d.severity === "warning") warnings[d.stage] = (warnings[d.stage] ?? 0) + 1;
  }
  const stages = graph.stages.map((stage, i): SceneStage => {
    const instructions = stage.stage.instructions.map(summarizeInstruction);
    const isExpanded = expanded.has(stage.id);
    return {
      id: stage.id,
      title: stage.stage.from.alias?.value ?? `#${stage.index}`,
      role: stage.role,
      base: summarizeBase(stage, graph.stages),
      platform: stage.platform,
      instructions,
      lines: { start: stage.line, end: findLastLine(stage) },
      errors: errors[i] ?? 0,
      warnings: warnings[i] ?? 0,
      isTarget: stage.index === graph.target,
      reachable: stage.reachable,
      expanded: isExpanded,
      width: STAGE_WIDTH,
      height: measureStageHeight(instructions.length, isExpanded),
    };
  });
  const merged = new Map<string, SceneEdge>();
  const used = new Set<string>();
  for (const edge of graph.edges) {
    const target = graph.stages[edge.target];
    if (target === undefined) continue;
    if (edge.source.kind === "image" && target.reachable) used.add(edge.sourceId);
    const key = `${edge.kind}:${edge.sourceId}>${edge.targetId}`;
    const old = merged.get(key);
    merged.set(
      key,
      old === undefined
        ? { id: key, kind: edge.kind, source: edge.sourceId, target: edge.targetId, label: labelGraphEdge(edge), valid: edge.valid, dimmed: !target.reachable, selfLoop: edge.sourceId === edge.targetId, count: 1 }
        : { ...old, valid: old.valid && edge.valid, count: old.count + 1 },
    );
  }
  const edges = [...merged.values()].map((e) => ({ ...e, label: labelCountedEdge(e.label, e.count) }));
  const images = graph.images.map(
    (image): SceneImage => ({
      id: image.id,
      ref: image.ref,
      label: shortenImageRef(image.ref),
      valid: image.valid,
      used: used.has(image.id),
      width: measureImageWidth(image.ref),
      height: IMAGE_HEIGHT,
    }),
  );
  const layout: LayoutGraph = {
    nodes: [...images.map((i) => ({ id: i.id, width: i.width, height: i.height, rank: 0 })), ...stages.map((s) => ({ id: s.id, width: s.width, height: s.height }))],
    edges: edges.filter((e) => !e.selfLoop).map((e) => ({ source: e.source, target: e.target, kind: e.kind })),
  };
  return { stages, images, edges, layout };
}

/** Where every node of a scene sits, and how its edges run. */
export interface SceneLayout {
  readonly positions: Readonly<Record<string, Point>>;
  readonly routing: EdgeRouting;
}

/**
 * Place the scene: nodes at `positions` where given (the canvas's own), the layout's for the
 * rest; then the edges routed around them, as the canvas routes them.
 */
export function placeScene(scene: Scene, positions: Readonly<Record<string, Point>> = {}): SceneLayout {
  const placed = placeNodes(scene.layout, new Map(), positions, Object.keys(positions)).positions;
  return { positions: placed, routing: planEdges({ layout: scene.layout, edges: scene.edges }, placed) };
}
