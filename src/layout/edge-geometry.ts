/**
 * The shapes of the canvas edges, shared by the edge component (which draws them from React
 * Flow's handle coordinates) and the mapping (which routes edges around nodes and places labels
 * clear of them, knowing every node's position).
 */
import type { Point } from "./types.ts";

export interface Rect {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

type Cubic = readonly [Point, Point, Point, Point];

/** A chain of cubic Bézier curves and the arrowhead at its end. */
export interface EdgeShape {
  readonly cubics: readonly Cubic[];
  readonly path: string;
  /** The area that catches the pointer: the path, plus for a loop a bar through its middle. */
  readonly hit: string;
  readonly arrow: string;
}

/** Height of an edge label (11 px monospace on one line, with padding and border). */
export const LABEL_HEIGHT = 20;
/** Clearance between a routed edge and the nodes it passes. */
const CHANNEL_GAP = 22;
/** Height of each bend of a routed edge: less than the gap between two rows of the layout. */
const BEND = 28;

/** The width of an edge label: advance of one 11 px monospace character, plus padding. */
export function measureLabelWidth(text: string): number {
  return Math.round(text.length * 6.7 + 18);
}

function toPath(cubics: readonly Cubic[]): string {
  const first = cubics[0]?.[0] ?? { x: 0, y: 0 };
  return `M${first.x},${first.y} ${cubics.map(([, a, b, c]) => `C${a.x},${a.y} ${b.x},${b.y} ${c.x},${c.y}`).join(" ")}`;
}

function arrowDown(tx: number, ty: number): string {
  return `M${tx - 5},${ty - 9} L${tx},${ty} L${tx + 5},${ty - 9} Z`;
}

/**
 * Down out of the source's bottom (sx, sy), into the target's top (tx, ty). The two control
 * points mirror each other through the curve's middle, so the middle of its bounding box lies on
 * the curve: a pointer aimed at the centre of the edge element meets it.
 */
export function shapeCurve(sx: number, sy: number, tx: number, ty: number): EdgeShape {
  const dy = ty - sy;
  const bend = dy > 0 ? Math.max(24, dy / 2) : 48 + Math.sqrt(-dy) * 4;
  const cubic: Cubic = [{ x: sx, y: sy }, { x: sx, y: sy + bend }, { x: tx, y: ty - bend }, { x: tx, y: ty }];
  const path = toPath([cubic]);
  return { cubics: [cubic], path, hit: path, arrow: arrowDown(tx, ty) };
}

/**
 * Like `shapeCurve`, but down a vertical channel at `x`: a bend out of the source, straight down
 * past the nodes in between, a bend into the target.
 */
export function shapeRouted(sx: number, sy: number, tx: number, ty: number, x: number): EdgeShape {
  const top = sy + 2 * BEND;
  const bottom = ty - 2 * BEND;
  const cubics: Cubic[] = [
    [{ x: sx, y: sy }, { x: sx, y: sy + BEND }, { x, y: sy + BEND }, { x, y: top }],
    [{ x, y: top }, { x, y: top + (bottom - top) / 3 }, { x, y: bottom - (bottom - top) / 3 }, { x, y: bottom }],
    [{ x, y: bottom }, { x, y: ty - BEND }, { x: tx, y: ty - BEND }, { x: tx, y: ty }],
  ];
  const path = toPath(cubics);
  return { cubics, path, hit: path, arrow: arrowDown(tx, ty) };
}

/**
 * A stage using itself (always invalid): a loop off the right side of the node whose top middle
 * is (tx, ty), bulging 42 px out. The hit area adds a bar through the loop's middle, so the
 * centre of its box is part of it.
 */
export function shapeLoop(tx: number, ty: number, width: number, height: number): EdgeShape {
  const right = tx + width / 2;
  const top = ty + 14;
  const bottom = ty + Math.max(28, height - 14);
  const out = right + 56;
  const middle = (top + bottom) / 2;
  const cubic: Cubic = [{ x: right, y: bottom }, { x: out, y: bottom }, { x: out, y: top }, { x: right + 2, y: top }];
  const path = toPath([cubic]);
  return {
    cubics: [cubic],
    path,
    hit: `${path} M${right},${middle} H${right + 42}`,
    arrow: `M${right + 10},${top - 5} L${right + 1},${top} L${right + 10},${top + 5} Z`,
  };
}

function cubicAt([p0, p1, p2, p3]: Cubic, t: number): Point {
  const u = 1 - t;
  const a = u * u * u;
  const b = 3 * u * u * t;
  const c = 3 * u * t * t;
  const d = t * t * t;
  return { x: a * p0.x + b * p1.x + c * p2.x + d * p3.x, y: a * p0.y + b * p1.y + c * p2.y + d * p3.y };
}

/** The point at `t` (0 … 1) along the shape's middle curve: where its label goes. */
export function pointAt(shape: EdgeShape, t: number): Point {
  const middle = shape.cubics[Math.floor(shape.cubics.length / 2)];
  return middle === undefined ? { x: 0, y: 0 } : cubicAt(middle, t);
}

export function overlaps(a: Rect, b: Rect): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

function contains(r: Rect, p: Point, margin: number): boolean {
  return p.x > r.x - margin && p.x < r.x + r.width + margin && p.y > r.y - margin && p.y < r.y + r.height + margin;
}

/** Whether the curve runs through one of `obstacles` (sampled: edges are smooth and nodes large). */
function crosses(shape: EdgeShape, obstacles: readonly Rect[]): boolean {
  for (const cubic of shape.cubics) {
    for (let i = 1; i < 20; i++) {
      const p = cubicAt(cubic, i / 20);
      for (const r of obstacles) if (contains(r, p, 4)) return true;
    }
  }
  return false;
}

/** How far sideways a channel is looked for: further than this, the plain curve will do. */
const CHANNEL_REACH = 1200;

/**
 * Where a downward edge from (sx, sy) to (tx, ty) should run so that it passes no obstacle but
 * those in `ends`: null when the plain curve already does, else the x of a free vertical
 * channel, the one that adds the least way. `query` returns the obstacles overlapping an area.
 */
export function findChannel(
  sx: number,
  sy: number,
  tx: number,
  ty: number,
  query: (area: Rect) => readonly Rect[],
  ends: readonly Rect[] = [],
): number | null {
  if (ty - sy < 4 * BEND + 8) return null;
  const left = Math.min(sx, tx) - 40;
  const right = Math.max(sx, tx) + 40;
  const nearby = query({ x: left, y: sy, width: right - left, height: ty - sy }).filter((r) => !ends.includes(r));
  if (nearby.length === 0 || !crosses(shapeCurve(sx, sy, tx, ty), nearby)) return null;
  // The channel runs between the two bends: only nodes in that band can block it.
  const top = sy + 2 * BEND;
  const bottom = ty - 2 * BEND;
  const band = query({ x: left - CHANNEL_REACH, y: top, width: right - left + 2 * CHANNEL_REACH, height: bottom - top }).filter(
    (r) => r.y < bottom && r.y + r.height > top && !ends.includes(r),
  );
  // The x ranges the band's nodes block, merged: a channel can run along any of their borders.
  const blocked = band.map((r) => [r.x - CHANNEL_GAP, r.x + r.width + CHANNEL_GAP] as const).sort((a, b) => a[0] - b[0]);
  const merged: [number, number][] = [];
  for (const [from, to] of blocked) {
    const last = merged[merged.length - 1];
    if (last !== undefined && from < last[1]) last[1] = Math.max(last[1], to);
    else merged.push([from, to]);
  }
  const isFree = (x: number) => merged.every(([from, to]) => x <= from || x >= to);
  const cost = (x: number) => Math.abs(x - sx) + Math.abs(x - tx);
  const candidates = [...[sx, tx].filter(isFree), ...merged.flat()];
  let best: number | null = null;
  for (const x of candidates) if (best === null || cost(x) < cost(best)) best = x;
  return best;
}
