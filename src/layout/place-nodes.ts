/**
 * Positions for a new analysis: the ones the store has, and the layout's for nodes it lacks.
 * Pure, so the canvas can call it while rendering and write the result back afterwards.
 */
import { layoutGraph, type LayoutGraph, type Point } from "./layout-graph.ts";
import { separateNodes } from "./separate-nodes.ts";

export interface Placement {
  readonly positions: Readonly<Record<string, Point>>;
  /**
   * `none`: every node had a position, none overlapping, and `positions` is the stored object
   * itself; `incremental`: new nodes were placed around the others, or nodes that a grown node
   * covered were pushed down; `full`: nothing was on screen, all was laid out; `renamed`: no
   * layout ran, but renamed nodes took their old key's place under their new key.
   */
  readonly ran: "none" | "renamed" | "incremental" | "full";
}

/**
 * Place the nodes of `graph`. A node keeps its stored position; a renamed node (`renames`: new
 * key → old key) takes its old key's; the rest are placed by the layout. The result holds the
 * graph's nodes only, so keys of nodes that are gone drop out of the saved view.
 *
 * @example
 * const { positions, ran } = placeNodes(model.layout, model.renames, stored, pinned);
 * if (ran !== "none") setPositions(positions);
 */
export function placeNodes(
  graph: LayoutGraph,
  renames: ReadonlyMap<string, string>,
  stored: Readonly<Record<string, Point>>,
  pinned: readonly string[],
): Placement {
  if (graph.nodes.every((n) => Object.hasOwn(stored, n.id))) {
    const separated = separateNodes(graph, stored, new Set(pinned));
    return separated === stored ? { positions: stored, ran: "none" } : { positions: keepGraphNodes(graph, separated), ran: "incremental" };
  }
  const previous = new Map<string, Point>();
  const pins = new Map<string, Point>();
  const pinnedKeys = new Set(pinned);
  for (const node of graph.nodes) {
    const own = Object.hasOwn(stored, node.id) ? stored[node.id] : undefined;
    const old = renames.get(node.id);
    const inherited = old !== undefined && Object.hasOwn(stored, old) ? stored[old] : undefined;
    const point = own ?? inherited;
    if (point === undefined) continue;
    previous.set(node.id, point);
    if (pinnedKeys.has(node.id) || (old !== undefined && pinnedKeys.has(old))) pins.set(node.id, point);
  }
  // Every node has a place (some under their old key): a rename moves nothing, so no layout runs.
  if (previous.size === graph.nodes.length) return { positions: separateNodes(graph, Object.fromEntries(previous), new Set(pins.keys())), ran: "renamed" };
  const ran = previous.size > 0 ? "incremental" : "full";
  const placed = Object.fromEntries(layoutGraph(graph, { previous, pinned: pins }));
  return { positions: separateNodes(graph, placed, new Set(pins.keys())), ran };
}

function keepGraphNodes(graph: LayoutGraph, positions: Readonly<Record<string, Point>>): Record<string, Point> {
  const kept: Record<string, Point> = {};
  for (const n of graph.nodes) {
    const p = positions[n.id];
    if (p !== undefined) kept[n.id] = p;
  }
  return kept;
}
