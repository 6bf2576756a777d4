/** moveStage: the block moves whole, separations stay, references never point forward. */
import { describe, expect, it } from "vitest";
import { moveStage } from "./move-stage.ts";
import { applyResult, edgeLines, errorOf, graphOf, treeOf } from "./test-helpers.ts";

const text = "ARG V=1\n\n# lint\nFROM golangci/golangci-lint AS lint\nRUN lint \\\n  ./...\n\nFROM golang AS build\nRUN go build\n\nfrom alpine\ncopy --from=1 /out /out\n";

describe("moveStage", () => {
  it("moves a stage down, keeping the blank line between stages and renumbering --from=N", () => {
    const after = applyResult(text, moveStage(treeOf(text), 0, 1));
    expect(after).toBe("ARG V=1\n\nFROM golang AS build\nRUN go build\n\n# lint\nFROM golangci/golangci-lint AS lint\nRUN lint \\\n  ./...\n\nfrom alpine\ncopy --from=0 /out /out\n");
    expect(edgeLines(graphOf(after))).toEqual(["from golang -> build", "from golangci/golangci-lint -> lint", "from alpine -> stage-2", "copy build -> stage-2"]);
  });

  it("moves the last stage up, ending the moved text with a line ending", () => {
    const plain = "FROM alpine AS a\n\nFROM busybox AS b";
    expect(applyResult(plain, moveStage(treeOf(plain), 1, 0))).toBe("FROM busybox AS b\n\nFROM alpine AS a\n");
    const crlf = "FROM alpine AS a\r\nFROM busybox AS b\r\n";
    expect(applyResult(crlf, moveStage(treeOf(crlf), 0, 1))).toBe("FROM busybox AS b\r\nFROM alpine AS a\r\n");
  });

  it("refuses a move after which a stage would be used before it is built", () => {
    expect(errorOf(moveStage(treeOf(text), 1, 2))).toBe("Stage build is used by COPY --from in stage #2, which would then come before it.");
    const chain = "FROM alpine AS base\nFROM base AS final\n";
    expect(errorOf(moveStage(treeOf(chain), 0, 1))).toBe("Stage base is used by FROM in stage final, which would then come before it.");
    expect(errorOf(moveStage(treeOf(chain), 0, 5))).toMatch(/can move to #0 to #1/);
  });

  it("refuses a move that would make a repeated name mean another stage", () => {
    const dup = "FROM alpine AS x\nFROM busybox AS x\nFROM scratch\nCOPY --from=x /a /a\n";
    expect(errorOf(moveStage(treeOf(dup), 0, 1))).toMatch(/would change what it or another stage uses/);
  });
});
