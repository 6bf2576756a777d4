/**
 * The second half of the canvas mapping: the described graph plus node positions → the nodes
 * and edges React Flow draws. Objects that came out the same as in `previous` are reused, so
 * React Flow keeps its internal node and skips the render.
 */
import { Position, type NodeHandle } from "@xyflow/react";
import type { Point } from "../../src/index.ts";
import { planEdges, type EdgeRouting } from "../../src/index.ts";
import type { CanvasModel } from "./describe-graph.ts";
import { reuseIfSame } from "./same-value.ts";
import type { CanvasEdge, CanvasNode, GraphEdgeData, ImageFlowNode, StageFlowNode } from "./types.ts";

export type PositionLookup = Readonly<Record<string, Point>>;

const ORIGIN: Point = { x: 0, y: 0 };

/**
 * Handles given as data (top middle: target; bottom middle: source) spare React Flow from
 * measuring handle elements, and the custom edge spreads ends along the side from there.
 */
function describeHandles(width: number, height: number, withTarget: boolean): NodeHandle[] {
  const source: NodeHandle = { id: "out", type: "source", position: Position.Bottom, x: 0, y: height, width, height: 0 };
  if (!withTarget) return [source];
  return [source, { id: "in", type: "target", position: Position.Top, x: 0, y: 0, width, height: 0 }];
}

function samePoint(a: Point, b: Point): boolean {
  return a.x === b.x && a.y === b.y;
}

/** The previous array when every element is the very same object: React Flow then has nothing to do. */
function keepArray<T>(next: T[], previous: readonly T[]): T[] {
  return next.length === previous.length && next.every((item, i) => item === previous[i]) ? (previous as T[]) : next;
}

/**
 * React Flow nodes for `model` at `positions` (a node without one starts at the origin).
 * A node whose payload and position did not change is the very object from `previous`.
 */
export function toFlowNodes(model: CanvasModel, positions: PositionLookup, previous: readonly CanvasNode[] = []): CanvasNode[] {
  const before = new Map(previous.map((n) => [n.id, n]));
  const nodes: CanvasNode[] = [];
  for (const data of model.images) {
    const position = positions[data.key] ?? ORIGIN;
    const old = before.get(data.key);
    if (old?.type === "image" && old.data === data && samePoint(old.position, position)) {
      nodes.push(old);
      continue;
    }
    const node: ImageFlowNode = {
      id: data.key,
      type: "image",
      position,
      data,
      width: data.width,
      height: data.height,
      measured: { width: data.width, height: data.height },
      handles: describeHandles(data.width, data.height, false),
      selectable: false,
      connectable: false,
      deletable: false,
      focusable: false,
      ariaRole: "group",
    };
    nodes.push(node);
  }
  for (const data of model.stages) {
    const position = positions[data.key] ?? ORIGIN;
    const old = before.get(data.key);
    if (old?.type === "stage" && old.data === data && samePoint(old.position, position)) {
      nodes.push(old);
      continue;
    }
    const node: StageFlowNode = {
      id: data.key,
      type: "stage",
      position,
      data,
      width: data.width,
      height: data.height,
      measured: { width: data.width, height: data.height },
      handles: describeHandles(data.width, data.height, true),
      selectable: false,
      connectable: false,
      deletable: false,
      focusable: false,
      ariaRole: "group",
      // An expanded stage may reach over the node below: draw it on top.
      ...(data.expanded ? { zIndex: 10 } : {}),
    };
    nodes.push(node);
  }
  return keepArray(nodes, previous);
}

/**
 * React Flow edges for `model`; unchanged ones are the very objects from `previous`. `routing`
 * is `planEdges(model, positions)`, given when the caller kept it from before.
 */
export function toFlowEdges(
  model: Pick<CanvasModel, "layout" | "edges">,
  positions: PositionLookup,
  previous: readonly CanvasEdge[] = [],
  routing: EdgeRouting = planEdges(model, positions),
): CanvasEdge[] {
  const before = new Map(previous.map((e) => [e.id, e]));
  const { ends, routes } = routing;
  const sizes = new Map(model.layout.nodes.map((n) => [n.id, n]));
  const edges = model.edges.map((spec): CanvasEdge => {
    const end = ends.get(spec.id) ?? { source: 0, target: 0 };
    const target = sizes.get(spec.target);
    const { id: _id, source: _source, target: _target, ...rest } = spec;
    const data: GraphEdgeData = {
      ...rest,
      sourceKey: spec.source,
      targetKey: spec.target,
      sourceOffset: end.source,
      targetOffset: end.target,
      nodeWidth: target?.width ?? 0,
      nodeHeight: target?.height ?? 0,
      labelAt: routes.get(spec.id)?.labelAt ?? 0.5,
      shownLabel: routes.get(spec.id)?.label ?? null,
      channel: routes.get(spec.id)?.channel ?? null,
    };
    const old = before.get(spec.id);
    const kept = reuseIfSame(old?.data, data);
    if (old !== undefined && kept === old.data && old.source === spec.source && old.target === spec.target) return old;
    return {
      id: spec.id,
      source: spec.source,
      target: spec.target,
      type: "graph",
      data: kept,
      selectable: false,
      focusable: false,
      deletable: false,
      ariaLabel: `${spec.kind} edge from ${spec.source} to ${spec.target}${spec.valid ? "" : " (invalid)"}`,
      // Invalid edges are the ones to notice: draw them over the others.
      ...(spec.valid ? {} : { zIndex: 1 }),
    };
  });
  return keepArray(edges, previous);
}
