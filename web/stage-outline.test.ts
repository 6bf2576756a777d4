import { describe, expect, it } from "vitest";
import { parseDockerfile } from "../src/index.ts";
import { DEFAULT_EXAMPLE } from "./store.ts";
import { outlineStages } from "./stage-outline.ts";

function outline(text: string) {
  return outlineStages(parseDockerfile(text));
}

describe("outlineStages", () => {
  it("finds the four stages of the default example, tiling the file from the first FROM", () => {
    const stages = outline(DEFAULT_EXAMPLE);
    expect(stages.map((s) => s.label)).toEqual(["base", "builder", "pruner", "final"]);
    expect(stages.map((s) => s.image)).toEqual([
      "node:${NODE_VERSION}-bookworm-slim",
      "base",
      "builder",
      "node:${NODE_VERSION}-bookworm-slim",
    ]);
    const lines = DEFAULT_EXAMPLE.split("\n");
    for (const [i, stage] of stages.entries()) {
      expect(lines[stage.startLine - 1]).toMatch(/^FROM /);
      const next = stages[i + 1];
      if (next !== undefined) expect(stage.endLine).toBe(next.startLine - 1);
    }
    expect(stages.at(-1)?.endLine).toBe(lines.length - 1); // the example ends with a newline
  });

  it("reads names case-insensitively and lowercases them, and labels unnamed stages by index", () => {
    const text = "FROM golang:1.23 as Build\nRUN go build\n\nFROM scratch\nCOPY --from=build /app /app\n";
    expect(outline(text)).toEqual([
      { index: 0, name: "build", label: "build", image: "golang:1.23", startLine: 1, endLine: 3 },
      { index: 1, name: null, label: "#1", image: "scratch", startLine: 4, endLine: 5 },
    ]);
  });

  it("skips flags and leaves instructions before the first FROM out of every stage", () => {
    const text = "ARG BASE=alpine\n# comment\nFROM --platform=$BUILDPLATFORM ${BASE} AS tools\nRUN true";
    expect(outline(text)).toEqual([
      { index: 0, name: "tools", label: "tools", image: "${BASE}", startLine: 3, endLine: 4 },
    ]);
  });

  it("ends the last stage on the last line whether or not the file ends with a newline", () => {
    expect(outline("FROM a\nRUN x\n\n")[0]?.endLine).toBe(3);
    expect(outline("FROM a\nRUN x")[0]?.endLine).toBe(2);
    expect(outline("FROM a")[0]?.endLine).toBe(1);
  });

  it("covers a FROM continued over several lines", () => {
    expect(outline("FROM alpine \\\n  AS x\n")).toEqual([
      { index: 0, name: "x", label: "x", image: "alpine", startLine: 1, endLine: 2 },
    ]);
  });

  it("does not take a lone AS or a second word for a name", () => {
    expect(outline("FROM alpine AS\n")[0]?.name).toBeNull();
    expect(outline("FROM alpine latest x\n")[0]?.name).toBeNull();
  });

  it("returns no stage for a file without FROM", () => {
    expect(outline("")).toEqual([]);
    expect(outline("# just a comment\nRUN echo hi\n")).toEqual([]);
  });
});
