import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { layoutGraph } from "./index.ts";
import { layoutAll } from "./layout-all.ts";
import { layoutIncremental } from "./layout-incremental.ts";
import { generateStageGraph } from "./synthetic-graph.ts";
import { centreX, exampleGraph, findOverlaps, findUpwardEdges, makeGraph } from "./test-graphs.ts";
import { defaultSpacing } from "./types.ts";
import type { LayoutGraph, Point } from "./types.ts";

/** `graph` with one more node, `id`, and the given edges to and from it. */
function withNode(graph: LayoutGraph, id: string, edges: LayoutGraph["edges"], height = 120): LayoutGraph {
  return { nodes: [...graph.nodes, { id, width: 272, height }], edges: [...graph.edges, ...edges] };
}

function expectKept(previous: ReadonlyMap<string, Point>, next: ReadonlyMap<string, Point>, ids: readonly string[]) {
  for (const id of ids) expect(next.get(id), id).toEqual(previous.get(id));
}

describe("layoutIncremental", () => {
  const before = layoutAll(exampleGraph);
  const ids = exampleGraph.nodes.map((n) => n.id);

  it("moves nothing when no node is new", () => {
    expect(layoutIncremental(exampleGraph, before)).toEqual(before);
  });

  it("places a new stage right below its base, centred on it, and leaves the rest alone", () => {
    const graph = withNode(exampleGraph, "debug", [{ source: "final", target: "debug", kind: "from" }]);
    const after = layoutIncremental(graph, before);
    expectKept(before, after, ids);
    expect(centreX(graph, after, "debug")).toBe(centreX(graph, after, "final"));
    expect(after.get("debug")!.y).toBe(before.get("final")!.y + 192 + defaultSpacing.row);
    expect(findOverlaps(graph, after)).toEqual([]);
  });

  it("puts a second child of a base to the right of the first, on the same row", () => {
    const one = withNode(exampleGraph, "lint", [{ source: "builder", target: "lint", kind: "from" }]);
    const two = withNode(one, "test", [{ source: "builder", target: "test", kind: "from" }]);
    const first = layoutIncremental(one, before);
    const second = layoutIncremental(two, first);
    expectKept(first, second, [...ids, "lint"]);
    // "pruner" already sits below "builder", so both new children go to its right.
    expect(second.get("lint")!.y).toBe(second.get("test")!.y);
    expect(second.get("lint")!.x).toBeGreaterThan(second.get("pruner")!.x);
    expect(second.get("test")!.x).toBeGreaterThan(second.get("lint")!.x);
    expect(findOverlaps(two, second)).toEqual([]);
  });

  it("puts a stage below the lowest stage it copies from", () => {
    const graph = withNode(exampleGraph, "bundle", [
      { source: "base", target: "bundle", kind: "from" },
      { source: "final", target: "bundle", kind: "copy" },
    ]);
    const after = layoutIncremental(graph, before);
    expect(after.get("bundle")!.y).toBeGreaterThanOrEqual(before.get("final")!.y + 192 + defaultSpacing.row);
    expect(findUpwardEdges(graph, after)).toEqual([]);
  });

  it("puts a new source above the stage it feeds, and an unconnected stage on a row under everything", () => {
    const graph = withNode(withNode(exampleGraph, "tools", [{ source: "tools", target: "base", kind: "copy" }], 80), "scratchpad", []);
    const after = layoutIncremental(graph, before);
    expect(after.get("tools")!.y + 80).toBeLessThanOrEqual(before.get("base")!.y - defaultSpacing.row);
    const bottom = Math.max(...exampleGraph.nodes.map((n) => before.get(n.id)!.y + n.height));
    expect(after.get("scratchpad")).toEqual({ x: 0, y: bottom + defaultSpacing.row });
    expect(findOverlaps(graph, after)).toEqual([]);
  });

  it("lays a new chain down from its top", () => {
    const graph = withNode(withNode(exampleGraph, "b", [{ source: "a", target: "b", kind: "from" }]), "a", [{ source: "final", target: "a", kind: "from" }]);
    const after = layoutIncremental(graph, before);
    expect(after.get("a")!.y).toBeGreaterThan(before.get("final")!.y);
    expect(after.get("b")!.y).toBeGreaterThan(after.get("a")!.y);
    expect(centreX(graph, after, "b")).toBe(centreX(graph, after, "a"));
  });

  it("drops removed nodes and reuses their space", () => {
    const graph: LayoutGraph = {
      nodes: exampleGraph.nodes.filter((n) => n.id !== "pruner").concat({ id: "pruner2", width: 272, height: 90 }),
      edges: exampleGraph.edges.map((e) => (e.source === "pruner" ? { ...e, source: "pruner2" } : e.target === "pruner" ? { ...e, target: "pruner2" } : e)),
    };
    const after = layoutIncremental(graph, before);
    expect(after.has("pruner")).toBe(false);
    expect(after.get("pruner2")).toEqual(before.get("pruner"));
  });

  it("keeps pinned nodes exactly, even over their previous position", () => {
    const pinned = new Map([["builder", { x: 900.5, y: -40 }]]);
    const graph = withNode(exampleGraph, "test", [{ source: "builder", target: "test", kind: "from" }]);
    const after = layoutIncremental(graph, before, pinned);
    expect(after.get("builder")).toEqual({ x: 900.5, y: -40 });
    expectKept(before, after, ["base", "pruner", "final", "image:node"]);
    expect(findOverlaps(graph, after)).toEqual([]);
  });

  it("treats a saved position that is not a finite number as no position", () => {
    const previous = new Map(before);
    previous.set("final", { x: Number.NaN, y: Infinity });
    const after = layoutIncremental(exampleGraph, previous);
    expect(Number.isFinite(after.get("final")!.x) && Number.isFinite(after.get("final")!.y)).toBe(true);
    expect(findOverlaps(exampleGraph, after)).toEqual([]);
  });

  it("places new nodes on a cycle without hanging", () => {
    const graph = withNode(withNode(exampleGraph, "x", [{ source: "y", target: "x", kind: "copy" }]), "y", [{ source: "x", target: "y", kind: "copy" }]);
    const after = layoutIncremental(graph, before);
    expect(after.size).toBe(7);
    expect(findOverlaps(graph, after)).toEqual([]);
  });

  it("places everything from nothing, 500 stages, without overlaps", () => {
    const graph = generateStageGraph(500, 11);
    const after = layoutIncremental(graph, new Map());
    expect(after.size).toBe(graph.nodes.length);
    expect(findOverlaps(graph, after)).toEqual([]);
    expect(findUpwardEdges(graph, after)).toEqual([]);
  });

  it("keeps what was there and overlaps nothing, for any edit of any graph", () => {
    const edit = fc.record({
      stages: fc.integer({ min: 1, max: 40 }),
      seed: fc.integer({ min: 1, max: 1_000_000 }),
      keep: fc.array(fc.boolean(), { minLength: 60, maxLength: 60 }),
      extra: fc.array(fc.tuple(fc.nat(60), fc.nat(60), fc.constantFrom("from", "copy", "mount" as const)), { maxLength: 8 }),
    });
    fc.assert(
      fc.property(edit, ({ stages, seed, keep, extra }) => {
        const graph = generateStageGraph(stages, seed);
        const id = (i: number) => graph.nodes[i % graph.nodes.length]!.id;
        const edited: LayoutGraph = { nodes: graph.nodes, edges: [...graph.edges, ...extra.map(([s, t, kind]) => ({ source: id(s), target: id(t), kind }))] };
        // The previous layout: a full one, of which only some nodes are still there.
        const previous = new Map([...layoutAll(graph)].filter((_, i) => keep[i % keep.length]));
        const after = layoutIncremental(edited, previous);
        expect([...after.keys()]).toEqual(edited.nodes.map((n) => n.id));
        expectKept(previous, after, [...previous.keys()]);
        expect(findOverlaps(edited, after)).toEqual([]);
        expect([...layoutIncremental(edited, previous)]).toEqual([...after]);
      }),
      { numRuns: 150 },
    );
  });
});

describe("layoutGraph", () => {
  it("lays everything out when nothing is on screen yet, keeping pinned nodes", () => {
    const pinned = new Map([["final", { x: 2000, y: 0 }]]);
    expect(layoutGraph(exampleGraph)).toEqual(layoutAll(exampleGraph));
    expect(layoutGraph(exampleGraph, { pinned })).toEqual(layoutAll(exampleGraph, { pinned }));
  });

  it("only places the new nodes once some are on screen", () => {
    const previous = new Map([["base", { x: 500, y: 500 }]]);
    const after = layoutGraph(exampleGraph, { previous });
    expect(after.get("base")).toEqual({ x: 500, y: 500 });
    expect(after).toEqual(layoutIncremental(exampleGraph, previous));
  });

  it("treats positions of nodes that are gone as nothing on screen", () => {
    const previous = new Map([["deleted", { x: 500, y: 500 }]]);
    expect(layoutGraph(exampleGraph, { previous })).toEqual(layoutAll(exampleGraph));
  });

  it("places a new node where a stage by another name was (the editor's rename case)", () => {
    const graph = makeGraph(["a", "b"], ["a>b"]);
    const first = layoutGraph(graph);
    const renamed = makeGraph(["a", "bb"], ["a>bb"]);
    expect(layoutGraph(renamed, { previous: first }).get("bb")).toEqual(first.get("b"));
  });
});
