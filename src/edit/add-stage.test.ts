/** addStage: templates filled from the file, four adds build base → builder → pruner → final. */
import { describe, expect, it } from "vitest";
import { addStage } from "./add-stage.ts";
import { suggestCopyPaths } from "./suggest-copy-paths.ts";
import { applyResult, edgeLines, errorOf, graphOf, treeOf } from "./test-helpers.ts";
import type { StageTemplate } from "./types.ts";

function addAll(start: string, templates: readonly StageTemplate[]): string {
  let text = start;
  for (const t of templates) text = applyResult(text, addStage(treeOf(text), t, graphOf(text).stages.length));
  return text;
}

describe("addStage", () => {
  it("builds the whole base → builder → pruner → final pattern in four adds, in the file's terms", () => {
    const start = "# An app.\nFROM node:22-alpine AS app\nWORKDIR /srv\nRUN npm ci\n";
    const text = addAll(start, ["base", "builder", "pruner", "final"]);
    expect(text).toBe(
      start +
        [
          "",
          "FROM node:22-alpine AS base",
          "WORKDIR /srv",
          "",
          "FROM base AS builder",
          "COPY . .",
          "RUN npm ci && npm run build",
          "",
          "FROM builder AS pruner",
          "RUN npm prune --omit=dev",
          "",
          "FROM base AS final",
          "COPY --from=pruner /srv /srv",
          "",
        ].join("\n"),
    );
    expect(edgeLines(graphOf(text)).filter((l) => !l.startsWith("from node"))).toEqual([
      "from base -> builder",
      "from builder -> pruner",
      "from base -> final",
      "copy pruner -> final",
    ]);
  });

  it("copies only the build output for a toolchain without a prune step, in lowercase and CRLF", () => {
    const start = "from golang:1.22 as tools\r\nrun go build ./...\r\n";
    const text = addAll(start, ["builder", "pruner"]);
    expect(text).toBe(start + "\r\nfrom golang:1.22 as builder\r\nworkdir /app\r\ncopy . .\r\nrun CGO_ENABLED=0 go build -o /out/app .\r\n\r\nfrom golang:1.22 as pruner\r\nworkdir /app\r\ncopy --from=builder /out/app /out/app\r\n");
  });

  it("inserts before a stage, renumbering --from=N, and names around taken names", () => {
    const start = "FROM alpine AS base\n\nFROM scratch\nCOPY --from=0 /etc/os-release /x\n";
    const text = applyResult(start, addStage(treeOf(start), "base", 1));
    expect(text).toBe("FROM alpine AS base\n\nFROM alpine AS base-2\nWORKDIR /app\n\nFROM scratch\nCOPY --from=0 /etc/os-release /x\n");
    const before = applyResult(start, addStage(treeOf(start), "empty", 0, "first"));
    expect(before).toBe("FROM alpine AS first\n\nFROM alpine AS base\n\nFROM scratch\nCOPY --from=1 /etc/os-release /x\n");
  });

  it("adds to an empty file and refuses bad places and names", () => {
    expect(applyResult("", addStage(treeOf(""), "base", 0))).toBe("FROM alpine:3.20 AS base\nWORKDIR /app\n");
    expect(errorOf(addStage(treeOf("FROM alpine\n"), "empty", 3))).toMatch(/#0 to #1/);
    expect(errorOf(addStage(treeOf("FROM alpine AS a\n"), "empty", 1, "a"))).toMatch(/already named/);
  });
});

describe("suggestCopyPaths", () => {
  it("proposes what others copy, the build output, then the WORKDIR", () => {
    const text = "FROM node:22 AS build\nWORKDIR /app\nRUN npm run build\nFROM build AS test\nFROM nginx\nWORKDIR /usr/share/nginx/html\nCOPY --from=build /app/public /x\n";
    expect(suggestCopyPaths(treeOf(text), 0)).toEqual({ sources: ["/app/public", "/app/dist", "/app"], dest: "/app/public" });
    expect(suggestCopyPaths(treeOf(text), 1, 2)).toEqual({ sources: ["/app"], dest: "/usr/share/nginx/html" });
    const go = "FROM golang AS build\nRUN go build -o /out/server ./cmd/server\n";
    expect(suggestCopyPaths(treeOf(go), 0)).toEqual({ sources: ["/out/server"], dest: "/out/server" });
  });
});
