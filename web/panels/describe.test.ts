import { describe, expect, it } from "vitest";
import { analyze, hookKey, stageKey } from "../state/analysis.ts";
import { DEFAULT_EXAMPLE } from "../state/store.ts";
import {
  describeBase,
  describeFinalImage,
  describePaths,
  describeStep,
  explainReachability,
  findStage,
  findStageLines,
  formatLines,
  instructionSelection,
  listInputs,
  listUsers,
  summarizeInstruction,
} from "./describe.ts";

const graphOf = (text: string, target: string | null = null, args: Record<string, string> = {}) => analyze(text, target, args).graph;
const spans = (text: string) => graphOf(text).stages.map((s) => ({ key: hookKey(stageKey(s)), ...findStageLines(s) }));

describe("stage keys and line spans", () => {
  it("lists the four stages of the default example, each from its FROM line", () => {
    const graph = graphOf(DEFAULT_EXAMPLE);
    expect(graph.stages.map((s) => hookKey(stageKey(s)))).toEqual(["base", "builder", "pruner", "final"]);
    expect(graph.stages.map((s) => s.stage.from.image?.value)).toEqual([
      "node:${NODE_VERSION}-bookworm-slim",
      "base",
      "builder",
      "node:${NODE_VERSION}-bookworm-slim",
    ]);
    const lines = DEFAULT_EXAMPLE.split("\n");
    const stages = spans(DEFAULT_EXAMPLE);
    for (const [i, stage] of stages.entries()) {
      expect(lines[stage.first - 1]).toMatch(/^FROM /);
      const next = stages[i + 1];
      if (next !== undefined) expect(stage.last).toBeLessThan(next.first);
    }
  });

  it("lowercases names (BuildKit matches them case-insensitively) and keys unnamed stages by index", () => {
    const text = "FROM golang:1.23 as Build\nRUN go build\n\nFROM scratch\nCOPY --from=build /app /app\n";
    expect(spans(text)).toEqual([
      { key: "build", first: 1, last: 2 },
      { key: "#1", first: 4, last: 5 },
    ]);
  });

  it("skips flags and leaves instructions before the first FROM out of every stage", () => {
    const text = "ARG BASE=alpine\n# comment\nFROM --platform=$BUILDPLATFORM ${BASE} AS tools\nRUN true";
    expect(spans(text)).toEqual([{ key: "tools", first: 3, last: 4 }]);
  });

  it("ends a stage on its last instruction's last line, continuations and heredocs included", () => {
    expect(spans("FROM a\nRUN x\n\n")).toEqual([{ key: "#0", first: 1, last: 2 }]);
    expect(spans("FROM a")).toEqual([{ key: "#0", first: 1, last: 1 }]);
    expect(spans("FROM alpine \\\n  AS x\n")).toEqual([{ key: "x", first: 1, last: 2 }]);
    expect(spans("FROM a\nRUN <<EOF\necho hi\nEOF\n")).toEqual([{ key: "#0", first: 1, last: 4 }]);
  });

  it("does not take a lone AS or a second word for a name", () => {
    expect(spans("FROM alpine AS\n")[0]?.key).toBe("#0");
    expect(spans("FROM alpine latest x\n")[0]?.key).toBe("#0");
  });

  it("has no stage without FROM", () => {
    expect(spans("")).toEqual([]);
    expect(spans("# just a comment\nRUN echo hi\n")).toEqual([]);
  });

  it("formats one line and a range of lines", () => {
    expect(formatLines({ first: 4, last: 4 })).toBe("line 4");
    expect(formatLines({ first: 4, last: 9 })).toBe("lines 4–9");
  });

  it("finds a stage by key", () => {
    const graph = graphOf("FROM a AS x\nFROM b\n");
    expect(findStage(graph, "stage:x")?.index).toBe(0);
    expect(findStage(graph, "stage:#1")?.index).toBe(1);
    expect(findStage(graph, "stage:#0")).toBeNull();
    expect(findStage(graph, "image:a")).toBeNull();
    // A name used twice (an error BuildKit reports): each stage still has its own key.
    const twice = graphOf("FROM a AS build\nFROM b AS build\n");
    expect(twice.stages.map(stageKey)).toEqual(["stage:build", "stage:build~2"]);
    expect(findStage(twice, "stage:build~2")?.index).toBe(1);
  });
});

const BUILD = [
  "ARG VARIANT=alpine",
  "FROM node:22-${VARIANT} AS base",
  "FROM base AS builder",
  "RUN --mount=type=cache,target=/root/.npm npm ci",
  "FROM base AS tools",
  "RUN make tools",
  "FROM builder AS pruner",
  "RUN --mount=type=bind,from=tools,source=/etc,target=/mnt/etc true",
  "FROM base AS final",
  "COPY --from=pruner /app/node_modules /app/dist ./",
  "COPY --from=busybox:1.36 /bin/busybox /bin/",
  "",
].join("\n");

describe("why a stage is built", () => {
  const graph = graphOf(BUILD);
  const index = (key: string) => findStage(graph, `stage:${key}`)!.index;

  it("names the default target and a chosen one", () => {
    expect(explainReachability(graph, index("final"), null)).toEqual({ kind: "target", isDefault: true });
    const chosen = graphOf(BUILD, "pruner");
    expect(explainReachability(chosen, findStage(chosen, "stage:pruner")!.index, "pruner")).toEqual({ kind: "target", isDefault: false });
  });

  it("gives the shortest chain of uses from the target", () => {
    const reach = explainReachability(graph, index("builder"), null);
    expect(reach).toEqual({
      kind: "needed",
      path: [
        { from: "final", to: "pruner", kind: "copy", line: 10 },
        { from: "pruner", to: "builder", kind: "from", line: 7 },
      ],
    });
    expect(reach.kind === "needed" && reach.path.map(describeStep)).toEqual(["final copies from pruner (line 10)", "pruner is built FROM builder"]);
    const tools = explainReachability(graph, index("tools"), null);
    expect(tools.kind === "needed" && tools.path.map(describeStep)).toEqual(["final copies from pruner (line 10)", "pruner mounts tools (line 8)"]);
  });

  it("says the target does not need a stage it skips, and that nothing is built without a target", () => {
    const chosen = graphOf(BUILD, "builder");
    expect(explainReachability(chosen, findStage(chosen, "stage:final")!.index, "builder")).toEqual({ kind: "unneeded", target: "builder" });
    const missing = graphOf(BUILD, "nope");
    expect(explainReachability(missing, 0, "nope")).toEqual({ kind: "no-target" });
  });
});

describe("what flows between nodes", () => {
  const graph = graphOf(BUILD);
  const stage = (key: string) => findStage(graph, `stage:${key}`)!;

  it("describes a base as a stage, an image (expanded with the build args) or scratch", () => {
    expect(describeBase(graph, stage("builder"))).toEqual({ text: "base", key: "stage:base" });
    expect(describeBase(graph, stage("base"))).toEqual({ text: "node:22-alpine", key: "image:node:22-alpine" });
    const other = graphOf(BUILD, null, { VARIANT: "slim" });
    expect(describeBase(other, findStage(other, "stage:base")!).text).toBe("node:22-slim");
    expect(describeBase(graphOf("FROM scratch\n"), graphOf("FROM scratch\n").stages[0]!).key).toBeNull();
  });

  it("lists a stage's inputs: copies and mounts from stages and images, with paths", () => {
    const inputs = listInputs(graph, stage("final").index);
    expect(inputs.map((i) => [i.kind, hookKey(i.other), describePaths(i), i.line])).toEqual([
      ["copy", "pruner", "/app/node_modules, /app/dist → ./", 10],
      ["copy", "image:busybox:1.36", "/bin/busybox → /bin/", 11],
    ]);
    expect(listInputs(graph, stage("pruner").index).map((i) => [i.kind, hookKey(i.other), describePaths(i)])).toEqual([["mount", "tools", "/etc → /mnt/etc"]]);
  });

  it("lists who uses a stage or an image, FROM included", () => {
    expect(listUsers(graph, { kind: "stage", index: stage("base").index }).map((u) => [u.kind, hookKey(u.other)])).toEqual([
      ["from", "builder"],
      ["from", "tools"],
      ["from", "final"],
    ]);
    expect(listUsers(graph, { kind: "image", ref: "busybox:1.36" }).map((u) => [u.kind, hookKey(u.other)])).toEqual([["copy", "final"]]);
  });

  it("describes the final image: the chain of bases and what is copied into it", () => {
    const final = describeFinalImage(graph)!;
    expect(final.target).toBe("final");
    expect(final.chain.map(hookKey)).toEqual(["final", "base", "image:node:22-alpine"]);
    expect(final.copies.map((c) => [hookKey(c.into), hookKey(c.other)])).toEqual([
      ["final", "pruner"],
      ["final", "image:busybox:1.36"],
    ]);
    expect(final.mounts).toEqual([]);

    const pruner = describeFinalImage(graphOf(BUILD, "pruner"))!;
    expect(pruner.chain.map(hookKey)).toEqual(["pruner", "builder", "base", "image:node:22-alpine"]);
    expect(pruner.mounts.map((m) => [hookKey(m.into), hookKey(m.other)])).toEqual([["pruner", "tools"]]);
    expect(describeFinalImage(graphOf("FROM scratch AS s\n"))!.chain.map(hookKey)).toEqual(["s", "scratch"]);
    expect(describeFinalImage(graphOf(""))).toBeNull();
  });

  it("writes paths with and without a destination", () => {
    expect(describePaths({ paths: ["a", "b"], dest: "/c" })).toBe("a, b → /c");
    expect(describePaths({ paths: [], dest: "/cache" })).toBe("→ /cache");
    expect(describePaths({ paths: ["a"], dest: null })).toBe("a");
  });
});

describe("instructions in the panel", () => {
  it("selects from the keyword to the last character, without the newline", () => {
    const text = "FROM a\n  RUN echo \\\n    hi\r\nCOPY x y";
    const graph = graphOf(text);
    const [run, copy] = graph.stages[0]!.stage.instructions.map((i) => i.node);
    const runRange = instructionSelection(text, run!);
    expect(text.slice(runRange.start, runRange.end)).toBe("RUN echo \\\n    hi");
    const copyRange = instructionSelection(text, copy!);
    expect(text.slice(copyRange.start, copyRange.end)).toBe("COPY x y");
  });

  it("summarises an instruction on one line, eliding long ones and naming heredocs", () => {
    const long = `FROM a\nRUN ${"x".repeat(100)}\nRUN <<EOF\necho\nEOF\n`;
    const [run, heredoc] = graphOf(long).stages[0]!.stage.instructions.map((i) => i.node);
    const summary = summarizeInstruction(run!, 20);
    expect(summary.text).toHaveLength(20);
    expect(summary.text.endsWith("…")).toBe(true);
    expect(summary.full).toBe(`RUN ${"x".repeat(100)}`);
    expect(summarizeInstruction(heredoc!).full).toContain("heredoc EOF");
  });
});
