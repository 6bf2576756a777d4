/**
 * Where edges run: their ends spread along the node sides, then each one's channel and label
 * spot (route-edges.ts).
 */
import { routeEdges, type EdgeRoute } from "./route-edges.ts";
import type { EdgeLayoutInput, Point, RoutableEdge } from "./types.ts";

/** Horizontal shift of an edge's ends from the middle of the source's bottom and the target's top. */
export interface EdgeEnds {
  source: number;
  target: number;
}

/** Between two ends that share a node side: close enough to read as one bundle, far enough to tell apart. */
const END_SPACING = 22;

/**
 * Where each edge leaves its source and enters its target, as a shift from the middle of the
 * side: the edges sharing a side are spread along it in the order of their other ends, so they
 * fan out instead of piling into one point.
 */
export function spreadEdgeEnds(model: EdgeLayoutInput, positions: Readonly<Record<string, Point>>): Map<string, EdgeEnds> {
  const widths = new Map<string, number>();
  for (const n of model.layout.nodes) widths.set(n.id, n.width);
  const centre = (key: string) => (positions[key]?.x ?? 0) + (widths.get(key) ?? 0) / 2;
  const incoming = new Map<string, RoutableEdge[]>();
  const outgoing = new Map<string, RoutableEdge[]>();
  const add = (groups: Map<string, RoutableEdge[]>, key: string, e: RoutableEdge) => {
    const group = groups.get(key);
    if (group === undefined) groups.set(key, [e]);
    else group.push(e);
  };
  for (const e of model.edges) {
    if (e.selfLoop) continue;
    add(incoming, e.target, e);
    add(outgoing, e.source, e);
  }
  const ends = new Map<string, EdgeEnds>();
  for (const e of model.edges) ends.set(e.id, { source: 0, target: 0 });
  const spread = (groups: Map<string, RoutableEdge[]>, otherEnd: (e: RoutableEdge) => string, side: "source" | "target") => {
    for (const [key, group] of groups) {
      if (group.length < 2) continue;
      // Sort is stable: edges to the same column keep their file order.
      const sorted = [...group].sort((a, b) => centre(otherEnd(a)) - centre(otherEnd(b)));
      const room = (widths.get(key) ?? 0) - 48;
      const step = Math.min(END_SPACING, room / (sorted.length - 1));
      sorted.forEach((e, i) => {
        const end = ends.get(e.id);
        if (end !== undefined) end[side] = Math.round((i - (sorted.length - 1) / 2) * step);
      });
    }
  };
  spread(incoming, (e) => e.source, "target");
  spread(outgoing, (e) => e.target, "source");
  return ends;
}

/** Where the edges run: their ends along the node sides, their channels and label spots. */
export interface EdgeRouting {
  readonly ends: ReadonlyMap<string, EdgeEnds>;
  readonly routes: ReadonlyMap<string, EdgeRoute>;
}

/**
 * The routing of `model`'s edges with nodes at `positions`. It depends on the layout input, the
 * edges and the positions only, so the canvas keeps it while typing changes none of them.
 */
export function planEdges(model: EdgeLayoutInput, positions: Readonly<Record<string, Point>>): EdgeRouting {
  const ends = spreadEdgeEnds(model, positions);
  return { ends, routes: routeEdges(model, positions, ends) };
}

