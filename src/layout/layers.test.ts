import { describe, expect, it } from "vitest";
import { indexGraph } from "./indexed-graph.ts";
import { assignLayers } from "./layers.ts";
import { generateStageGraph } from "./synthetic-graph.ts";
import { makeGraph } from "./test-graphs.ts";
import type { LayoutGraph } from "./types.ts";

function layersOf(graph: LayoutGraph): Record<string, number> {
  const { layer } = assignLayers(indexGraph(graph));
  return Object.fromEntries(graph.nodes.map((n, i) => [n.id, layer[i] ?? -1]));
}

describe("assignLayers", () => {
  it("stacks a base chain one row per stage", () => {
    expect(layersOf(makeGraph(["a", "b", "c"], ["a>b", "b>c"]))).toEqual({ a: 0, b: 1, c: 2 });
  });

  it("puts a stage below the deepest stage it copies from", () => {
    expect(layersOf(makeGraph(["a", "b", "c", "d"], ["a>b", "b>c", "a>d", "c~d"]))).toEqual({ a: 0, b: 1, c: 2, d: 3 });
  });

  it("moves a node without sources down to just above the first node it feeds", () => {
    expect(layersOf(makeGraph(["a", "b", "c", "img"], ["a>b", "b>c", "img~c"]))).toEqual({ a: 0, b: 1, c: 2, img: 1 });
  });

  it("keeps a node on the row it asks for unless its sources push it lower", () => {
    const graph = makeGraph(["a", "b", "c", "img", "x"], ["a>b", "b>c", "img~c", "b>x"]);
    const ranked = { ...graph, nodes: graph.nodes.map((n) => (n.id === "img" ? { ...n, rank: 0 } : n.id === "x" ? { ...n, rank: 0 } : n)) };
    expect(layersOf(ranked)).toEqual({ a: 0, b: 1, c: 2, img: 0, x: 2 });
  });

  it("leaves no row empty and unconnected nodes on the top row", () => {
    expect(layersOf(makeGraph(["lone", "img", "a", "b"], ["img>a", "a>b"]))).toEqual({ lone: 0, img: 0, a: 1, b: 2 });
  });

  it("breaks a cycle where the walk in node order closes it, and ignores that edge", () => {
    const graph = makeGraph(["a", "b", "c"], ["a>b", "b~c", "c~a"]);
    const { layer, forward } = assignLayers(indexGraph(graph));
    expect(forward).toEqual([true, true, false]);
    expect([...layer]).toEqual([0, 1, 2]);
  });

  it("points every edge of a DAG down, on graphs of every size", () => {
    for (const stages of [1, 10, 59, 500]) {
      const graph = generateStageGraph(stages, stages);
      const indexed = indexGraph(graph);
      const { layer, forward } = assignLayers(indexed);
      expect(forward.every(Boolean)).toBe(true);
      for (const edge of indexed.edges) expect(layer[edge.target]!).toBeGreaterThan(layer[edge.source]!);
      const rows = new Set(layer);
      expect(Math.max(...rows) + 1).toBe(rows.size);
    }
  });

  it("handles a 20,000-stage chain without overflowing the stack", () => {
    const ids = Array.from({ length: 20_000 }, (_, i) => `s${i}`);
    const graph: LayoutGraph = {
      nodes: ids.map((id) => ({ id, width: 1, height: 1 })),
      edges: ids.slice(1).map((id, i) => ({ source: ids[i]!, target: id, kind: "from" as const })),
    };
    expect(assignLayers(indexGraph(graph)).layer[19_999]).toBe(19_999);
  });
});
