import { describe, expect, it } from "vitest";
import { buildStageGraph, parseDockerfile, type StageGraphOptions } from "../../src/index.ts";
import { describeGraph, nameTargetIn, type CanvasModel } from "./describe-graph.ts";
import { measureStageHeight, routeEdges, spreadEdgeEnds, STAGE_WIDTH } from "../../src/index.ts";
import { toFlowEdges, toFlowNodes } from "./to-flow.ts";

const EXAMPLE = `ARG NODE=22
FROM node:\${NODE}-slim AS base
WORKDIR /app

FROM base AS builder
COPY package.json pnpm-lock.yaml ./
RUN --mount=type=cache,target=/pnpm/store pnpm install
RUN pnpm build

FROM builder AS tools
RUN --mount=from=builder,source=/app/node_modules,target=/deps ls /deps

FROM node:\${NODE}-slim AS final
COPY --from=builder /app/dist /app/package.json /app/README.md ./
COPY --from=builder /usr/local/lib/node_modules/very/deep/path/to/something.js /x
CMD ["node", "dist/server.js"]
`;

function describe_(text: string, previous: CanvasModel | null = null, options: StageGraphOptions = {}, expanded?: ReadonlySet<string>) {
  return describeGraph(buildStageGraph(parseDockerfile(text), options), previous, expanded);
}

describe("describeGraph", () => {
  const model = describe_(EXAMPLE);

  it("keys stages by name and images by reference, one node per distinct image", () => {
    expect(model.stages.map((s) => s.key)).toEqual(["stage:base", "stage:builder", "stage:tools", "stage:final"]);
    expect(model.images.map((i) => i.key)).toEqual(["image:node:22-slim"]);
    expect(model.layout.nodes.map((n) => n.id)).toEqual(["image:node:22-slim", "stage:base", "stage:builder", "stage:tools", "stage:final"]);
  });

  it("keys stages by the core's ids: unnamed ones by index, a repeated name unique", () => {
    const m = describe_("FROM alpine\nFROM alpine AS x\nFROM alpine AS x\n");
    expect(m.stages.map((s) => s.key)).toEqual(["stage:#0", "stage:x", "stage:x~2"]);
    expect(m.stages[0]?.title).toBe("#0");
  });

  it("describes each edge with its kind, ends and a shortened label", () => {
    expect(model.edges.map((e) => [e.id, e.kind, e.label])).toEqual([
      ["from:image:node:22-slim>stage:base", "from", null],
      ["from:stage:base>stage:builder", "from", null],
      ["from:stage:builder>stage:tools", "from", null],
      ["mount:stage:builder>stage:tools", "mount", "mount /deps"],
      ["from:image:node:22-slim>stage:final", "from", null],
      // Two COPY --from lines between the same stages: one edge, counted, both in its title.
      ["copy:stage:builder>stage:final", "copy", "2× /app/dist +2"],
    ]);
    const copy = model.edges[5];
    expect(copy?.count).toBe(2);
    expect(copy?.title).toMatch(/^2 × COPY --from/);
    expect(copy?.title).toContain("/app/dist, /app/package.json, /app/README.md");
    expect(copy?.title).toContain("→ ./");
    expect(copy?.title).toContain("/path/to/something.js");
  });

  it("summarises a stage: base, instructions, lines, target", () => {
    const builder = model.stages[1];
    expect(builder?.base).toEqual({ kind: "stage", label: "base" });
    expect(builder?.instructions.map((i) => i.keyword)).toEqual(["COPY", "RUN", "RUN"]);
    expect(builder?.instructions[1]?.text).toBe("--mount=type=cache,target=/pnpm/store pnpm install");
    expect(builder?.lines).toEqual({ start: 5, end: 8 });
    expect(model.stages[0]?.base).toEqual({ kind: "image", ref: "node:22-slim", raw: "node:${NODE}-slim" });
    expect(model.stages.map((s) => s.isTarget)).toEqual([false, false, false, true]);
    expect(builder?.width).toBe(STAGE_WIDTH);
    expect(builder?.height).toBe(measureStageHeight(3, false));
  });

  it("marks what the target does not need, with the reason", () => {
    const tools = model.stages[2];
    expect(tools?.reachable).toBe(false);
    expect(tools?.unreachableReason).toBe("Not needed by the target: nothing the target needs comes from this stage");
    expect(nameTargetIn(tools?.unreachableReason ?? "", "final")).toBe("Not built for target final: nothing the target needs comes from this stage");
    expect(model.stages[1]?.unreachableReason).toBeNull();
    expect(model.edges.find((e) => e.id === "mount:stage:builder>stage:tools")?.dimmed).toBe(true);
    const other = describe_(EXAMPLE, null, { target: "tools" });
    expect(other.stages.map((s) => s.reachable)).toEqual([true, true, true, false]);
    expect(other.images[0]?.used).toBe(true);
  });

  it("gives errors to the stage whose lines hold them, and the reason to invalid edges", () => {
    const m = describe_("FROM alpine AS a\nCOPY --from=b /x /x\nFROM alpine AS b\nCOPY --from=b /y /y\n");
    const [a, b] = m.stages;
    expect(a?.errors.length).toBeGreaterThan(0);
    expect(a?.errors[0]).toMatch(/^L2: /);
    const forward = m.edges.find((e) => e.id === "copy:stage:b>stage:a");
    expect(forward?.valid).toBe(false);
    expect(forward?.reason).not.toBeNull();
    const loop = m.edges.find((e) => e.id === "copy:stage:b>stage:b");
    expect(loop?.selfLoop).toBe(true);
    expect(loop?.reason).toMatch(/itself/);
    expect(b?.key).toBe("stage:b");
    expect(m.layout.edges.some((e) => e.source === "stage:b" && e.target === "stage:b")).toBe(false);
  });

  it("marks invalid image references", () => {
    const m = describe_("FROM Not:A:Ref AS x\n");
    expect(m.images[0]?.valid).toBe(false);
  });

  it("keeps the payloads and the layout input of what did not change", () => {
    const next = describe_(EXAMPLE.replace("RUN pnpm build", "RUN pnpm build:prod"), model);
    expect(next.stages[0]).toBe(model.stages[0]);
    expect(next.stages[1]).not.toBe(model.stages[1]);
    expect(next.stages[2]).toBe(model.stages[2]);
    expect(next.stages[3]).toBe(model.stages[3]);
    expect(next.images[0]).toBe(model.images[0]);
    expect(next.edges.every((e, i) => e === model.edges[i])).toBe(true);
    expect(next.layout).toBe(model.layout);
  });

  it("keeps the payload of every stage but the target when the target is renamed", () => {
    const renamed = describe_(EXAMPLE.replace("AS final", "AS finalx"), model);
    expect(renamed.stages[3]).not.toBe(model.stages[3]);
    expect(renamed.stages.slice(0, 3).every((s, i) => s === model.stages[i])).toBe(true);
    expect(renamed.stages[2]?.unreachableReason).toBe(model.stages[2]?.unreachableReason);
  });

  it("changes the layout input when a node grows or appears", () => {
    const grown = describe_(EXAMPLE.replace("RUN pnpm build", "RUN pnpm build\nRUN pnpm test"), model);
    expect(grown.layout).not.toBe(model.layout);
    expect(grown.stages[1]?.height).toBeGreaterThan(model.stages[1]?.height ?? 0);
  });

  it("recognises a stage being renamed, or a base image being typed, in the same place", () => {
    const typing = describe_(EXAMPLE.replace("AS tools", "AS tool"), model);
    expect(typing.renames.get("stage:tool")).toBe("stage:tools");
    const image = describe_("FROM alpin AS a\n", describe_("FROM alpine AS a\n"));
    expect(image.renames.get("image:alpin")).toBe("image:alpine");
    expect(describe_(EXAMPLE, model).renames.size).toBe(0);
  });

  it("shows every instruction of an expanded stage", () => {
    const text = `FROM alpine AS long\n${Array.from({ length: 9 }, (_, i) => `RUN step ${i}`).join("\n")}\n`;
    const collapsed = describe_(text);
    const expanded = describe_(text, collapsed, {}, new Set(["stage:long"]));
    expect(collapsed.stages[0]?.expanded).toBe(false);
    expect(expanded.stages[0]?.expanded).toBe(true);
    expect(expanded.stages[0]?.height).toBeGreaterThan(collapsed.stages[0]?.height ?? 0);
  });

  it("describes an empty or half-typed file without throwing", () => {
    expect(describe_("").stages).toEqual([]);
    expect(describe_("FR").stages).toEqual([]);
    expect(describe_("FROM").stages.length).toBe(1);
    expect(describe_("FROM alpine AS a\nCOPY --from=").stages.length).toBe(1);
  });
});

describe("toFlowNodes and toFlowEdges", () => {
  const model = describe_(EXAMPLE);
  const positions = Object.fromEntries(model.layout.nodes.map((n, i) => [n.id, { x: i * 300, y: i * 200 }]));

  it("makes one node per stage and image, ids are node keys, at their positions and sizes", () => {
    const nodes = toFlowNodes(model, positions);
    expect(nodes.map((n) => [n.id, n.type])).toEqual([
      ["image:node:22-slim", "image"],
      ["stage:base", "stage"],
      ["stage:builder", "stage"],
      ["stage:tools", "stage"],
      ["stage:final", "stage"],
    ]);
    const builder = nodes[2];
    expect(builder?.position).toEqual({ x: 600, y: 400 });
    expect(builder?.width).toBe(STAGE_WIDTH);
    expect(builder?.measured).toEqual({ width: builder?.width, height: builder?.height });
  });

  it("reuses node objects, and the array, when nothing changed", () => {
    const first = toFlowNodes(model, positions);
    const again = toFlowNodes(describe_(EXAMPLE, model), { ...positions }, first);
    expect(again).toBe(first);
    const moved = toFlowNodes(model, { ...positions, "stage:base": { x: 5, y: 5 } }, first);
    expect(moved).not.toBe(first);
    expect(moved[1]).not.toBe(first[1]);
    expect(moved[2]).toBe(first[2]);
  });

  it("makes one edge per dependency, with the test-hook ends", () => {
    const edges = toFlowEdges(model, positions);
    expect(edges.map((e) => [e.source, e.target, e.data?.sourceKey, e.data?.targetKey, e.type])).toContainEqual([
      "stage:builder",
      "stage:final",
      "stage:builder",
      "stage:final",
      "graph",
    ]);
    expect(edges.length).toBe(model.edges.length);
    const again = toFlowEdges(describe_(EXAMPLE, model), positions, edges);
    expect(again).toBe(edges);
  });

  it("spreads edges that share a side of a node", () => {
    const ends = spreadEdgeEnds(model, positions);
    const intoFinal = ["from:image:node:22-slim>stage:final", "copy:stage:builder>stage:final", "copy:stage:builder>stage:final#1"].map((id) => ends.get(id)?.target);
    expect(new Set(intoFinal).size).toBe(3);
    expect(ends.get("from:stage:base>stage:builder")).toEqual({ source: 0, target: 0 });
  });

  it("places labels of parallel edges apart", () => {
    const stacked = { ...positions, builder: { x: 0, y: 0 }, final: { x: 0, y: 400 } };
    const routes = routeEdges(model, stacked, spreadEdgeEnds(model, stacked));
    expect(routes.get("copy:stage:builder>stage:final")?.labelAt).not.toBe(routes.get("copy:stage:builder>stage:final#1")?.labelAt);
  });
});
