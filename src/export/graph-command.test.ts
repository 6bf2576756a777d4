import { describe, expect, it } from "vitest";
import { renderGraph } from "./graph-command.ts";

const dockerfile = "ARG V=debian\nFROM debian AS base-debian\nFROM alpine AS base-alpine\nFROM base-${V} AS final\n";
const broken = "FROM alpine AS a\nCOPY --from=a /x /y\n";

describe("renderGraph", () => {
  it("prints the JSON graph", () => {
    const result = renderGraph("Dockerfile", dockerfile, { format: "json", buildArgs: {} });
    expect(result.code).toBe(0);
    expect(result.stderr).toBe("");
    const json = JSON.parse(result.stdout) as { target: number; stages: { base: unknown }[] };
    expect(json.target).toBe(2);
    expect(json.stages[2]?.base).toEqual({ kind: "stage", index: 0 });
  });

  it("follows the target and build arguments, in Mermaid and DOT", () => {
    const result = renderGraph("Dockerfile", dockerfile, { format: "mermaid", buildArgs: { V: "alpine" }, target: "FINAL" });
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("  s1 --> s2\n");
    expect(renderGraph("Dockerfile", dockerfile, { format: "dot", buildArgs: {} }).stdout.startsWith("digraph stages {\n")).toBe(true);
  });

  it("prints the graph and the diagnostics, and exits 1 when BuildKit would fail", () => {
    const result = renderGraph("broken", broken, { format: "json", buildArgs: {} });
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('"kind": "copy"');
    expect(result.stderr).toBe("broken:2: error: circular dependency detected on stage: a (CircularDependency)\n");
  });
});
