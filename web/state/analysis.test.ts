import { describe, expect, it } from "vitest";
import { analyze, imageKey, stageAtOffset, stageKey } from "./analysis.ts";

const TEXT = [
  "ARG BASE=alpine", // 0
  "# the builder",
  "FROM ${BASE} AS build",
  "RUN make",
  "",
  "FROM scratch",
  "COPY --from=build /out /out",
  "",
].join("\n");

describe("stageAtOffset", () => {
  const { graph } = analyze(TEXT, null, {});
  const offsetOf = (needle: string) => TEXT.indexOf(needle);

  it("finds no stage before the first one starts", () => {
    expect(stageAtOffset(graph, 0)).toBeNull();
    expect(stageAtOffset(graph, offsetOf("BASE=alpine"))).toBeNull();
  });

  it("counts the comment above FROM as part of its stage", () => {
    expect(stageAtOffset(graph, offsetOf("# the builder"))?.name).toBe("build");
  });

  it("gives the stage whose block holds the offset, blank lines included, up to the next stage", () => {
    expect(stageAtOffset(graph, offsetOf("FROM ${BASE}"))?.name).toBe("build");
    expect(stageAtOffset(graph, offsetOf("RUN make") + 3)?.name).toBe("build");
    expect(stageAtOffset(graph, offsetOf("FROM scratch") - 1)?.name).toBe("build");
    expect(stageAtOffset(graph, offsetOf("FROM scratch"))?.index).toBe(1);
    expect(stageAtOffset(graph, TEXT.length)?.index).toBe(1);
  });

  it("finds nothing in a file without stages", () => {
    expect(stageAtOffset(analyze("# nothing\n", null, {}).graph, 3)).toBeNull();
  });
});

describe("analyze", () => {
  it("keys stages by name or #index, and images by ref", () => {
    const { graph } = analyze(TEXT, null, {});
    expect(graph.stages.map(stageKey)).toEqual(["build", "#1"]);
    expect(graph.images.map((i) => imageKey(i.ref))).toEqual(["image:alpine"]);
  });

  it("derives the graph once for the same inputs, and again when one changes", () => {
    const args = { BASE: "debian" };
    const first = analyze(TEXT, null, args);
    expect(analyze(TEXT, null, args)).toBe(first);
    const retargeted = analyze(TEXT, "build", args);
    expect(retargeted).not.toBe(first);
    expect(retargeted.tree).toBe(first.tree);
    expect(retargeted.graph.images.map((i) => i.ref)).toEqual(["debian"]);
    expect(analyze(`${TEXT}\n`, "build", args).tree).not.toBe(first.tree);
  });
});
