/**
 * The project's own Dockerfile (also the gallery's "Static site on nginx"): the pattern it
 * teaches, an unprivileged server image pinned to a version, a non-root user, and no finding
 * from the linter, with this repository's .dockerignore.
 */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { buildStageGraph, lintDockerfile, parseDockerfile } from "../../src/index.ts";

const root = (name: string) => fileURLToPath(new URL(`../../${name}`, import.meta.url));
const text = readFileSync(root("Dockerfile"), "utf8");

describe("the project's own Dockerfile", () => {
  const graph = buildStageGraph(parseDockerfile(text));

  it("is base → builder → final, serving from nginx-unprivileged at a pinned tag as a non-root user", () => {
    expect(graph.stages.map((s) => s.name)).toEqual(["base", "builder", "final"]);
    expect(graph.stages.map((s) => s.role)).toEqual(["base", "builder", "final"]);
    const final = graph.stages[2];
    expect(final?.base).toMatchObject({ kind: "image", ref: "nginxinc/nginx-unprivileged:1.27.3-alpine" });
    expect(graph.edges.filter((e) => e.kind === "copy").map((e) => [e.source, e.sources])).toEqual([[{ kind: "stage", index: 1 }, ["/site/dist"]]]);
    const user = final?.stage.instructions.filter((i) => i.node.name === "USER").at(-1);
    expect(user?.node.original).toMatch(/^USER [1-9]\d*$/);
    expect(graph.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
  });

  it("lints clean: no warning and no error", () => {
    const dockerignore = readFileSync(root(".dockerignore"), "utf8");
    const findings = lintDockerfile(parseDockerfile(text), { dockerignore }).findings.filter((f) => f.severity === "warning" || f.severity === "error");
    expect(findings.map((f) => `${f.line}: ${f.rule} ${f.message}`)).toEqual([]);
  });

  it("is the gallery's nginx example, byte for byte", () => {
    expect(readFileSync(root("web/examples/static-nginx.Dockerfile"), "utf8")).toBe(text);
  });
});
