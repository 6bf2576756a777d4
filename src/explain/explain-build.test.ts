import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { buildStageGraph } from "../graph/build-stage-graph.ts";
import { parseDockerfile } from "../syntax/parse.ts";
import { explainBuild, explainNotBuilt } from "./explain-build.ts";

const examples = join(dirname(fileURLToPath(import.meta.url)), "..", "..", "web", "examples");
const graphOf = (id: string, target?: string) =>
  buildStageGraph(parseDockerfile(readFileSync(join(examples, `${id}.Dockerfile`), "utf8")), target === undefined ? {} : { target });

describe("what ships", () => {
  it("traces each copied path of the Node.js example to the step that made it", () => {
    const ships = explainBuild(graphOf("node-pnpm")).ships;
    expect(ships?.baseImage).toBe("node:22.12.0-bookworm-slim");
    expect(ships?.copies.map((c) => [c.path, c.from, c.origins.map((o) => `${o.label}:${o.line}:${o.how}`)])).toEqual([
      ["/app/node_modules", "pruner", ["pruner:38:run"]],
      ["/app/dist", "builder", ["builder:33:run"]],
      ["/app/package.json", "builder", ["builder:28:context"]],
    ]);
    expect(ships?.command).toBe("node dist/server.js");
    expect(ships?.user).toBe("node");
  });

  it("finds the RUN that names the copied path, across a FROM chain", () => {
    const ships = explainBuild(graphOf("go-static")).ships;
    expect(ships?.copies.map((c) => [c.path, c.origins[0]?.line])).toEqual([
      ["/out/server", 30],
      ["/out/data", 36],
    ]);
    expect(ships?.baseImage).toBe("gcr.io/distroless/static-debian12:nonroot");
  });

  it("follows a path through more than one copy", () => {
    const text = "FROM alpine AS a\nRUN echo hi > /out.txt\nFROM alpine AS b\nCOPY --from=a /out.txt /stash/out.txt\nFROM scratch\nCOPY --from=b /stash/out.txt /\n";
    const ships = explainBuild(buildStageGraph(parseDockerfile(text))).ships;
    expect(ships?.baseImage).toBeNull();
    expect(ships?.copies[0]?.origins.map((o) => `${o.label}:${o.line}:${o.how}`)).toEqual(["b:4:stage", "a:2:run"]);
  });
});

describe("stage explanations", () => {
  it("says each step in plain words, manifests before sources included", () => {
    const builder = explainBuild(graphOf("node-pnpm")).stages[1];
    expect(builder?.steps.map((s) => s.keyword)).toEqual(["FROM", "RUN", "COPY", "RUN", "COPY", "RUN"]);
    expect(builder?.steps[2]?.text).toMatch(/^Copies only the dependency manifests package\.json and pnpm-lock\.yaml/);
    expect(builder?.steps[3]?.text).toMatch(/\/pnpm\/store is a build cache kept between builds and never stored in the image/);
    expect(builder?.steps[4]?.text).toMatch(/whole build context/);
  });

  it("says why a stage is not built", () => {
    const text = "FROM alpine AS base\nFROM base AS test\nRUN make test\nFROM alpine AS lonely\nFROM base AS final\n";
    const graph = buildStageGraph(parseDockerfile(text));
    expect(explainNotBuilt(graph, 0)).toBeNull();
    expect(explainNotBuilt(graph, 1)).toBe("Nothing builds on test, copies from it or mounts it, so building the target final skips it; `--target test` would build it.");
    const withUser = buildStageGraph(parseDockerfile("FROM alpine AS a\nFROM a AS b\nFROM alpine AS c\n"));
    expect(explainNotBuilt(withUser, 0)).toBe("Only b uses it, and the target c needs none of them, so BuildKit skips it.");
    expect(explainNotBuilt(buildStageGraph(parseDockerfile(text), { target: "nope" }), 0)).toMatch(/no target/);
  });
});

describe("build schedule", () => {
  it("puts independent stages on one level and finds the longest chain", () => {
    const graph = graphOf("python-uv");
    const { levels, criticalPath } = explainBuild(graph).schedule;
    const label = (i: number) => graph.stages[i]?.label;
    expect(levels.map((l) => l.map(label))).toEqual([["uv", "base"], ["builder"], ["pruner"], ["final"]]);
    expect(criticalPath.map(label)).toEqual(["base", "builder", "pruner", "final"]);
  });

  it("leaves unbuilt stages out", () => {
    const graph = buildStageGraph(parseDockerfile("FROM alpine AS a\nRUN x\nFROM alpine AS b\nFROM alpine AS c\nCOPY --from=a / /\n"));
    const { levels, criticalPath } = explainBuild(graph).schedule;
    expect(levels).toEqual([[0], [2]]);
    expect(criticalPath).toEqual([0, 2]);
  });
});
