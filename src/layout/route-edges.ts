/**
 * Edges that keep out of the way: an edge whose curve would run behind a node takes a channel
 * beside it (behind a node, an edge looks like it starts or ends there), and each label sits
 * where it covers no node and no other label: slid along its edge, else shortened with an
 * ellipsis, else not drawn at all (the edge's hover text still says it all).
 */
import { findChannel, LABEL_HEIGHT, measureLabelWidth, pointAt, shapeCurve, shapeLoop, shapeRouted, type EdgeShape, type Rect } from "./edge-geometry.ts";
import { RectGrid } from "./rect-grid.ts";
import type { EdgeLayoutInput, Point } from "./types.ts";

export interface EdgeRoute {
  /** See `GraphEdgeData.channel`. */
  readonly channel: number | null;
  /** See `GraphEdgeData.labelAt`. */
  readonly labelAt: number;
  /** The label as drawn: the edge's own, shortened with an ellipsis, or null when there is no room. */
  readonly label: string | null;
}

/** A label is never shortened below this many characters (plus the ellipsis). */
const MIN_LABEL_CHARS = 6;

/** `label` cut to `chars` characters, the ellipsis in the middle so both ends still read. */
function shortenLabel(label: string, chars: number): string {
  const head = Math.ceil(chars / 2);
  return `${label.slice(0, head)}…${label.slice(label.length - (chars - head))}`;
}

/** Where along its curve a label may sit, best first: the middle, then ever further from it. */
const LABEL_SPOTS = [0.5, 0.42, 0.58, 0.34, 0.66, 0.26, 0.74, 0.18, 0.82];
const LABEL_MARGIN = 3;
const ORIGIN: Point = { x: 0, y: 0 };

function overlapArea(a: Rect, b: Rect): number {
  const w = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x);
  const h = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
  return w > 0 && h > 0 ? w * h : 0;
}

/**
 * Where `label` goes: the spot nearest the middle where it covers nothing; else, shorter, the
 * same; else nowhere (null).
 */
function placeLabel(shape: EdgeShape, label: string, nodes: RectGrid, labels: RectGrid): { at: number; box: Rect; text: string } | null {
  const found = findLabelSpot(shape, label, nodes, labels);
  if (found.covered === 0) return { ...found, text: label };
  for (let chars = Math.floor(label.length * 0.6); chars >= MIN_LABEL_CHARS; chars = Math.floor(chars * 0.6)) {
    const text = shortenLabel(label, chars);
    const shorter = findLabelSpot(shape, text, nodes, labels);
    if (shorter.covered === 0) return { ...shorter, text };
  }
  return null;
}

/** The spot nearest the middle where the label covers nothing, else the one where it covers least. */
function findLabelSpot(shape: EdgeShape, label: string, nodes: RectGrid, labels: RectGrid): { at: number; box: Rect; covered: number } {
  const width = measureLabelWidth(label) + 2 * LABEL_MARGIN;
  const height = LABEL_HEIGHT + 2 * LABEL_MARGIN;
  const boxAt = (t: number): Rect => {
    const p = pointAt(shape, t);
    return { x: p.x - width / 2, y: p.y - height / 2, width, height };
  };
  // Only what lies near the spots can be in the way.
  const first = boxAt(LABEL_SPOTS[LABEL_SPOTS.length - 2] ?? 0);
  const last = boxAt(LABEL_SPOTS[LABEL_SPOTS.length - 1] ?? 1);
  const area: Rect = {
    x: Math.min(first.x, last.x) - width,
    y: Math.min(first.y, last.y) - height,
    width: Math.abs(first.x - last.x) + 3 * width,
    height: Math.abs(first.y - last.y) + 3 * height,
  };
  const near = [...nodes.query(area), ...labels.query(area)];
  let best = { at: 0.5, box: boxAt(0.5) };
  let least = Infinity;
  for (const t of LABEL_SPOTS) {
    const box = boxAt(t);
    const covered = near.reduce((sum, r) => sum + overlapArea(r, box), 0);
    // Spots come nearest the middle first: a later one must cover strictly less.
    if (covered < least) {
      least = covered;
      best = { at: t, box };
    }
    if (covered === 0) break;
  }
  return { ...best, covered: least };
}

/**
 * The route of each edge of `model` with nodes at `positions` and edge ends shifted by `ends`
 * (see `spreadEdgeEnds`). Edges are routed in order, each one's channel and label becoming
 * obstacles for the next, so parallel edges run side by side.
 */
export function routeEdges(
  model: EdgeLayoutInput,
  positions: Readonly<Record<string, Point>>,
  ends: ReadonlyMap<string, { source: number; target: number }>,
): Map<string, EdgeRoute> {
  const rects = new Map<string, Rect>();
  for (const n of model.layout.nodes) {
    const p = positions[n.id] ?? ORIGIN;
    rects.set(n.id, { x: p.x, y: p.y, width: n.width, height: n.height });
  }
  const nodeRects = new RectGrid(rects.values());
  const obstacles = new RectGrid(rects.values());
  const labels = new RectGrid();
  const query = (area: Rect) => obstacles.query(area);
  const routes = new Map<string, EdgeRoute>();
  for (const e of model.edges) {
    const source = rects.get(e.source);
    const target = rects.get(e.target);
    if (source === undefined || target === undefined) continue;
    const end = ends.get(e.id) ?? { source: 0, target: 0 };
    const sx = source.x + source.width / 2 + end.source;
    const sy = source.y + source.height;
    const tx = target.x + target.width / 2 + end.target;
    const ty = target.y;
    let channel: number | null = null;
    if (!e.selfLoop) {
      channel = findChannel(sx, sy, tx, ty, query, [source, target]);
      // The next edges keep off this one's channel.
      if (channel !== null) obstacles.add({ x: channel - 3, y: sy, width: 6, height: ty - sy });
    }
    const shape = e.selfLoop
      ? shapeLoop(target.x + target.width / 2, target.y, target.width, target.height)
      : channel !== null
        ? shapeRouted(sx, sy, tx, ty, channel)
        : shapeCurve(sx, sy, tx, ty);
    let labelAt = 0.5;
    let label: string | null = null;
    if (e.label !== null) {
      const placed = placeLabel(shape, e.label, nodeRects, labels);
      if (placed !== null) {
        labelAt = placed.at;
        label = placed.text;
        labels.add(placed.box);
      }
    }
    routes.set(e.id, { channel, labelAt, label });
  }
  return routes;
}
