/**
 * The layout that runs on every keystroke: nodes the canvas already shows stay exactly where they
 * are, and only new nodes are placed, next to their neighbours, in free space. No library layout
 * runs here, so its cost grows with the number of new nodes, not with the size of the graph.
 */
import { indexGraph } from "./indexed-graph.ts";
import type { IndexedGraph } from "./indexed-graph.ts";
import { Occupancy } from "./occupancy.ts";
import type { Rect } from "./occupancy.ts";
import { defaultSpacing } from "./types.ts";
import type { LayoutGraph, Point, Positions, Spacing } from "./types.ts";

/**
 * Keep every node found in `pinned` or `previous` (pinned first) exactly where it was, and place
 * the others: below their `from` parent (right of the siblings already there), else below their
 * lowest source, else above the node they feed, else on a row under everything. A new node never
 * overlaps another node; nodes gone from the graph are simply not in the result.
 *
 * @example
 * const next = layoutIncremental(graph, lastPositions, draggedPositions);
 * next.get("builder"); // where it was, or a free spot below its base when it is new
 */
export function layoutIncremental(
  graph: LayoutGraph,
  previous: ReadonlyMap<string, Point>,
  pinned: ReadonlyMap<string, Point> = new Map(),
): Positions {
  const indexed = indexGraph(graph);
  const known = indexed.nodes.map((node) => usablePoint(pinned.get(node.id)) ?? usablePoint(previous.get(node.id)));
  return toPositions(indexed, placeNewNodes(indexed, known, defaultSpacing));
}

/** A saved position the canvas could show; anything else counts as no position at all. */
function usablePoint(point: Point | undefined): Point | null {
  return point !== undefined && Number.isFinite(point.x) && Number.isFinite(point.y) ? { x: point.x, y: point.y } : null;
}

/** The result map: node ids in graph order. */
export function toPositions(indexed: IndexedGraph, points: readonly Point[]): Positions {
  const positions: Positions = new Map();
  indexed.nodes.forEach((node, i) => {
    const point = points[i];
    if (point !== undefined) positions.set(node.id, point);
  });
  return positions;
}

/**
 * Give every node without a position (null in `known`) one, leaving the known ones as they are.
 * The full layout uses it too: to fit nodes around pinned ones, and, from nothing, as its row
 * placement for graphs too big for dagre.
 */
export function placeNewNodes(indexed: IndexedGraph, known: readonly (Point | null)[], spacing: Spacing): Point[] {
  const placed = [...known];
  const occupancy = new Occupancy();
  indexed.nodes.forEach((node, i) => {
    const point = placed[i];
    if (point !== null && point !== undefined) occupancy.add({ ...point, width: node.width, height: node.height });
  });
  // Fixed once, so unconnected new nodes line up on one row instead of stacking downwards.
  const bounds = occupancy.bounds;
  const spareRow: Point = bounds === null ? { x: 0, y: 0 } : { x: bounds.left, y: bounds.bottom + spacing.row };

  for (const i of orderPlacement(indexed, known)) {
    const node = indexed.nodes[i];
    if (node === undefined) continue;
    const wanted = findWantedSpot(indexed, i, placed, spacing) ?? spareRow;
    const spot = slideRightUntilFree(occupancy, { ...wanted, width: node.width, height: node.height }, spacing);
    placed[i] = spot;
    occupancy.add({ ...spot, width: node.width, height: node.height });
  }
  return placed.map((p) => p ?? { x: 0, y: 0 });
}

/**
 * New nodes in an order where a node's sources come before it (depth-first over incoming edges,
 * ties in node order), so a new chain is laid down from its top. On a cycle the first node met wins.
 */
function orderPlacement(indexed: IndexedGraph, known: readonly (Point | null)[]): number[] {
  const order: number[] = [];
  const state = new Uint8Array(indexed.nodes.length); // 0 unseen, 1 on the stack, 2 done
  for (let root = 0; root < indexed.nodes.length; root++) {
    if (known[root] !== null || state[root] !== 0) continue;
    // An explicit stack: a 10,000-stage chain must not overflow the call stack.
    const stack: { node: number; next: number }[] = [{ node: root, next: 0 }];
    state[root] = 1;
    while (stack.length > 0) {
      const top = stack[stack.length - 1];
      if (top === undefined) break;
      const incoming = indexed.incoming[top.node] ?? [];
      const edge = incoming[top.next];
      if (edge === undefined) {
        stack.pop();
        state[top.node] = 2;
        order.push(top.node);
        continue;
      }
      top.next++;
      const source = indexed.edges[edge]?.source;
      if (source === undefined || known[source] !== null || state[source] !== 0) continue;
      state[source] = 1;
      stack.push({ node: source, next: 0 });
    }
  }
  return order;
}

function centreX(indexed: IndexedGraph, i: number, placed: readonly (Point | null)[]): number | null {
  const point = placed[i];
  const node = indexed.nodes[i];
  return point === null || point === undefined || node === undefined ? null : point.x + node.width / 2;
}

/** Where a new node would ideally go, from its already placed neighbours; null when it has none. */
function findWantedSpot(indexed: IndexedGraph, i: number, placed: readonly (Point | null)[], spacing: Spacing): Point | null {
  const node = indexed.nodes[i];
  if (node === undefined) return null;
  const alignWith = (neighbours: { index: number; kind: string }[]): number => {
    const base = neighbours.find((n) => n.kind === "from");
    const chosen = base !== undefined ? [base] : neighbours;
    const centres = chosen.map((n) => centreX(indexed, n.index, placed) ?? 0);
    return Math.round(centres.reduce((a, b) => a + b, 0) / centres.length - node.width / 2);
  };

  const sources = placedNeighbours(indexed, indexed.incoming[i] ?? [], "source", placed);
  if (sources.length > 0) {
    const lowest = Math.max(...sources.map((s) => s.point.y + (indexed.nodes[s.index]?.height ?? 0)));
    return { x: alignWith(sources), y: lowest + spacing.row };
  }
  const targets = placedNeighbours(indexed, indexed.outgoing[i] ?? [], "target", placed);
  if (targets.length > 0) {
    const highest = Math.min(...targets.map((t) => t.point.y));
    return { x: alignWith(targets), y: highest - spacing.row - node.height };
  }
  return null;
}

function placedNeighbours(indexed: IndexedGraph, edges: readonly number[], end: "source" | "target", placed: readonly (Point | null)[]) {
  const found: { index: number; kind: string; point: Point }[] = [];
  for (const e of edges) {
    const edge = indexed.edges[e];
    if (edge === undefined) continue;
    const point = placed[edge[end]];
    if (point !== null && point !== undefined) found.push({ index: edge[end], kind: edge.kind, point });
  }
  return found;
}

/**
 * Keep the row, move right past whatever is in the way. Each step jumps beyond the blocker that
 * reaches furthest right, so no blocker is met twice and the loop ends.
 */
function slideRightUntilFree(occupancy: Occupancy, rect: Rect, spacing: Spacing): Point {
  let x = rect.x;
  for (;;) {
    const blocker = occupancy.findBlocker({ ...rect, x }, spacing.column, spacing.row / 2);
    if (blocker === null) return { x, y: rect.y };
    x = blocker.x + blocker.width + spacing.column;
  }
}
