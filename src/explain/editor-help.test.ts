import { describe, expect, it } from "vitest";
import { buildStageGraph } from "../graph/build-stage-graph.ts";
import { parseDockerfile } from "../syntax/parse.ts";
import { completionsAt, hoverAt } from "./editor-help.ts";
import { instructionDocs, mountDocs } from "./instruction-docs.ts";

/** Completion labels at the `|` in the text. */
function complete(textWithCursor: string, withGraph = false): string[] | null {
  const offset = textWithCursor.indexOf("|");
  const text = textWithCursor.replace("|", "");
  const tree = parseDockerfile(text);
  const result = completionsAt(tree, offset, withGraph ? buildStageGraph(tree) : null);
  if (result === null) return null;
  for (const item of result.items) expect(text.slice(result.range.start, result.range.end).length).toBeLessThanOrEqual(item.label.length + 1);
  return result.items.map((i) => i.label);
}

function hover(textWithCursor: string): string | null {
  const offset = textWithCursor.indexOf("|");
  return hoverAt(parseDockerfile(textWithCursor.replace("|", "")), offset)?.markdown ?? null;
}

describe("docs as data", () => {
  it("has a summary and an example for every instruction, flag and mount option", () => {
    expect(instructionDocs.map((d) => d.name)).toHaveLength(18);
    for (const doc of [...instructionDocs, ...instructionDocs.flatMap((d) => d.flags), ...mountDocs, ...mountDocs.flatMap((m) => m.options)]) {
      expect(doc.summary.length).toBeGreaterThan(20);
      expect(doc.example.length).toBeGreaterThan(1);
    }
  });
});

describe("hoverAt", () => {
  it("documents keywords, flags and --mount fields", () => {
    expect(hover("FROM alpine\nCO|PY --from=a x y\n")).toMatch(/^\*\*COPY\*\*/);
    expect(hover("FROM alpine\nCOPY --fr|om=a x y\n")).toMatch(/^\*\*--from\*\*/);
    expect(hover("FROM a\nRUN --mount=type=cache,tar|get=/root/.npm npm ci\n")).toMatch(/^\*\*target\*\*[\s\S]*cache appears/);
    expect(hover("FROM a\nRUN --mount=ty|pe=secret,id=x cat /run/secrets/x\n")).toMatch(/^\*\*type=secret\*\*/);
    expect(hover("FROM a\nonbuild ru|n make\n")).toMatch(/^\*\*RUN\*\*/);
    expect(hover("FROM a\nRUN make |all\n")).toBeNull();
    expect(hover("# just a comm|ent\n")).toBeNull();
  });
});

describe("completionsAt", () => {
  it("offers instructions at the start of a line", () => {
    expect(complete("FROM a\nCO|")).toEqual(["COPY"]);
    expect(complete("FROM a\n|")).toContain("HEALTHCHECK");
    expect(complete("FROM a\nONBUILD R|")).toEqual(["RUN"]);
  });

  it("offers earlier stage names after --from=, with their role", () => {
    const text = "FROM node AS Build\nRUN make\nFROM alpine AS tools\nFROM alpine\nCOPY --from=|";
    expect(complete(text)).toEqual(["Build", "tools"]);
    expect(complete(text.replace("--from=|", "--from=to|"))).toEqual(["tools"]);
    const offset = text.indexOf("|");
    const tree = parseDockerfile(text.replace("|", ""));
    expect(completionsAt(tree, offset, buildStageGraph(tree))?.items[0]?.detail).toBe("other stage, line 1");
  });

  it("offers stage names and scratch after FROM, then AS", () => {
    expect(complete("FROM node AS base\nFROM |")).toEqual(["base", "scratch"]);
    expect(complete("FROM node AS base\nFROM --platform=$BUILDPLATFORM b|")).toEqual(["base"]);
    expect(complete("FROM node AS base\nFROM base |")).toEqual(["AS"]);
    expect(complete("FROM node AS base\nFROM base AS x|")).toBeNull();
  });

  it("offers the flags of the instruction", () => {
    expect(complete("FROM a\nCOPY --c|")).toEqual(["--chown", "--chmod"]);
    expect(complete("FROM a\nRUN --|")).toEqual(["--mount", "--network", "--security", "--device"]);
    expect(complete("FROM a\nRUN \\\n  --n|")).toEqual(["--network"]);
  });

  it("offers --mount types, the options of the type, and stages after from=", () => {
    expect(complete("FROM a\nRUN --mount=|")).toEqual([...mountDocs.map((m) => m.name), "target", "source", "from", "rw"]);
    expect(complete("FROM a\nRUN --mount=type=cache,s|")).toEqual(["sharing", "source"]);
    expect(complete("FROM a AS deps\nFROM a\nRUN --mount=type=bind,from=|")).toEqual(["deps"]);
  });

  it("offers nothing in comments or plain arguments", () => {
    expect(complete("# COPY --from=|")).toBeNull();
    expect(complete("FROM a\nRUN make |")).toBeNull();
  });
});
