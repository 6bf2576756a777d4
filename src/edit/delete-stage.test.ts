/** deleteStage: the block with its comments and one separation; refused while used unless forced. */
import { describe, expect, it } from "vitest";
import { deleteStage } from "./delete-stage.ts";
import { applyResult, edgeLines, errorOf, graphOf, treeOf } from "./test-helpers.ts";

const text = "# escape=`\n\n# tools\nFROM alpine AS tools\nRUN apk add `\n    git\n\n# ---- section ----\n\n# the app\nFROM alpine AS app\nCOPY <<EOF /x\nhi\nEOF\n\nFROM scratch\nCOPY --from=1 /x /x\n";

describe("deleteStage", () => {
  it("removes a middle stage with its comment block and the blank lines after it; detached comments stay", () => {
    const after = applyResult(text, deleteStage(treeOf(text), 0));
    expect(after).toBe("# escape=`\n\n# ---- section ----\n\n# the app\nFROM alpine AS app\nCOPY <<EOF /x\nhi\nEOF\n\nFROM scratch\nCOPY --from=0 /x /x\n");
    expect(edgeLines(graphOf(after))).toEqual(["from alpine -> app", "copy app -> stage-1"]);
  });

  it("removes the last stage with the blank lines before it", () => {
    expect(applyResult(text, deleteStage(treeOf(text), 2, { force: true }))).toBe(text.replace("\n\nFROM scratch\nCOPY --from=1 /x /x\n", "\n"));
  });

  it("refuses while another stage uses it, naming each use, unless forced", () => {
    expect(errorOf(deleteStage(treeOf(text), 1))).toBe("Stage app is used by stage #2 (COPY --from, line 17). Remove those uses first, or delete it anyway.");
    const forced = deleteStage(treeOf(text), 1, { force: true });
    expect("notes" in forced && forced.notes?.length).toBe(1);
    const crlf = "FROM alpine AS a\r\n\r\nFROM a AS b\r\n\r\nFROM b\r\n";
    expect(applyResult(crlf, deleteStage(treeOf(crlf), 1, { force: true }))).toBe("FROM alpine AS a\r\n\r\nFROM b\r\n");
  });

  it("deletes the only stage", () => {
    expect(applyResult("ARG X=1\nFROM alpine\n", deleteStage(treeOf("ARG X=1\nFROM alpine\n"), 0))).toBe("ARG X=1\n");
  });
});
