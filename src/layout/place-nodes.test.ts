import { describe, expect, it } from "vitest";
import type { LayoutGraph } from "./types.ts";
import { placeNodes } from "./place-nodes.ts";

const graph: LayoutGraph = {
  nodes: [
    { id: "image:alpine", width: 120, height: 36, rank: 0 },
    { id: "base", width: 272, height: 100 },
    { id: "build", width: 272, height: 100 },
  ],
  edges: [
    { source: "image:alpine", target: "base", kind: "from" },
    { source: "base", target: "build", kind: "from" },
  ],
};

describe("placeNodes", () => {
  it("lays everything out when nothing has a position", () => {
    const { positions, ran } = placeNodes(graph, new Map(), {}, []);
    expect(ran).toBe("full");
    expect(Object.keys(positions).sort()).toEqual(["base", "build", "image:alpine"]);
    expect(positions["build"]!.y).toBeGreaterThan(positions["base"]!.y);
  });

  it("returns the stored object itself when every node has a position", () => {
    const stored = { "image:alpine": { x: 0, y: 0 }, base: { x: 0, y: 100 }, build: { x: 0, y: 300 }, gone: { x: 9, y: 9 } };
    const placement = placeNodes(graph, new Map(), stored, []);
    expect(placement.ran).toBe("none");
    expect(placement.positions).toBe(stored);
  });

  it("places only new nodes, keeps the others where they are, and drops keys that are gone", () => {
    const stored = { "image:alpine": { x: 500, y: 0 }, base: { x: 480, y: 100 }, gone: { x: 9, y: 9 } };
    const { positions, ran } = placeNodes(graph, new Map(), stored, []);
    expect(ran).toBe("incremental");
    expect(positions["base"]).toEqual({ x: 480, y: 100 });
    expect(positions["image:alpine"]).toEqual({ x: 500, y: 0 });
    expect(positions["build"]!.y).toBeGreaterThan(200);
    expect(positions["gone"]).toBeUndefined();
  });

  it("gives a renamed node the place of its old key", () => {
    const stored = { "image:alpine": { x: 0, y: 0 }, base: { x: 0, y: 100 }, buil: { x: 700, y: 700 } };
    const { positions, ran } = placeNodes(graph, new Map([["build", "buil"]]), stored, ["buil"]);
    expect(positions["build"]).toEqual({ x: 700, y: 700 });
    expect(positions["buil"]).toBeUndefined();
    expect(ran).toBe("renamed");
  });
});

describe("placeNodes keeps nodes apart", () => {
  it("pushes what a grown node covers down, only as far as needed, and never a pinned node", () => {
    const grown: LayoutGraph = { ...graph, nodes: graph.nodes.map((n) => (n.id === "base" ? { ...n, height: 400 } : n)) };
    const stored = { "image:alpine": { x: 0, y: 0 }, base: { x: 0, y: 100 }, build: { x: 0, y: 300 } };
    const { positions, ran } = placeNodes(grown, new Map(), stored, []);
    expect(ran).toBe("incremental");
    expect(positions["base"]).toEqual({ x: 0, y: 100 });
    expect(positions["build"]).toEqual({ x: 0, y: 516 });
    // Pinned, the node below stays; the grown one is not pinned and goes below it.
    const pinned = placeNodes(grown, new Map(), stored, ["build"]).positions;
    expect(pinned["build"]).toEqual({ x: 0, y: 300 });
    expect(pinned["base"]!.y).toBeGreaterThanOrEqual(400);
  });
});
