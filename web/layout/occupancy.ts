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

export class Occupancy {
  private readonly cells = new Map<string, Rect[]>();

  /** Bounds of everything added; null while empty. */
  bounds: { left: number; top: number; right: number; bottom: number } | null = null;

  add(rect: Rect): void {
    this.forEachCell(rect, (key) => {
      const bucket = this.cells.get(key);
      if (bucket === undefined) this.cells.set(key, [rect]);
      else bucket.push(rect);
    });
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
    this.forEachCell(probe, (key) => {
      for (const other of this.cells.get(key) ?? []) {
        if (!intersects(probe, other)) continue;
        if (blocker === null || other.x + other.width > blocker.x + blocker.width) blocker = other;
      }
    });
    return blocker;
  }

  private forEachCell(rect: Rect, visit: (key: string) => void): void {
    const x0 = Math.floor(rect.x / cellSize);
    const x1 = Math.floor((rect.x + rect.width) / cellSize);
    const y0 = Math.floor(rect.y / cellSize);
    const y1 = Math.floor((rect.y + rect.height) / cellSize);
    // A saved position of Infinity would otherwise never end the loop.
    if (!Number.isFinite(x0 + x1 + y0 + y1)) return;
    for (let cx = x0; cx <= x1; cx++) for (let cy = y0; cy <= y1; cy++) visit(`${cx},${cy}`);
  }
}

/** Whether two rectangles share interior points (touching edges do not count). */
export function intersects(a: Rect, b: Rect): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}
