/** renameStage: only name tokens change, every reference follows, BuildKit's name rules hold. */
import { describe, expect, it } from "vitest";
import { renameStage } from "./rename-stage.ts";
import { applyResult, edgeLines, errorOf, graphOf, treeOf } from "./test-helpers.ts";

const multi = [
  "# syntax=docker/dockerfile:1",
  "ARG PICK=build",
  "",
  "# Build the app.",
  "FROM node:20 AS build",
  "WORKDIR /app",
  "RUN --mount=type=cache,target=/root/.npm \\",
  "    # a comment inside the continuation",
  "    --mount=type=bind,from=build,source=/src,target=/x \\",
  "    npm ci",
  "COPY <<EOF /etc/motd",
  "FROM build is not an instruction inside a heredoc",
  "EOF",
  "",
  "from build as test",
  "run npm test",
  "ONBUILD COPY --from=BUILD /a /a",
  "",
  "FROM ${PICK} AS picked",
  "",
  "FROM nginx",
  "COPY --from=Build /app/dist /usr/share/nginx/html",
  "COPY --from=0 /app/x /x",
  "",
].join("\n");

describe("renameStage", () => {
  it("changes the alias and every reference, and nothing else", () => {
    const result = renameStage(treeOf(multi), 0, "builder");
    const after = applyResult(multi, result);
    expect(after).toBe(
      multi
        .replace("FROM node:20 AS build", "FROM node:20 AS builder")
        .replace("from=build,source", "from=builder,source")
        .replace("from build as test", "from builder as test")
        .replace("--from=BUILD", "--from=builder")
        .replace("--from=Build", "--from=builder"),
    );
    expect("notes" in result && result.notes).toEqual([
      "Line 19: FROM ${PICK} picks stage build through a build argument; it was left as it is.",
      'Line 2: ARG PICK defaults to "build"; it was left as it is.',
    ]);
    // The same graph with one name changed, except the FROM that named the stage through ARG PICK
    // (reported above): it now names an image called build.
    const expected = edgeLines(graphOf(multi)).map((l) => l.replaceAll(/\bbuild\b/g, "builder"));
    expect(edgeLines(graphOf(after))).toEqual(expected.map((l) => (l === "from builder -> picked" ? "from build -> picked" : l)));
  });

  it("adds AS in the FROM keyword's case to an unnamed stage", () => {
    expect(applyResult("from alpine\nrun ls\n", renameStage(treeOf("from alpine\nrun ls\n"), 0, "base"))).toBe("from alpine as base\nrun ls\n");
    expect(applyResult("FROM alpine\r\n", renameStage(treeOf("FROM alpine\r\n"), 0, "base"))).toBe("FROM alpine AS base\r\n");
    const flagged = "FROM --platform=$BUILDPLATFORM golang:1.22";
    expect(applyResult(flagged, renameStage(treeOf(flagged), 0, "build"))).toBe(`${flagged} AS build`);
  });

  it("keeps a backtick-escaped file and its continuations intact", () => {
    const text = "# escape=`\nFROM mcr.microsoft.com/windows/servercore AS win\nRUN dir `\n    C:\\\nFROM win\nCOPY --from=win C:\\app C:\\app\n";
    expect(applyResult(text, renameStage(treeOf(text), 0, "base"))).toBe(text.replace("AS win", "AS base").replace("FROM win", "FROM base").replace("--from=win", "--from=base"));
  });

  it("leaves references to another stage of the same name alone", () => {
    const text = "FROM alpine AS tools\nFROM tools AS a\nFROM busybox AS tools\nFROM tools\nCOPY --from=tools /x /x\n";
    // FROM tools in stage 1 means stage 0; FROM tools in stage 3 and --from=tools mean stage 2.
    const after = applyResult(text, renameStage(treeOf(text), 0, "first"));
    expect(after).toBe("FROM alpine AS first\nFROM first AS a\nFROM busybox AS tools\nFROM tools\nCOPY --from=tools /x /x\n");
  });

  it("does nothing when the name does not change", () => {
    expect(renameStage(treeOf("FROM alpine AS a\n"), 0, "a")).toEqual({ edits: [] });
  });

  it("refuses names BuildKit rejects, reserved names, uppercase and taken names", () => {
    const tree = treeOf("FROM alpine AS a\nFROM alpine AS b\nFROM nginx\nCOPY --from=redis /x /x\n");
    expect(errorOf(renameStage(tree, 0, "1st"))).toMatch(/not a valid stage name/);
    expect(errorOf(renameStage(tree, 0, "my stage"))).toMatch(/not a valid stage name/);
    expect(errorOf(renameStage(tree, 0, ""))).toMatch(/cannot be empty/);
    expect(errorOf(renameStage(tree, 0, "Builder"))).toBe('Stage names are lowercase in BuildKit: use "builder".');
    expect(errorOf(renameStage(tree, 0, "scratch"))).toMatch(/reserved/);
    expect(errorOf(renameStage(tree, 0, "b"))).toBe('Stage #1 is already named "b".');
    expect(errorOf(renameStage(tree, 9, "x"))).toMatch(/There is no stage #9/);
  });

  it("refuses a name that other lines use for an image", () => {
    const tree = treeOf("FROM alpine AS a\nFROM nginx\nCOPY --from=redis /x /x\n");
    expect(errorOf(renameStage(tree, 0, "redis"))).toBe(
      'Line 3 uses "redis" as an image (COPY --from); naming stage a "redis" would make it use the stage instead.',
    );
    expect(errorOf(renameStage(tree, 0, "nginx"))).toMatch(/Line 2 uses "nginx" as an image \(FROM\)/);
  });
});
