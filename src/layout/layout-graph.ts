import { layoutAll } from "./layout-all.ts";
import { layoutIncremental } from "./layout-incremental.ts";
import type { LayoutGraph, LayoutOptions, Positions } from "./types.ts";

export type { LayoutGraph, Point } from "./types.ts";

/**
 * The layout for a new revision of the graph: when no node is in `previous` (first paint, a
 * reload, a pasted file that shares no stage name with the last one) a full layout that keeps the
 * `pinned` nodes; otherwise `layoutIncremental`, which moves nothing that is already on screen.
 *
 * @example
 * positions = layoutGraph(graph, { previous: positions, pinned: dragged });
 */
export function layoutGraph(graph: LayoutGraph, options: LayoutOptions = {}): Positions {
  const previous = options.previous ?? new Map();
  const pinned = options.pinned ?? new Map();
  const onScreen = graph.nodes.some((n) => previous.has(n.id));
  return onScreen ? layoutIncremental(graph, previous, pinned) : layoutAll(graph, { pinned });
}
