import { describe, expect, it } from "vitest";
import { parseDockerfile } from "../syntax/parse.ts";
import { buildStageGraph } from "./build-stage-graph.ts";

describe("buildStageGraph", () => {
  const text = "ARG V=3.20\nFROM alpine:$V AS base\nFROM base AS build\nRUN --mount=from=base,target=/b make\nFROM scratch\nCOPY --from=build /out /\n";
  const graph = buildStageGraph(parseDockerfile(text));

  it("points every edge at the token that names its source", () => {
    expect(graph.edges.map((e) => [e.kind, text.slice(e.range.start, e.range.end)])).toEqual([
      ["from", "alpine:$V"],
      ["from", "base"],
      ["mount", "from=base"],
      ["copy", "--from=build"],
    ]);
  });

  it("gives labels, roles and the global ARG values", () => {
    expect(graph.stages.map((s) => s.label)).toEqual(["base", "build", "stage-2"]);
    expect(graph.stages.map((s) => s.role)).toEqual(["base", "builder", "export"]);
    expect(graph.globalArgs.get("V")).toBe("3.20");
    expect(graph.globalArgs.get("TARGETARCH")).toBe("amd64");
    expect(graph.globalArgs.get("TARGETSTAGE")).toBe("default");
  });

  it("sets TARGETSTAGE from the target or the last stage's name", () => {
    const named = "FROM alpine AS one\nFROM alpine AS two\n";
    expect(buildStageGraph(parseDockerfile(named)).globalArgs.get("TARGETSTAGE")).toBe("two");
    expect(buildStageGraph(parseDockerfile(named), { target: "One" }).globalArgs.get("TARGETSTAGE")).toBe("One");
    const picked = buildStageGraph(parseDockerfile("ARG S=x\nFROM alpine AS x-one\nFROM x-${TARGETSTAGE}\n"), { target: "" });
    expect(picked.stages[1]?.base).toEqual({ kind: "image", ref: "x-default", raw: "x-${TARGETSTAGE}" });
  });

  it("lets a build argument override an automatic platform ARG without declaring it", () => {
    const g = buildStageGraph(parseDockerfile("FROM alpine AS b-amd64\nFROM alpine AS b-arm64\nFROM b-$TARGETARCH\n"), { buildArgs: { TARGETARCH: "arm64" } });
    expect(g.stages[2]?.base).toEqual({ kind: "stage", index: 1 });
  });

  it("does not let an undeclared build argument reach FROM", () => {
    const g = buildStageGraph(parseDockerfile("FROM alpine:${TAG:-3.19}\n"), { buildArgs: { TAG: "edge" } });
    expect(g.stages[0]?.base).toEqual({ kind: "image", ref: "alpine:3.19", raw: "alpine:${TAG:-3.19}" });
    // BuildKit's UndefinedArgInFrom warning is a lint rule now (src/lint/rules/undefined-arg-in-from.ts).
    expect(g.diagnostics).toEqual([]);
  });

  it("never throws on hostile input", () => {
    for (const input of ["FROM", "FROM a AS", "COPY --from=", "FROM a\nCOPY --from= a b\n", "\u0000\n\r\r\n", "FROM a\nONBUILD", "FROM ${", "FROM a\nRUN --mount=\"\n"]) {
      expect(() => buildStageGraph(parseDockerfile(input))).not.toThrow();
    }
  });

  describe("a stage's ARG and ENV values that cannot expand", () => {
    const doubling = (count: number) => Array.from({ length: count }, (_, i) => `ARG V${i + 1}=\${V${i}}\${V${i}}`).join("\n");
    const lineOf = (text: string, needle: string) => text.slice(0, text.indexOf(needle)).split("\n").length;

    it("reports the expansion limit on the line that passes it, like a global ARG, and only once", () => {
      const text = `FROM alpine AS app\nARG V0=abcdefgh\n${doubling(20)}\nRUN echo $V20\n`;
      const problems = buildStageGraph(parseDockerfile(text)).diagnostics.filter((d) => d.code === "ExpansionError");
      expect(problems).toEqual([
        {
          code: "ExpansionError",
          severity: "error",
          message: `failed to process "\${V15}\${V15}": expanded value is longer than 262144 characters (Stagecraft's limit)`,
          range: expect.anything(),
          line: lineOf(text, "ARG V16="),
          stage: 0,
        },
      ]);
      expect(text.slice(problems[0]!.range.start, problems[0]!.range.end)).toBe("${V15}${V15}");
    });

    it("is an error only for a build that includes the stage (BuildKit expands them while building it)", () => {
      const text = `FROM alpine AS unused\nENV A=\${}\nFROM alpine AS app\nRUN true\n`;
      const [problem] = buildStageGraph(parseDockerfile(text)).diagnostics;
      expect(problem).toMatchObject({ code: "ExpansionError", severity: "warning", line: 2, stage: 0, message: 'failed to process "${}": syntax error: bad substitution' });
      const built = buildStageGraph(parseDockerfile(text), { target: "unused" }).diagnostics;
      expect(built).toMatchObject([{ code: "ExpansionError", severity: "error", line: 2 }]);
    });

    it("says nothing where an unknown base-image variable could decide it", () => {
      const text = "FROM alpine\nENV A=${HOME:?unset} B=${HOME:+$HOME}\nARG C=${PATH%%:*}\n";
      expect(buildStageGraph(parseDockerfile(text)).diagnostics).toEqual([]);
    });
  });
});
