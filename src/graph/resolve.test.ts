import { describe, expect, it } from "vitest";
import { resolveBaseName, resolveCopyFrom, resolveMountFrom } from "./resolve.ts";

const names = new Map([
  ["build", 0],
  ["tools", 2],
]);

describe("resolveBaseName (FROM after expansion)", () => {
  it("matches the exact lowercased name of an earlier stage, else scratch, else an image", () => {
    expect(resolveBaseName("build", names)).toEqual({ kind: "stage", index: 0 });
    expect(resolveBaseName("Build", names)).toEqual({ kind: "image", ref: "Build" });
    expect(resolveBaseName("scratch", names)).toEqual({ kind: "scratch" });
    expect(resolveBaseName("alpine:3.20", names)).toEqual({ kind: "image", ref: "alpine:3.20" });
  });
});

describe("resolveCopyFrom (COPY --from)", () => {
  it("reads Go integers as stage indexes, bounded by the number of stages", () => {
    expect(resolveCopyFrom("1", names, 3, "\\")).toEqual({ kind: "stage", index: 1 });
    expect(resolveCopyFrom("007", names, 9, "\\")).toEqual({ kind: "stage", index: 7 });
    expect(resolveCopyFrom("+2", names, 3, "\\")).toEqual({ kind: "stage", index: 2 });
    expect(resolveCopyFrom("3", names, 3, "\\")).toEqual({ kind: "error", code: "InvalidStageIndex", message: "invalid stage index 3" });
    expect(resolveCopyFrom("-0", names, 3, "\\")).toEqual({ kind: "stage", index: 0 });
  });

  it("treats integers Go cannot hold as names", () => {
    expect(resolveCopyFrom("99999999999999999999", names, 3, "\\")).toEqual({ kind: "image", ref: "99999999999999999999" });
  });

  it("looks names up case-insensitively, then falls back to scratch or an image", () => {
    expect(resolveCopyFrom("TOOLS", names, 3, "\\")).toEqual({ kind: "stage", index: 2 });
    expect(resolveCopyFrom("scratch", names, 3, "\\")).toEqual({ kind: "scratch" });
    expect(resolveCopyFrom("Scratch", names, 3, "\\")).toEqual({ kind: "image", ref: "Scratch" });
    expect(resolveCopyFrom("golang:1.22", names, 3, "\\")).toEqual({ kind: "image", ref: "golang:1.22" });
  });

  it("refuses anything the lexer would change", () => {
    for (const value of ["$X", "${X}", "a\\b", "a'b'"]) {
      expect(resolveCopyFrom(value, names, 3, "\\").kind).toBe("error");
    }
    expect(resolveCopyFrom("a\\b", names, 3, "`")).toEqual({ kind: "image", ref: "a\\b" });
    expect(resolveCopyFrom("a$", names, 3, "\\")).toEqual({ kind: "image", ref: "a$" });
  });
});

describe("resolveMountFrom (RUN --mount from=)", () => {
  it("has no indexes and looks up scratch when from is missing", () => {
    expect(resolveMountFrom("0", names)).toEqual({ kind: "image", ref: "0" });
    expect(resolveMountFrom("Build", names)).toEqual({ kind: "stage", index: 0 });
    expect(resolveMountFrom("", names)).toEqual({ kind: "scratch" });
    expect(resolveMountFrom("", new Map([["scratch", 4]]))).toEqual({ kind: "stage", index: 4 });
  });
});
