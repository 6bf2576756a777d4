/**
 * Rectangles bucketed by a coarse grid, so "what lies near here" costs the neighbourhood, not
 * the whole graph: routing a 500-stage graph asks it thousands of times.
 */
import type { Rect } from "./edge-geometry.ts";

const CELL = 256;

export class RectGrid {
  private readonly cells = new Map<number, Rect[]>();

  constructor(rects: Iterable<Rect> = []) {
    for (const r of rects) this.add(r);
  }

  add(rect: Rect): void {
    this.forCells(rect, (key) => {
      const cell = this.cells.get(key);
      if (cell === undefined) this.cells.set(key, [rect]);
      else cell.push(rect);
    });
  }

  /** Every rectangle that overlaps `area` (each once, in no particular order). */
  query(area: Rect): Rect[] {
    const found = new Set<Rect>();
    this.forCells(area, (key) => {
      for (const r of this.cells.get(key) ?? []) {
        if (r.x < area.x + area.width && area.x < r.x + r.width && r.y < area.y + area.height && area.y < r.y + r.height) found.add(r);
      }
    });
    return [...found];
  }

  private forCells(rect: Rect, visit: (key: number) => void): void {
    const x0 = Math.floor(rect.x / CELL);
    const x1 = Math.floor((rect.x + rect.width) / CELL);
    const y0 = Math.floor(rect.y / CELL);
    const y1 = Math.floor((rect.y + rect.height) / CELL);
    // Cells as one number: columns within ±2^20 of the origin cannot collide.
    for (let cx = x0; cx <= x1; cx++) for (let cy = y0; cy <= y1; cy++) visit(cx * 2097152 + cy);
  }
}
