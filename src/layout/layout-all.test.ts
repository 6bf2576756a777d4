import { readFileSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { buildStageGraph, parseDockerfile } from "../../src/index.ts";
import { requireCorpus } from "../../tests/corpus.ts";
import { indexGraph } from "./indexed-graph.ts";
import { assignLayers } from "./layers.ts";
import { dagreNodeLimit, layoutAll, layoutWithDagre } from "./layout-all.ts";
import type { LayoutGraph } from "./types.ts";
import { generateStageGraph } from "./synthetic-graph.ts";
import { centreX, exampleGraph, findOverlaps, findUpwardEdges, makeGraph } from "./test-graphs.ts";

describe("layoutAll", () => {
  it("lays out nothing and a single node", () => {
    expect(layoutAll({ nodes: [], edges: [] })).toEqual(new Map());
    expect(layoutAll(makeGraph(["only"], []))).toEqual(new Map([["only", { x: 0, y: 0 }]]));
  });

  it("stacks the example's base → builder → pruner → final in one column, below their image", () => {
    const positions = layoutAll(exampleGraph);
    const column = ["image:node", "base", "builder", "pruner", "final"].map((id) => centreX(exampleGraph, positions, id));
    expect(new Set(column).size).toBe(1);
    expect(findUpwardEdges(exampleGraph, positions)).toEqual([]);
    expect(findOverlaps(exampleGraph, positions)).toEqual([]);
  });

  it("starts at the origin, in whole pixels, with a row gap between a node and its base", () => {
    const positions = layoutAll(exampleGraph);
    const points = [...positions.values()];
    expect(Math.min(...points.map((p) => p.x))).toBe(0);
    expect(Math.min(...points.map((p) => p.y))).toBe(0);
    for (const p of points) expect(Number.isInteger(p.x) && Number.isInteger(p.y)).toBe(true);
    expect(positions.get("builder")!.y - (positions.get("base")!.y + 150)).toBeGreaterThanOrEqual(60);
  });

  it("gives the same positions for the same graph, including a copy of it", () => {
    const graph = generateStageGraph(120, 7);
    const copy: LayoutGraph = JSON.parse(JSON.stringify(graph));
    const first = layoutAll(graph);
    expect([...layoutAll(graph)]).toEqual([...first]);
    expect([...layoutAll(copy)]).toEqual([...first]);
    expect([...first.keys()]).toEqual(graph.nodes.map((n) => n.id));
  });

  it.each([
    ["dagre", 60],
    ["dagre at the limit", dagreNodeLimit - Math.ceil(dagreNodeLimit / 20)],
    ["rows above the limit", 200],
    ["rows, 500 stages", 500],
  ])("never overlaps nodes and points every edge of a DAG down (%s)", (_, stages) => {
    const graph = generateStageGraph(stages, 3);
    const positions = layoutAll(graph);
    expect(positions.size).toBe(graph.nodes.length);
    expect(findOverlaps(graph, positions)).toEqual([]);
    expect(findUpwardEdges(graph, positions)).toEqual([]);
  });

  it("lines each row up on one top edge (dagre path)", () => {
    const graph = generateStageGraph(60, 2);
    const indexed = indexGraph(graph);
    const { layer } = assignLayers(indexed);
    const positions = layoutAll(graph);
    const tops = new Map<number, Set<number>>();
    indexed.nodes.forEach((n, i) => tops.set(layer[i]!, (tops.get(layer[i]!) ?? new Set()).add(positions.get(n.id)!.y)));
    for (const row of tops.values()) expect(row.size).toBe(1);
  });

  it("puts a stage that copies from a deeper stage below that one, not just below its base", () => {
    const graph = makeGraph(["base", "a", "b", "c", "final"], ["base>a", "a>b", "b>c", "base>final", "c~final"]);
    const positions = layoutAll(graph);
    expect(findUpwardEdges(graph, positions)).toEqual([]);
  });

  it("survives cycles, self-loops, repeated edges and edges to unknown nodes", () => {
    const graph = makeGraph(["a", "b", "c", "d"], ["a>b", "b~c", "c~a", "c~c", "d~d", "a>b", "ghost~a", "a~ghost"]);
    const positions = layoutAll(graph);
    expect([...positions.keys()]).toEqual(["a", "b", "c", "d"]);
    for (const p of positions.values()) expect(Number.isFinite(p.x) && Number.isFinite(p.y)).toBe(true);
    expect(findOverlaps(graph, positions)).toEqual([]);
  });

  it("survives a cycle on a graph above the dagre limit", () => {
    const base = generateStageGraph(dagreNodeLimit + 10, 5);
    const graph: LayoutGraph = { nodes: base.nodes, edges: [...base.edges, { source: "stage-150", target: "stage-3", kind: "copy" }] };
    const positions = layoutAll(graph);
    expect(positions.size).toBe(graph.nodes.length);
    expect(findOverlaps(graph, positions)).toEqual([]);
  });

  it("keeps pinned nodes where they are and moves the others off them", () => {
    const unpinned = layoutAll(exampleGraph);
    const onTopOfBuilder = unpinned.get("builder")!;
    const pinned = new Map([["final", { x: onTopOfBuilder.x + 10, y: onTopOfBuilder.y + 10 }]]);
    const positions = layoutAll(exampleGraph, { pinned });
    expect(positions.get("final")).toEqual(pinned.get("final"));
    expect(findOverlaps(exampleGraph, positions)).toEqual([]);
  });

  it("keeps pinned nodes on a graph above the dagre limit", () => {
    const graph = generateStageGraph(dagreNodeLimit + 10, 9);
    const pinned = new Map([["stage-5", { x: -500, y: 12345 }]]);
    const positions = layoutAll(graph, { pinned });
    expect(positions.get("stage-5")).toEqual({ x: -500, y: 12345 });
    expect(findOverlaps(graph, positions)).toEqual([]);
  });

  it("overlaps nothing and stays finite on any graph, cycles included, and points DAG edges down", () => {
    const input = fc.record({
      stages: fc.integer({ min: 1, max: 80 }),
      seed: fc.integer({ min: 1, max: 1_000_000 }),
      extra: fc.array(fc.tuple(fc.nat(100), fc.nat(100)), { maxLength: 6 }),
    });
    fc.assert(
      fc.property(input, ({ stages, seed, extra }) => {
        const dag = generateStageGraph(stages, seed);
        const id = (i: number) => dag.nodes[i % dag.nodes.length]!.id;
        const graph: LayoutGraph = { nodes: dag.nodes, edges: [...dag.edges, ...extra.map(([s, t]) => ({ source: id(s), target: id(t), kind: "copy" as const }))] };
        const positions = layoutAll(graph);
        for (const p of positions.values()) expect(Number.isFinite(p.x) && Number.isFinite(p.y)).toBe(true);
        expect(findOverlaps(graph, positions)).toEqual([]);
        expect(findUpwardEdges(dag, layoutAll(dag))).toEqual([]);
      }),
      { numRuns: 40 },
    );
  });

  it("ignores a repeated node id after its first occurrence", () => {
    const graph: LayoutGraph = { nodes: [...makeGraph(["a", "b"], []).nodes, { id: "a", width: 10, height: 10 }], edges: [] };
    expect([...layoutAll(graph).keys()]).toEqual(["a", "b"]);
  });

  it("runs dagre on every size when asked (the benchmark's contender)", () => {
    const graph = generateStageGraph(dagreNodeLimit + 10, 4);
    const positions = layoutWithDagre(graph);
    expect(findOverlaps(graph, positions)).toEqual([]);
    expect(findUpwardEdges(graph, positions)).toEqual([]);
  });
});

const corpus = requireCorpus("layout of moby's Dockerfile");

describe.skipIf(corpus === null)("layoutAll on moby's 59 stages", () => {
  it("keeps nodes apart and every valid edge pointing down", () => {
    const text = readFileSync(join(corpus!, "real", "moby__moby__Dockerfile.Dockerfile"), "utf8");
    const stageGraph = buildStageGraph(parseDockerfile(text));
    const graph: LayoutGraph = {
      nodes: [
        ...stageGraph.stages.map((s) => ({ id: `stage:${s.index}`, width: 272, height: 60 + 20 * Math.min(6, s.stage.instructions.length) })),
        ...stageGraph.images.map((i) => ({ id: `image:${i.ref}`, width: 200, height: 36 })),
      ],
      edges: stageGraph.edges.map((e) => ({
        source: e.source.kind === "image" ? `image:${e.source.ref}` : `stage:${e.source.index}`,
        target: `stage:${e.target}`,
        kind: e.kind,
      })),
    };
    expect(graph.nodes.length).toBe(67);
    const positions = layoutAll(graph);
    expect(findOverlaps(graph, positions)).toEqual([]);
    expect(findUpwardEdges(graph, positions)).toEqual([]);
  });
});
