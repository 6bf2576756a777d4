import { describe, expect, it } from "vitest";
import { findChannel, measureLabelWidth, overlaps, pointAt, shapeCurve, shapeLoop, shapeRouted, type Rect } from "./edge-geometry.ts";
import { RectGrid } from "./rect-grid.ts";
import { countVisibleInstructions, isCollapsible, measureImageWidth, measureStageHeight } from "./node-size.ts";

describe("edge shapes", () => {
  it("puts the middle of a curve at the middle of its box, down or up", () => {
    for (const [sx, sy, tx, ty] of [
      [0, 0, 300, 400],
      [200, 500, 0, 100],
      [0, 0, 0, 64],
    ] as const) {
      const shape = shapeCurve(sx, sy, tx, ty);
      const mid = pointAt(shape, 0.5);
      expect(mid.x).toBeCloseTo((sx + tx) / 2);
      expect(mid.y).toBeCloseTo((sy + ty) / 2);
      expect(pointAt(shape, 0)).toEqual({ x: sx, y: sy });
      expect(pointAt(shape, 1)).toEqual({ x: tx, y: ty });
    }
  });

  it("loops off the right side of a node", () => {
    const loop = shapeLoop(100, 0, 200, 120);
    expect(pointAt(loop, 0.5).x).toBeCloseTo(242, 0);
    expect(loop.hit).toContain(loop.path);
  });

  it("routes an edge beside a node in its way, and not otherwise", () => {
    const blocker = { x: -100, y: 200, width: 272, height: 120 };
    const grid = (rects: Rect[]) => (area: Rect) => new RectGrid(rects).query(area);
    expect(findChannel(0, 100, 0, 500, grid([]))).toBeNull();
    expect(findChannel(0, 100, 0, 500, grid([{ x: 400, y: 200, width: 100, height: 100 }]))).toBeNull();
    expect(findChannel(0, 100, 0, 500, grid([blocker]), [blocker])).toBeNull();
    const channel = findChannel(0, 100, 0, 500, grid([blocker]));
    expect(channel).not.toBeNull();
    expect(channel! < blocker.x || channel! > blocker.x + blocker.width).toBe(true);
    const routed = shapeRouted(0, 100, 0, 500, channel!);
    expect(pointAt(routed, 0.5).x).toBe(channel);
    expect(routed.path.startsWith("M0,100")).toBe(true);
  });

  it("measures labels and boxes", () => {
    expect(measureLabelWidth("/app")).toBeLessThan(measureLabelWidth("/app/node_modules"));
    expect(overlaps({ x: 0, y: 0, width: 10, height: 10 }, { x: 9, y: 9, width: 5, height: 5 })).toBe(true);
    expect(overlaps({ x: 0, y: 0, width: 10, height: 10 }, { x: 10, y: 0, width: 5, height: 5 })).toBe(false);
  });
});

describe("RectGrid", () => {
  it("finds exactly the rectangles overlapping an area, across cells and negative coordinates", () => {
    const rects: Rect[] = [
      { x: -600, y: -10, width: 100, height: 50 },
      { x: 0, y: 0, width: 600, height: 40 },
      { x: 1000, y: 1000, width: 10, height: 10 },
    ];
    const grid = new RectGrid(rects);
    expect(grid.query({ x: -550, y: 0, width: 600, height: 5 })).toEqual(expect.arrayContaining([rects[0], rects[1]]));
    expect(grid.query({ x: -550, y: 0, width: 600, height: 5 })).toHaveLength(2);
    expect(grid.query({ x: 700, y: 0, width: 200, height: 900 })).toEqual([]);
    expect(grid.query({ x: 1005, y: 1005, width: 1, height: 1 })).toEqual([rects[2]]);
  });
});

describe("node sizes", () => {
  it("collapses long instruction lists", () => {
    expect(countVisibleInstructions(6, false)).toBe(6);
    expect(isCollapsible(6)).toBe(false);
    expect(countVisibleInstructions(9, false)).toBe(5);
    expect(countVisibleInstructions(9, true)).toBe(9);
    expect(measureStageHeight(9, true)).toBeGreaterThan(measureStageHeight(9, false));
    expect(measureStageHeight(0, false)).toBeLessThan(measureStageHeight(1, false));
  });

  it("sizes image pills by their reference, within bounds", () => {
    expect(measureImageWidth("a")).toBe(120);
    expect(measureImageWidth("x".repeat(200))).toBeLessThanOrEqual(280);
    expect(measureImageWidth(`registry.example.com/a/b/c/d/${"x".repeat(200)}:1`)).toBeGreaterThan(240);
    expect(measureImageWidth("node:22.12.0-bookworm-slim")).toBeGreaterThan(120);
  });
});
