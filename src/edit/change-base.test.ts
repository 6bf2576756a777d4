/** changeBase: the FROM word only; flags, name and comments stay. */
import { describe, expect, it } from "vitest";
import { changeBase } from "./change-base.ts";
import { applyResult, errorOf, treeOf } from "./test-helpers.ts";

describe("changeBase", () => {
  const text = "FROM alpine AS a\n# b\nFROM --platform=$BUILDPLATFORM node:20 AS b\nFROM b AS c\n";

  it("replaces the image word, by an image or an earlier stage's name", () => {
    expect(applyResult(text, changeBase(treeOf(text), 1, "node:22-slim"))).toBe(text.replace("node:20", "node:22-slim"));
    expect(applyResult(text, changeBase(treeOf(text), 1, 0))).toBe(text.replace("node:20", "a"));
    expect(applyResult(text, changeBase(treeOf(text), 2, "scratch"))).toBe(text.replace("FROM b AS c", "FROM scratch AS c"));
    expect(applyResult(text, changeBase(treeOf(text), 1, "${BASE}"))).toBe(text.replace("node:20", "${BASE}"));
    expect(changeBase(treeOf(text), 1, "node:20")).toEqual({ edits: [] });
  });

  it("adds the image to a FROM that has none, after its flags", () => {
    expect(applyResult("FROM --platform=linux/amd64\n", changeBase(treeOf("FROM --platform=linux/amd64\n"), 0, "alpine"))).toBe("FROM --platform=linux/amd64 alpine\n");
  });

  it("refuses later stages, itself, bad references and unnamed stages", () => {
    expect(errorOf(changeBase(treeOf(text), 0, 2))).toMatch(/FROM can only use a stage above it: stage c comes after stage a/);
    expect(errorOf(changeBase(treeOf(text), 0, "c"))).toMatch(/is the name of stage #2, which comes after stage a/);
    expect(errorOf(changeBase(treeOf(text), 1, 1))).toMatch(/cannot be built on itself/);
    expect(errorOf(changeBase(treeOf(text), 1, "Not:A:Ref"))).toMatch(/not a valid image reference/);
    expect(errorOf(changeBase(treeOf(text), 1, " "))).toMatch(/Name an image/);
    expect(errorOf(changeBase(treeOf("FROM alpine\nFROM x\n"), 1, 0))).toMatch(/has no name/);
  });
});
