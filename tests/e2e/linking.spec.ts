/**
 * The editor and the canvas point at each other: a node click selects its lines, the cursor
 * highlights its stage, an edge hover highlights its instruction.
 */
import { edgeElement, edgeMidpoint, expect, moveCursorToLine, readDecoratedLines, readEditorSelection, stageNode, test } from "./app.ts";
import { EXAMPLE, lineOf } from "./scenarios.ts";

const EXAMPLE_LINES = EXAMPLE.split("\n");

/** The example's stages: the FROM line of each, and the line of its last instruction. */
const STAGE_LINES = {
  base: { from: lineOf(EXAMPLE, "AS base"), last: lineOf(EXAMPLE, "WORKDIR /app") },
  builder: { from: lineOf(EXAMPLE, "AS builder"), last: lineOf(EXAMPLE, "RUN pnpm run build") },
  pruner: { from: lineOf(EXAMPLE, "AS pruner"), last: lineOf(EXAMPLE, "pnpm prune --prod") },
};

for (const [key, lines] of Object.entries(STAGE_LINES)) {
  test(`clicking the ${key} node selects its lines in the editor`, async ({ app }) => {
    await stageNode(app, key).click();
    await expect.poll(async () => (await readEditorSelection(app))?.endLine).toBe(lines.last);
    // From the FROM line, or from the comments just above it that introduce the stage.
    const { startLine } = (await readEditorSelection(app))!;
    expect(startLine).toBeLessThanOrEqual(lines.from);
    const above = EXAMPLE_LINES.slice(startLine - 1, lines.from - 1);
    expect(above.every((line) => line.startsWith("#")), `lines ${startLine}..${lines.from - 1} are the stage's own comments`).toBe(true);
  });
}

const AT_CURSOR = /\bis-cursor\b/;

test("the stage under the editor's cursor is highlighted on the canvas", async ({ app }) => {
  await moveCursorToLine(app, STAGE_LINES.builder.from + 2);
  await expect(stageNode(app, "builder")).toHaveClass(AT_CURSOR);
  await expect(stageNode(app, "pruner")).not.toHaveClass(AT_CURSOR);

  await moveCursorToLine(app, STAGE_LINES.pruner.from + 1);
  await expect(stageNode(app, "pruner")).toHaveClass(AT_CURSOR);
  await expect(stageNode(app, "builder")).not.toHaveClass(AT_CURSOR);
});

const EDGE_LINES = [
  { edge: { kind: "copy", source: "pruner", target: "final" }, line: lineOf(EXAMPLE, "COPY --from=pruner") },
  { edge: { kind: "from", source: "builder", target: "pruner" }, line: lineOf(EXAMPLE, "AS pruner") },
];

for (const { edge, line } of EDGE_LINES) {
  test(`hovering the ${edge.kind} edge ${edge.source} → ${edge.target} highlights line ${line}`, async ({ app }) => {
    const element = edgeElement(app, edge).first();
    const at = await edgeMidpoint(element);
    await app.mouse.move(at.x, at.y);
    await expect.poll(() => readDecoratedLines(app, "sc-highlight-line")).toEqual([{ startLine: line, endLine: line }]);
    // Moving away takes the highlight off.
    await app.mouse.move(5, 5);
    await expect.poll(() => readDecoratedLines(app, "sc-highlight-line")).toEqual([]);
  });
}

test.describe("two stages with one name (an error BuildKit reports)", () => {
  const TWICE = "FROM alpine AS build\nRUN echo one\n\nFROM busybox AS build\nRUN echo two\n";
  test.use({ seed: { text: TWICE } });

  test("each is its own node: clicking the second selects it, the cursor in it highlights it", async ({ app }) => {
    await stageNode(app, "build~2").click();
    await expect(app.getByText("STAGE 1", { exact: false }).first()).toBeVisible();
    await expect.poll(async () => (await readEditorSelection(app))?.startLine).toBe(4);
    await moveCursorToLine(app, 5);
    await expect(stageNode(app, "build~2")).toHaveClass(AT_CURSOR);
    await expect(stageNode(app, "build")).not.toHaveClass(AT_CURSOR);
  });
});
