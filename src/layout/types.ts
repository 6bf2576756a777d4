/**
 * The layout engine's own vocabulary. It knows nothing of stages or Dockerfiles: the canvas turns
 * its stage graph into a `LayoutGraph`, so this folder runs unchanged in Node, a worker or the page.
 */

/** What an edge means; `from` edges (a stage's base) weigh most, so base chains read as columns. */
export type LayoutEdgeKind = "from" | "copy" | "mount";

export interface LayoutNode {
  /** Stable across keystrokes (the canvas uses the stage name): positions are remembered by it. */
  readonly id: string;
  readonly width: number;
  readonly height: number;
  /**
   * Full layout only: the row this node asks for (0 is the top), e.g. 0 to keep external images
   * on the first row rather than just above their first user. Edges can still push it lower,
   * and empty rows above it close up.
   */
  readonly rank?: number;
}

export interface LayoutEdge {
  readonly source: string;
  readonly target: string;
  readonly kind: LayoutEdgeKind;
}

/**
 * Nodes in the order the canvas lists them (source order of the stages): that order breaks every
 * tie, which is what makes the output deterministic. Edges whose ends are not nodes are ignored,
 * and so are self-loops; cycles are allowed.
 */
export interface LayoutGraph {
  readonly nodes: readonly LayoutNode[];
  readonly edges: readonly LayoutEdge[];
}

/** An edge as the router sees it: `id` keys its route, `label` (if any) needs a free spot. */
export interface RoutableEdge {
  readonly id: string;
  readonly source: string;
  readonly target: string;
  readonly label: string | null;
  /** A stage using itself: drawn as a loop beside the node, never routed. */
  readonly selfLoop: boolean;
}

/** What edge routing works on: the laid-out graph and the edges to draw (possibly several per node pair). */
export interface EdgeLayoutInput {
  readonly layout: LayoutGraph;
  readonly edges: readonly RoutableEdge[];
}

/** Top-left corner of a node, in canvas pixels. */
export interface Point {
  readonly x: number;
  readonly y: number;
}

/** One entry per node of the graph, in the graph's node order. */
export type Positions = Map<string, Point>;

export interface LayoutOptions {
  /** Where nodes were at the last layout; those still in the graph stay exactly there. */
  readonly previous?: ReadonlyMap<string, Point>;
  /** Where the user dragged nodes; they stay there, and win over `previous`. */
  readonly pinned?: ReadonlyMap<string, Point>;
  /** Layers run top to bottom; the only direction the canvas uses. */
  readonly direction?: "TB";
}

/** Gaps between nodes (px), shared by the full and the incremental layout so both look alike. */
export interface Spacing {
  /** Between neighbours in one row. */
  readonly column: number;
  /** Between one row's lowest bottom edge and the next row's top edge. */
  readonly row: number;
}

export const defaultSpacing: Spacing = { column: 40, row: 64 };
