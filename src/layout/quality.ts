/**
 * Measures of a layout, for the tests and the benchmark that compares layout engines (not used by
 * the app). Edges are taken as straight segments from the bottom middle of the source to the top
 * middle of the target: a proxy for the curves the canvas draws.
 */
import { intersects } from "./occupancy.ts";
import type { LayoutGraph, Positions } from "./types.ts";

export interface LayoutQuality {
  /** Pairs of edges whose segments cross (edges sharing an end are not counted). */
  readonly crossings: number;
  /** Sum of segment lengths (px). */
  readonly edgeLength: number;
  /** Mean horizontal offset between a `from` edge's ends (px): 0 when every base chain is a straight column. */
  readonly fromSkew: number;
  /** Edges whose target does not start below its source's bottom. */
  readonly upward: number;
  /** Pairs of nodes whose boxes overlap. */
  readonly overlaps: number;
  readonly width: number;
  readonly height: number;
}

interface Segment {
  readonly source: string;
  readonly target: string;
  readonly x1: number;
  readonly y1: number;
  readonly x2: number;
  readonly y2: number;
}

/** Measure `positions` as a layout of `graph`; every node must have a position. */
export function measureLayout(graph: LayoutGraph, positions: Positions): LayoutQuality {
  const boxes = new Map(graph.nodes.map((n) => [n.id, { ...positionOf(positions, n.id), width: n.width, height: n.height }]));
  const segments: Segment[] = [];
  let edgeLength = 0;
  let skew = 0;
  let fromEdges = 0;
  let upward = 0;
  for (const edge of graph.edges) {
    const s = boxes.get(edge.source);
    const t = boxes.get(edge.target);
    if (s === undefined || t === undefined || edge.source === edge.target) continue;
    const segment = { source: edge.source, target: edge.target, x1: s.x + s.width / 2, y1: s.y + s.height, x2: t.x + t.width / 2, y2: t.y };
    segments.push(segment);
    edgeLength += Math.hypot(segment.x2 - segment.x1, segment.y2 - segment.y1);
    if (edge.kind === "from") {
      skew += Math.abs(segment.x2 - segment.x1);
      fromEdges++;
    }
    if (t.y < s.y + s.height) upward++;
  }
  let crossings = 0;
  for (let i = 0; i < segments.length; i++) {
    for (let j = i + 1; j < segments.length; j++) {
      const a = segments[i];
      const b = segments[j];
      if (a !== undefined && b !== undefined && !shareEnd(a, b) && segmentsCross(a, b)) crossings++;
    }
  }
  const all = [...boxes.values()];
  let overlaps = 0;
  for (let i = 0; i < all.length; i++) {
    for (let j = i + 1; j < all.length; j++) {
      const a = all[i];
      const b = all[j];
      if (a !== undefined && b !== undefined && intersects(a, b)) overlaps++;
    }
  }
  const right = Math.max(0, ...all.map((b) => b.x + b.width));
  const bottom = Math.max(0, ...all.map((b) => b.y + b.height));
  const left = Math.min(right, ...all.map((b) => b.x));
  const top = Math.min(bottom, ...all.map((b) => b.y));
  return { crossings, edgeLength, fromSkew: fromEdges === 0 ? 0 : skew / fromEdges, upward, overlaps, width: right - left, height: bottom - top };
}

function positionOf(positions: Positions, id: string) {
  const p = positions.get(id);
  if (p === undefined) throw new Error(`no position for node '${id}'`);
  return p;
}

function shareEnd(a: Segment, b: Segment): boolean {
  return a.source === b.source || a.source === b.target || a.target === b.source || a.target === b.target;
}

function orientation(ax: number, ay: number, bx: number, by: number, cx: number, cy: number): number {
  return Math.sign((bx - ax) * (cy - ay) - (by - ay) * (cx - ax));
}

/** Proper crossings only: segments that merely touch or run along each other do not count. */
function segmentsCross(a: Segment, b: Segment): boolean {
  const o1 = orientation(a.x1, a.y1, a.x2, a.y2, b.x1, b.y1);
  const o2 = orientation(a.x1, a.y1, a.x2, a.y2, b.x2, b.y2);
  const o3 = orientation(b.x1, b.y1, b.x2, b.y2, a.x1, a.y1);
  const o4 = orientation(b.x1, b.y1, b.x2, b.y2, a.x2, a.y2);
  return o1 * o2 < 0 && o3 * o4 < 0;
}
