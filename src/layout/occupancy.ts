/**
 * Which parts of the canvas are taken: a uniform grid of buckets over the placed rectangles, so
 * finding what a candidate spot would hit costs a few bucket reads, not a scan of every node.
 */

export interface Rect {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

/** Buckets about one node wide; a node card is ~260 px. */
const cellSize = 256;
/** A rectangle covering more cells than this (a node thousands of px wide) is kept in one list. */
const maxCells = 64;

export class Occupancy {
  private readonly cells = new Map<number, Rect[]>();
  private readonly oversized: Rect[] = [];

  /** Bounds of everything added; null while empty. */
  bounds: { left: number; top: number; right: number; bottom: number } | null = null;

  add(rect: Rect): void {
    const bucketed = this.forEachCell(rect, (key) => {
      const bucket = this.cells.get(key);
      if (bucket === undefined) this.cells.set(key, [rect]);
      else bucket.push(rect);
    });
    if (!bucketed) this.oversized.push(rect);
    const b = this.bounds;
    const right = rect.x + rect.width;
    const bottom = rect.y + rect.height;
    this.bounds =
      b === null
        ? { left: rect.x, top: rect.y, right, bottom }
        : { left: Math.min(b.left, rect.x), top: Math.min(b.top, rect.y), right: Math.max(b.right, right), bottom: Math.max(b.bottom, bottom) };
  }

  /**
   * The placed rectangle that comes closer to `rect` than `gapX` sideways and `gapY` up or down
   * (exactly that far is fine) and reaches furthest right, or null when the spot is free. Furthest
   * right, so a caller sliding right can jump past it in one step.
   */
  findBlocker(rect: Rect, gapX: number, gapY: number): Rect | null {
    const probe = { x: rect.x - gapX, y: rect.y - gapY, width: rect.width + 2 * gapX, height: rect.height + 2 * gapY };
    let blocker: Rect | null = null;
    const consider = (other: Rect) => {
      if (intersects(probe, other) && (blocker === null || other.x + other.width > blocker.x + blocker.width)) blocker = other;
    };
    const bucketed = this.forEachCell(probe, (key) => this.cells.get(key)?.forEach(consider));
    // A probe too big for the grid (only an oversized node makes one) checks every rectangle.
    if (!bucketed) for (const bucket of this.cells.values()) bucket.forEach(consider);
    this.oversized.forEach(consider);
    return blocker;
  }

  /** Visit the keys of the cells `rect` touches; false, visiting none, when it is not finite or too big. */
  private forEachCell(rect: Rect, visit: (key: number) => void): boolean {
    const x0 = Math.floor(rect.x / cellSize);
    const x1 = Math.floor((rect.x + rect.width) / cellSize);
    const y0 = Math.floor(rect.y / cellSize);
    const y1 = Math.floor((rect.y + rect.height) / cellSize);
    // A saved position of Infinity would otherwise never end the loop.
    if (!Number.isFinite(x0 + x1 + y0 + y1) || (x1 - x0 + 1) * (y1 - y0 + 1) > maxCells) return false;
    // Far-off cells may share a key; that only makes a bucket longer, every hit is checked.
    for (let cx = x0; cx <= x1; cx++) for (let cy = y0; cy <= y1; cy++) visit(cx * 0x100000 + cy);
    return true;
  }
}

/** Whether two rectangles share interior points (touching edges do not count). */
export function intersects(a: Rect, b: Rect): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}
