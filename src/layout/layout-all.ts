/**
 * The full layered layout ("tidy up", and the first layout of a file): rows top to bottom, edges
 * pointing down, `from` chains pulled into columns. Rows come from layers.ts; dagre orders the
 * nodes within rows and gives them x positions. See README.md for why dagre and not elkjs, and
 * why large graphs skip dagre.
 */
import { graphlib, layout } from "@dagrejs/dagre";
import { indexGraph } from "./indexed-graph.ts";
import type { IndexedGraph } from "./indexed-graph.ts";
import { assignLayers } from "./layers.ts";
import type { Layering } from "./layers.ts";
import { placeNewNodes, toPositions } from "./layout-incremental.ts";
import { intersects } from "./occupancy.ts";
import { defaultSpacing } from "./types.ts";
import type { LayoutEdgeKind, LayoutGraph, LayoutOptions, Point, Positions } from "./types.ts";

/**
 * How strongly an edge pulls its ends into one column when dagre orders a row. A stage sits on
 * its base, so `from` outweighs the copies a stage usually has.
 */
const edgeWeight: Record<LayoutEdgeKind, number> = { from: 8, copy: 1, mount: 1 };

/**
 * Above this many nodes the full layout places rows itself (as `layoutIncremental` places new
 * nodes, starting from nothing) instead of calling dagre, whose cost grows to seconds on
 * synthetic 500-stage graphs; see README.md for the figures.
 */
export const dagreNodeLimit = 150;

/**
 * Lay out the whole graph afresh. Positions start at (0, 0) and are whole pixels. With `pinned`,
 * those nodes stay where the user put them and any node the fresh layout would put on top of one
 * is placed again as `layoutIncremental` would; `previous` is not used (tidying up is the point).
 *
 * @example
 * const positions = layoutAll({ nodes, edges }, { pinned: dragged });
 * positions.get("final"); // its top-left corner, e.g. { x: 0, y: 702 }
 */
export function layoutAll(graph: LayoutGraph, options: Pick<LayoutOptions, "pinned" | "direction"> = {}): Positions {
  const indexed = indexGraph(graph);
  const pins = readPins(indexed, options.pinned);
  if (indexed.nodes.length > dagreNodeLimit) {
    const placed = placeNewNodes(indexed, pins, defaultSpacing);
    return toPositions(indexed, pins.some((p) => p !== null) ? placed : moveToOrigin(placed));
  }
  const fresh = runDagre(indexed, assignLayers(indexed));
  return toPositions(indexed, pins.some((p) => p !== null) ? fitAroundPinned(indexed, fresh, pins) : fresh);
}

/** The dagre layout whatever the size: for the benchmark, which compares it with the others. */
export function layoutWithDagre(graph: LayoutGraph): Positions {
  const indexed = indexGraph(graph);
  return toPositions(indexed, runDagre(indexed, assignLayers(indexed)));
}

/** The row placement whatever the size (what `layoutAll` does above `dagreNodeLimit`). */
export function layoutInRows(graph: LayoutGraph): Positions {
  const indexed = indexGraph(graph);
  return toPositions(indexed, moveToOrigin(placeNewNodes(indexed, indexed.nodes.map(() => null), defaultSpacing)));
}

function readPins(indexed: IndexedGraph, pinned: ReadonlyMap<string, Point> | undefined): (Point | null)[] {
  return indexed.nodes.map((node) => {
    const p = pinned?.get(node.id);
    return p !== undefined && Number.isFinite(p.x) && Number.isFinite(p.y) ? { x: p.x, y: p.y } : null;
  });
}

function moveToOrigin(points: readonly Point[]): Point[] {
  // A loop, not Math.min(...points): spreading many thousands of arguments overflows the stack.
  const left = points.reduce((min, p) => Math.min(min, p.x), Infinity);
  const top = points.reduce((min, p) => Math.min(min, p.y), Infinity);
  return points.map((p) => ({ x: p.x - left, y: p.y - top }));
}

/**
 * The edges dagre sees: only those between adjacent rows. dagre turns an edge spanning k rows
 * into a chain of k - 1 dummy nodes to route it, but the canvas draws its own curves and ignores
 * dagre's routes, so those chains mostly cost time and width: on moby, giving dagre every edge
 * took 2.6× the time and made it 23% wider, for 17% fewer crossings (plain dagre, with its own
 * rows too: see README.md). Long edges still point down: the rows were set with them.
 */
function chooseEdges(indexed: IndexedGraph, layering: Layering): number[] {
  const layer = layering.layer;
  return indexed.edges.flatMap((edge, e) =>
    layering.forward[e] === true && (layer[edge.target] ?? 0) - (layer[edge.source] ?? 0) === 1 ? [e] : [],
  );
}

function runDagre(indexed: IndexedGraph, layering: Layering): Point[] {
  if (indexed.nodes.length === 0) return [];
  const g = new graphlib.Graph();
  // Typed loosely: dagre accepts a function ranker, which its `GraphLabel` type does not list.
  const label: Record<string, unknown> = {
    rankdir: "TB",
    rankalign: "top",
    nodesep: defaultSpacing.column,
    ranksep: defaultSpacing.row,
    edgesep: 20,
  };
  // dagre calls a function ranker on its inner graph, where a nesting root sits above every node
  // and each edge must span at least two ranks (odd ranks hold edge labels): row r is rank 2r + 1.
  // This leans on dagre 3.1's inner workings; layout-all.test.ts checks rows and edge directions,
  // so an upgrade that changes them fails there.
  label["ranker"] = (inner: graphlib.Graph) => {
    const root = (inner.graph() as { nestingRoot?: string }).nestingRoot;
    for (const v of inner.nodes()) {
      const node = inner.node(v) as { rank?: number };
      node.rank = v === root ? 0 : 2 * (layering.layer[Number(v)] ?? 0) + 1;
    }
  };
  g.setGraph(label);
  g.setDefaultEdgeLabel(() => ({}));
  // Node ids are indexes: dagre keys plain objects by id, where a name like "__proto__" misbehaves.
  indexed.nodes.forEach((node, i) => g.setNode(String(i), { width: node.width, height: node.height }));
  for (const e of chooseEdges(indexed, layering)) {
    const edge = indexed.edges[e];
    if (edge === undefined) continue;
    const v = String(edge.source);
    const w = String(edge.target);
    // Parallel edges (three COPY --from of one stage) pull as one, harder.
    const existing = g.edge(v, w) as { weight?: number } | undefined;
    g.setEdge(v, w, { weight: (existing?.weight ?? 0) + edgeWeight[edge.kind] });
  }
  layout(g);

  const centres = indexed.nodes.map((_, i) => g.node(String(i)) as { x: number; y: number });
  const left = Math.min(...indexed.nodes.map((n, i) => (centres[i]?.x ?? 0) - n.width / 2));
  const top = Math.min(...indexed.nodes.map((n, i) => (centres[i]?.y ?? 0) - n.height / 2));
  return indexed.nodes.map((node, i) => ({
    x: Math.round((centres[i]?.x ?? 0) - node.width / 2 - left),
    y: Math.round((centres[i]?.y ?? 0) - node.height / 2 - top),
  }));
}

/** Pinned nodes win; fresh positions that would overlap one are placed again. */
function fitAroundPinned(indexed: IndexedGraph, fresh: readonly Point[], pins: readonly (Point | null)[]): Point[] {
  const rectOf = (i: number, p: Point) => ({ ...p, width: indexed.nodes[i]?.width ?? 0, height: indexed.nodes[i]?.height ?? 0 });
  const pinnedRects = pins.flatMap((p, i) => (p === null ? [] : [rectOf(i, p)]));
  const known = fresh.map((p, i) => {
    const pin = pins[i];
    if (pin !== null && pin !== undefined) return pin;
    const rect = rectOf(i, p);
    return pinnedRects.some((r) => intersects(r, rect)) ? null : p;
  });
  return placeNewNodes(indexed, known, defaultSpacing);
}
