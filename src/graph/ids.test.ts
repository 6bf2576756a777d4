/**
 * Node identity: one id per stage and image, unique even when a name repeats, short even for a
 * huge reference; edge ids unique; an invalid edge points at the diagnostic that explains it.
 */
import { describe, expect, it } from "vitest";
import { parseDockerfile } from "../syntax/parse.ts";
import { buildStageGraph } from "./build-stage-graph.ts";
import { findGraphNode, imageId, UniqueIds } from "./ids.ts";

const graphOf = (text: string) => buildStageGraph(parseDockerfile(text));

describe("node ids", () => {
  it("names stages by lowercased name, repeats with ~n, unnamed by index", () => {
    const graph = graphOf("FROM alpine AS Build\nFROM alpine AS build\nFROM alpine\nFROM alpine AS build\nFROM alpine AS 1bad\n");
    expect(graph.stages.map((s) => s.id)).toEqual(["stage:build", "stage:build~2", "stage:#2", "stage:build~3", "stage:#4"]);
  });

  it("keys images by expanded reference and keeps long keys short and distinct", () => {
    const graph = graphOf("ARG V=3.20\nFROM alpine:${V}\n");
    expect(graph.images.map((i) => i.id)).toEqual(["image:alpine:3.20"]);
    const long = "registry.example.com/" + "a".repeat(300);
    const other = long.slice(0, -1) + "b";
    expect(imageId(long).length).toBeLessThan(220);
    expect(imageId(long)).not.toBe(imageId(other));
    expect(imageId(long).startsWith(`image:${long.slice(0, 200)}~`)).toBe(true);
    expect(imageId("x".repeat(200))).toBe(`image:${"x".repeat(200)}`);
  });

  it("finds stages and images by id, and nothing for an unknown id", () => {
    const graph = graphOf("FROM node:20 AS build\nFROM build\nCOPY --from=build /a /b\n");
    const build = findGraphNode(graph, "stage:build");
    expect(build?.kind === "stage" && build.stage.index).toBe(0);
    const image = findGraphNode(graph, "image:node:20");
    expect(image?.kind === "image" && image.image.ref).toBe("node:20");
    expect(findGraphNode(graph, "stage:nope")).toBeNull();
    for (const edge of graph.edges) {
      expect(findGraphNode(graph, edge.sourceId)).not.toBeNull();
      expect(findGraphNode(graph, edge.targetId)).not.toBeNull();
    }
  });

  it("gives edges unique ids that do not depend on line numbers", () => {
    const text = "FROM alpine AS a\nFROM alpine\nCOPY --from=a /x /x\nCOPY --from=a /y /y\n";
    const graph = graphOf(text);
    expect(graph.edges.map((e) => e.id)).toEqual([
      "from:image:alpine->stage:a",
      "from:image:alpine->stage:#1",
      "copy:stage:a->stage:#1",
      "copy:stage:a->stage:#1~2",
    ]);
    expect(graphOf(`# a comment\n\n${text}`).edges.map((e) => e.id)).toEqual(graph.edges.map((e) => e.id));
  });
});

describe("diagnostics and invalid edges", () => {
  it("keeps the stage of each diagnostic", () => {
    const graph = graphOf("FROM alpine AS bu#ild\nFROM alpine\nCOPY --from=later /a /b\nFROM alpine AS later\n");
    expect(graph.diagnostics.map((d) => [d.code, d.stage])).toEqual([
      ["InvalidStageName", 0],
      ["StageUsedBeforeDefined", 1],
    ]);
  });

  it("links an invalid edge to the diagnostic on its token, a valid one to nothing", () => {
    const graph = graphOf("FROM alpine AS a\nCOPY --from=b /x /x\nFROM alpine AS b\nFROM alpine\nCOPY --from=a /y /y\n");
    const forward = graph.edges.find((e) => e.id === "copy:stage:b->stage:a");
    expect(forward?.valid).toBe(false);
    expect(forward?.diagnostic?.code).toBe("StageUsedBeforeDefined");
    expect(graph.diagnostics).toContain(forward?.diagnostic);
    expect(forward?.reason).toBe(forward?.diagnostic?.message);
    const fine = graph.edges.find((e) => e.id === "copy:stage:a->stage:#2");
    expect(fine?.diagnostic).toBeNull();
    expect(fine?.reason).toBeNull();
  });

  it("explains an invalid image reference and a cycle BuildKit does not name", () => {
    const bad = graphOf("FROM Alpine:Bad:Ref\n").edges[0];
    expect(bad?.diagnostic?.code).toBe("InvalidImageReference");
    // Two cycles: BuildKit names the first only; the other cycle's edges still get a reason.
    const graph = graphOf("FROM alpine AS a\nCOPY --from=a /x /x\nFROM alpine AS b\nCOPY --from=b /y /y\n");
    const selfB = graph.edges.find((e) => e.id === "copy:stage:b->stage:b");
    expect(selfB?.valid).toBe(false);
    expect(selfB?.reason).toMatch(/circular dependency/);
    for (const edge of graph.edges) expect(edge.valid || edge.reason !== null).toBe(true);
  });
});

describe("UniqueIds", () => {
  it("hands out the base, then the smallest free ~n, also when a literal id took a suffix first", () => {
    const ids = new UniqueIds();
    expect(["a", "a~3", "a", "a", "a", "b"].map((base) => ids.take(base))).toEqual(["a", "a~3", "a~2", "a~4", "a~5", "b"]);
  });

  it("stays linear for thousands of parallel edges (each one used to re-count from ~2)", () => {
    const ids = new UniqueIds();
    const taken = Array.from({ length: 20_000 }, () => ids.take("copy:stage:build->stage:#1"));
    expect(new Set(taken).size).toBe(20_000);
    expect(taken[19_999]).toBe("copy:stage:build->stage:#1~20000");
  });
});
