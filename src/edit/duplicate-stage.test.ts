/** duplicateStage: the copy comes right after, named, byte for byte; uses stay on the original. */
import { describe, expect, it } from "vitest";
import { duplicateStage } from "./duplicate-stage.ts";
import { applyResult, edgeLines, errorOf, graphOf, treeOf } from "./test-helpers.ts";

const build = [
  "# Build the binary.",
  "from golang:1.22 as build",
  "RUN --mount=type=cache,target=/root/.cache \\",
  "    go build -o /out/app",
  "COPY <<EOF /etc/note",
  "from is text here",
  "EOF",
  "",
].join("\n");
const tail = "FROM base\nCOPY --from=build /out/app /app\nCOPY --from=busybox /bin/sh /sh\n\nFROM scratch AS out\nCOPY --from=2 /app /app\n";
const text = `FROM alpine AS base\n\n${build}\n${tail}`;

describe("duplicateStage", () => {
  it("copies the block with its comment block and heredoc right after it, as build-copy, renumbering --from=N", () => {
    const result = duplicateStage(treeOf(text), 1);
    const after = applyResult(text, result);
    expect(after).toBe(`FROM alpine AS base\n\n${build}\n${build.replace("as build", "as build-copy")}\n${tail.replace("--from=2", "--from=3")}`);
    expect(result).toEqual({ edits: expect.any(Array) });
    expect(edgeLines(graphOf(after))).toEqual([
      "from alpine -> base",
      "from golang:1.22 -> build",
      "from golang:1.22 -> build-copy",
      "from base -> stage-3",
      "copy build -> stage-3",
      "copy busybox -> stage-3",
      "copy stage-3 -> out",
    ]);
  });

  it("finds a free name, and names an unnamed stage's copy", () => {
    const taken = "FROM alpine AS build\nFROM alpine AS build-copy\nRUN true\n";
    expect(applyResult(taken, duplicateStage(treeOf(taken), 0))).toBe("FROM alpine AS build\nFROM alpine AS build-copy-2\nFROM alpine AS build-copy\nRUN true\n");
    const unnamed = "FROM alpine\nRUN true\n\nFROM scratch AS out\n";
    expect(applyResult(unnamed, duplicateStage(treeOf(unnamed), 0))).toBe("FROM alpine\nRUN true\n\nFROM alpine AS stage-0-copy\nRUN true\n\nFROM scratch AS out\n");
  });

  it("keeps CRLF, the backtick escape and a missing final newline, and notes the new default target", () => {
    const win = "# escape=`\r\nFROM mcr.microsoft.com/windows/nanoserver:ltsc2022 AS app\r\nRUN echo `\r\n    hi";
    const result = duplicateStage(treeOf(win), 0, "app-arm");
    expect(applyResult(win, result)).toBe(`${win}\r\n\r\nFROM mcr.microsoft.com/windows/nanoserver:ltsc2022 AS app-arm\r\nRUN echo \`\r\n    hi`);
    expect(result).toEqual({ edits: expect.any(Array), notes: ["The copy app-arm is now the last stage: a build without --target builds it instead of stage app."] });
  });

  it("refuses a taken, invalid or image name", () => {
    const tree = treeOf(text);
    expect(errorOf(duplicateStage(tree, 1, "base"))).toBe('Stage #0 is already named "base".');
    expect(errorOf(duplicateStage(tree, 1, "-x"))).toMatch(/is not a valid stage name/);
    expect(errorOf(duplicateStage(tree, 1, "busybox"))).toBe('Line 13 uses "busybox" as an image (COPY --from); naming stage build "busybox" would make it use the stage instead.');
    // FROM only sees stages above it, so a name an earlier FROM uses for an image is free.
    expect(applyResult(text, duplicateStage(tree, 1, "alpine"))).toContain("from golang:1.22 as alpine\n");
    expect(errorOf(duplicateStage(tree, 7))).toBe("There is no stage #7: the file has 4 stages (#0 to #3).");
  });
});
