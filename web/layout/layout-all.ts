/**
 * The full layered layout ("tidy up", and the first layout of a file), by dagre: layers top to
 * bottom, edges pointing down, `from` chains pulled into straight columns. See README.md for why
 * dagre and not elkjs.
 */
import { graphlib, layout } from "@dagrejs/dagre";
import { indexGraph } from "./indexed-graph.ts";
import type { IndexedGraph } from "./indexed-graph.ts";
import { placeNewNodes, toPositions } from "./layout-incremental.ts";
import { intersects } from "./occupancy.ts";
import { defaultSpacing } from "./types.ts";
import type { LayoutEdgeKind, LayoutGraph, LayoutOptions, Point, Positions } from "./types.ts";

/**
 * How strongly an edge pulls its ends into adjacent layers and one column. A stage sits on its
 * base, so `from` outweighs any number of copies a stage usually has.
 */
const edgeWeight: Record<LayoutEdgeKind, number> = { from: 8, copy: 1, mount: 1 };

/**
 * Lay out the whole graph afresh. Positions start at (0, 0) and are whole pixels. With `pinned`,
 * those nodes stay where the user put them and any node the fresh layout would put on top of one
 * is moved aside as `layoutIncremental` would place it; `previous` is not used (tidying up is
 * the point).
 *
 * @example
 * const positions = layoutAll({ nodes, edges });
 * positions.get("final"); // { x: 150, y: 432 }
 */
export function layoutAll(graph: LayoutGraph, options: Pick<LayoutOptions, "pinned" | "direction"> = {}): Positions {
  const indexed = indexGraph(graph);
  const fresh = runDagre(indexed);
  const pinned = options.pinned;
  if (pinned === undefined || pinned.size === 0) return toPositions(indexed, fresh);
  return toPositions(indexed, fitAroundPinned(indexed, fresh, pinned));
}

function runDagre(indexed: IndexedGraph): Point[] {
  if (indexed.nodes.length === 0) return [];
  const g = new graphlib.Graph();
  g.setGraph({
    rankdir: "TB",
    rankalign: "top",
    nodesep: defaultSpacing.column,
    ranksep: defaultSpacing.row,
    edgesep: 20,
    ranker: "network-simplex",
  });
  g.setDefaultEdgeLabel(() => ({}));
  // Node ids are indexes: dagre keys plain objects by id, where a name like "__proto__" misbehaves.
  indexed.nodes.forEach((node, i) => g.setNode(String(i), { width: node.width, height: node.height }));
  for (const edge of indexed.edges) {
    const v = String(edge.source);
    const w = String(edge.target);
    // Parallel edges (three COPY --from of one stage) pull as one, harder.
    const existing = g.edge(v, w) as { weight?: number } | undefined;
    g.setEdge(v, w, { minlen: 1, weight: (existing?.weight ?? 0) + edgeWeight[edge.kind] });
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
function fitAroundPinned(indexed: IndexedGraph, fresh: readonly Point[], pinned: ReadonlyMap<string, Point>): Point[] {
  const rectOf = (i: number, p: Point) => ({ ...p, width: indexed.nodes[i]?.width ?? 0, height: indexed.nodes[i]?.height ?? 0 });
  const pins = indexed.nodes.map((node) => {
    const p = pinned.get(node.id);
    return p !== undefined && Number.isFinite(p.x) && Number.isFinite(p.y) ? { x: p.x, y: p.y } : null;
  });
  const pinnedRects = pins.flatMap((p, i) => (p === null ? [] : [rectOf(i, p)]));
  const known = fresh.map((p, i) => {
    const pin = pins[i];
    if (pin !== null && pin !== undefined) return pin;
    const rect = rectOf(i, p);
    return pinnedRects.some((r) => intersects(r, rect)) ? null : p;
  });
  return placeNewNodes(indexed, known, defaultSpacing);
}
