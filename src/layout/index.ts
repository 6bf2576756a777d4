/**
 * The layout of the stage graph and the geometry of its drawing: pure TypeScript (no React, no
 * DOM), so the app, the CLI and a worker lay out and draw the same picture.
 *
 * - `layoutGraph` on every revision of the text: full layout the first time, then incremental;
 *   `placeNodes` wraps it for positions kept by node key.
 * - `layoutAll` for the "tidy up" button.
 * - `planEdges` for where edges run and their labels sit; `shapeCurve` & co. for their paths.
 */
export { layoutAll } from "./layout-all.ts";
export { layoutIncremental } from "./layout-incremental.ts";
export { layoutGraph } from "./layout-graph.ts";
export { placeNodes, type Placement } from "./place-nodes.ts";
export { chooseInitialView, LEGIBLE_ZOOM, type InitialView } from "./initial-view.ts";
export { planEdges, spreadEdgeEnds, type EdgeEnds, type EdgeRouting } from "./edge-ends.ts";
export { routeEdges, type EdgeRoute } from "./route-edges.ts";
export { findChannel, measureLabelWidth, overlaps, pointAt, shapeCurve, shapeLoop, shapeRouted, LABEL_HEIGHT } from "./edge-geometry.ts";
export type { EdgeShape, Rect } from "./edge-geometry.ts";
export { RectGrid } from "./rect-grid.ts";
export { separateNodes, MIN_NODE_GAP } from "./separate-nodes.ts";
export { shortenImageRef, IMAGE_LABEL_CHARS } from "./image-label.ts";
export {
  COLLAPSE_AFTER,
  COLLAPSED_ROWS,
  IMAGE_HEIGHT,
  STAGE_WIDTH,
  countVisibleInstructions,
  isCollapsible,
  measureImageWidth,
  measureStageHeight,
} from "./node-size.ts";
export type {
  LayoutEdge,
  LayoutEdgeKind,
  LayoutGraph,
  LayoutNode,
  LayoutOptions,
  Point,
  Positions,
  RoutableEdge,
  EdgeLayoutInput,
} from "./types.ts";
