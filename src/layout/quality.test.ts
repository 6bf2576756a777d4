import { describe, expect, it } from "vitest";
import { measureLayout } from "./quality.ts";
import { makeGraph } from "./test-graphs.ts";

describe("measureLayout", () => {
  const graph = makeGraph(["a", "b", "c", "d"], ["a>d", "b~c"], { a: 100, b: 100, c: 100, d: 100 });

  it("counts crossing edges, their length, skew, upward edges, overlaps and size", () => {
    // a top-left to d bottom-right crosses b top-right to c bottom-left.
    const crossed = new Map([
      ["a", { x: 0, y: 0 }],
      ["b", { x: 300, y: 0 }],
      ["c", { x: 0, y: 300 }],
      ["d", { x: 300, y: 300 }],
    ]);
    const q = measureLayout(graph, crossed);
    expect(q.crossings).toBe(1);
    expect(q.edgeLength).toBeCloseTo(2 * Math.hypot(300, 200));
    expect(q.fromSkew).toBe(300);
    expect([q.upward, q.overlaps, q.width, q.height]).toEqual([0, 0, 572, 400]);
  });

  it("sees no crossing between parallel edges, and counts upward edges and overlaps", () => {
    const parallel = new Map([
      ["a", { x: 0, y: 0 }],
      ["b", { x: 300, y: 0 }],
      ["c", { x: 300, y: 300 }],
      ["d", { x: 0, y: 50 }],
    ]);
    const q = measureLayout(graph, parallel);
    expect(q.crossings).toBe(0);
    expect(q.upward).toBe(1);
    expect(q.overlaps).toBe(1);
  });
});
