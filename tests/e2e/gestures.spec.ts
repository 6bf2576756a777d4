/**
 * Gestures on the canvas with the real mouse and keyboard: each changes the text by the core's
 * edit op, exactly, and one Ctrl+Z in the editor takes it back byte for byte. A refused gesture
 * changes nothing and says why beside the node.
 */
import type { Page } from "@playwright/test";
import { edgeElement, edgeMidpoint, expect, focusEditor, imageNode, readEditorText, readGraph, stageNode, test, toolbar } from "./app.ts";

const TEXT = [
  "# syntax=docker/dockerfile:1",
  "# the build",
  "FROM node:22 AS build",
  "WORKDIR /app",
  "RUN npm ci",
  "",
  "FROM build AS test",
  "RUN npm test",
  "",
  "FROM nginx AS final",
  "COPY --from=build /app/dist \\",
  "     /usr/share/nginx/html",
  "",
].join("\n");

/** Drags from the bottom handle of `from` (a stage, or `image:REF`) onto the body of `to`, with real mouse moves. */
async function dragConnection(page: Page, from: string, to: string): Promise<void> {
  const source = from.startsWith("image:") ? imageNode(page, from.slice("image:".length)) : stageNode(page, from);
  await source.hover();
  const handle = await source.getByTestId("handle-out").boundingBox();
  const target = await stageNode(page, to).boundingBox();
  if (handle === null || target === null) throw new Error("the nodes to connect are not visible");
  await page.mouse.move(handle.x + handle.width / 2, handle.y + handle.height / 2);
  await page.mouse.down();
  await page.mouse.move(target.x + target.width / 2, target.y + 20, { steps: 8 });
  await page.mouse.move(target.x + target.width / 2, target.y + target.height / 2, { steps: 4 });
  await page.mouse.up();
}

async function undoInEditor(page: Page): Promise<void> {
  await focusEditor(page);
  await page.keyboard.press("Control+z");
  await expect.poll(() => readEditorText(page)).toBe(TEXT);
}

test.describe("renaming a stage", () => {
  test.use({ seed: { text: TEXT } });

  test("double-click the title, type, Enter: the name and every reference change", async ({ app }) => {
    await stageNode(app, "build").getByTestId("stage-title").dblclick();
    const input = stageNode(app, "build").getByTestId("rename-input");
    await expect(input).toBeFocused();
    await app.keyboard.press("Control+a");
    await app.keyboard.type("compile");
    await app.keyboard.press("Enter");
    await expect.poll(() => readEditorText(app)).toBe(TEXT.replace("AS build", "AS compile").replace("FROM build", "FROM compile").replace("--from=build", "--from=compile"));
    await expect(stageNode(app, "compile")).toBeVisible();
    await undoInEditor(app);
  });

  test("F2 on the selected stage renames from the keyboard; Escape cancels", async ({ app }) => {
    await stageNode(app, "final").click();
    await app.keyboard.press("F2");
    await expect(stageNode(app, "final").getByTestId("rename-input")).toBeFocused();
    await app.keyboard.type("x");
    await app.keyboard.press("Escape");
    await expect(stageNode(app, "final").getByTestId("rename-input")).toBeHidden();
    expect(await readEditorText(app)).toBe(TEXT);
  });

  test("a taken name is refused: nothing changes and the reason shows beside the node", async ({ app }) => {
    await stageNode(app, "final").getByTestId("stage-title").dblclick();
    await app.keyboard.press("Control+a");
    await app.keyboard.type("build");
    await app.keyboard.press("Enter");
    await expect(app.getByRole("status").getByTestId("toast")).toBeVisible();
    expect(await readEditorText(app)).toBe(TEXT);
  });
});

test.describe("deleting a stage", () => {
  test.use({ seed: { text: TEXT } });

  test("Delete on an unused stage removes its block; Ctrl+Z brings it back", async ({ app }) => {
    await stageNode(app, "test").click();
    await app.keyboard.press("Delete");
    await expect(stageNode(app, "test")).toBeHidden();
    const after = await readEditorText(app);
    expect(after).not.toContain("FROM build AS test");
    expect(after).toContain("# the build\nFROM node:22 AS build");
    await undoInEditor(app);
  });

  test("Delete on a used stage asks first, listing its users; Cancel changes nothing", async ({ app }) => {
    await stageNode(app, "build").click();
    await app.keyboard.press("Delete");
    const dialog = app.getByTestId("confirm-dialog");
    await expect(dialog).toBeVisible();
    await expect(dialog).toContainText("final");
    await app.keyboard.press("Escape");
    await expect(dialog).toBeHidden();
    expect(await readEditorText(app)).toBe(TEXT);
  });
});

test.describe("connecting two stages", () => {
  test.use({ seed: { text: TEXT } });

  test("drag from a handle to a stage, choose copy, Enter: one COPY --from line after the others", async ({ app }) => {
    await dragConnection(app, "build", "final");
    const dialog = app.getByTestId("connect-dialog");
    await expect(dialog).toBeVisible();
    await expect(dialog.getByTestId("connect-kind")).toHaveValue("copy");
    await expect(dialog.getByTestId("connect-kind")).toBeFocused();
    await dialog.getByTestId("connect-sources").fill("/app/node_modules");
    await dialog.getByTestId("connect-dest").fill("/srv/node_modules");
    await app.keyboard.press("Enter");
    await expect(dialog).toBeHidden();
    const expected = TEXT.replace("     /usr/share/nginx/html\n", "     /usr/share/nginx/html\nCOPY --from=build /app/node_modules /srv/node_modules\n");
    await expect.poll(() => readEditorText(app)).toBe(expected);
    await expect(edgeElement(app, { kind: "copy", source: "build", target: "final" })).toHaveAttribute("data-count", "2");
    await undoInEditor(app);
  });

  test("from the keyboard: C on the selected stage, pick the stage and 'from': the stage is rebased", async ({ app }) => {
    await stageNode(app, "test").click();
    await app.keyboard.press("c");
    const dialog = app.getByTestId("connect-dialog");
    await expect(dialog.getByTestId("connect-target")).toBeFocused();
    await expect(dialog.getByTestId("connect-target")).toHaveValue("stage:final");
    await dialog.getByTestId("connect-kind").selectOption("from");
    await dialog.getByTestId("connect-kind").press("Enter");
    await expect(dialog).toBeHidden();
    await expect.poll(() => readEditorText(app)).toBe(TEXT.replace("FROM nginx AS final", "FROM test AS final"));
    await undoInEditor(app);
  });

  test("drag from an image to a stage and choose mount: the RUN line gets a bind mount of the image", async ({ app }) => {
    await dragConnection(app, "image:node:22", "test");
    const dialog = app.getByTestId("connect-dialog");
    await dialog.getByTestId("connect-kind").selectOption("mount");
    await expect(dialog.getByTestId("connect-run")).toContainText("RUN npm test");
    await expect(dialog.getByTestId("connect-dest")).toHaveValue("/mnt/node-22");
    await dialog.getByTestId("connect-apply").click();
    await expect(dialog).toBeHidden();
    const line = (await readEditorText(app)).split("\n").find((l) => l.includes("npm test"));
    expect(line).toMatch(/^RUN --mount=type=bind,from=node:22,target=\/mnt\/node-22 npm test$/);
    await expect(edgeElement(app, { kind: "mount", source: "image:node:22", target: "test" })).toBeVisible();
    await undoInEditor(app);
  });

  test("a connection BuildKit would refuse is refused in the dialog; Escape leaves the text as it was", async ({ app }) => {
    await dragConnection(app, "build", "final");
    const dialog = app.getByTestId("connect-dialog");
    await dialog.getByTestId("connect-sources").fill("");
    await app.keyboard.press("Enter");
    await expect(dialog.getByTestId("connect-error")).toContainText("at least one path");
    await app.keyboard.press("Escape");
    await expect(dialog).toBeHidden();
    expect(await readEditorText(app)).toBe(TEXT);
  });
});

test.describe("the context menu and connections", () => {
  test.use({ seed: { text: TEXT } });

  test("right-click a stage, Change base…: its FROM image changes and nothing else", async ({ app }) => {
    await stageNode(app, "build").click({ button: "right" });
    const menu = app.getByTestId("node-menu");
    await expect(menu).toBeVisible();
    await expect(menu.getByRole("menuitem")).toContainText(["Rename stage", "Delete stage build", "Set as build target", "Connect to a stage…", "Change base…", "Add stage after…"]);
    await menu.getByRole("menuitem", { name: "Change base…" }).click();
    const prompt = app.getByTestId("prompt-dialog");
    await expect(prompt.getByTestId("prompt-base")).toHaveValue("node:22");
    await app.keyboard.type("node:22-slim");
    await app.keyboard.press("Enter");
    await expect.poll(() => readEditorText(app)).toBe(TEXT.replace("FROM node:22 AS build", "FROM node:22-slim AS build"));
    await undoInEditor(app);
  });

  test("Shift+F10 on a focused stage opens its menu; arrows and Enter run an item", async ({ app }) => {
    await stageNode(app, "test").locator(".stage-node__body").focus();
    await app.keyboard.press("Shift+F10");
    const menu = app.getByTestId("node-menu");
    await expect(menu.getByRole("menuitem").first()).toBeFocused();
    await app.keyboard.press("Escape");
    await expect(menu).toBeHidden();
    await expect(stageNode(app, "test").locator(".stage-node__body")).toBeFocused();

    await app.keyboard.press("Shift+F10");
    await expect(menu.getByRole("menuitem").first()).toBeFocused();
    await app.keyboard.press("ArrowDown");
    await expect(menu.getByRole("menuitem", { name: "Delete stage test" })).toBeFocused();
    await app.keyboard.press("Enter");
    await expect(stageNode(app, "test")).toBeHidden();
    expect(await readEditorText(app)).toBe(TEXT.replace("FROM build AS test\nRUN npm test\n\n", ""));
    await undoInEditor(app);
  });

  test("click a copy edge and press Delete: its COPY line and continuation go; Ctrl+Z brings them back", async ({ app }) => {
    const edge = edgeElement(app, { kind: "copy", source: "build", target: "final" });
    const at = await edgeMidpoint(edge);
    await app.mouse.click(at.x, at.y);
    await expect(edge).toHaveAttribute("data-selected", "true");
    await app.keyboard.press("Delete");
    await expect.poll(() => readEditorText(app)).toBe(TEXT.replace("COPY --from=build /app/dist \\\n     /usr/share/nginx/html\n", ""));
    await expect(edge).toBeHidden();
    await undoInEditor(app);
  });

  test("from the keyboard: the remove button of a COPY in the stage's details removes that line", async ({ app }) => {
    await stageNode(app, "final").click();
    const remove = app.getByTestId("flow-remove");
    await remove.focus();
    await app.keyboard.press("Enter");
    await expect.poll(() => readEditorText(app)).toBe(TEXT.replace("COPY --from=build /app/dist \\\n     /usr/share/nginx/html\n", ""));
    await undoInEditor(app);
  });

  test("Add stage after… from the menu inserts a stage from a template, selected", async ({ app }) => {
    await stageNode(app, "test").click({ button: "right" });
    await app.getByTestId("node-menu").getByRole("menuitem", { name: "Add stage after…" }).click();
    const prompt = app.getByTestId("prompt-dialog");
    await prompt.getByTestId("prompt-template").selectOption("pruner");
    await prompt.getByTestId("prompt-name").fill("deps");
    await app.keyboard.press("Enter");
    await expect(stageNode(app, "deps")).toBeVisible();
    const text = await readEditorText(app);
    expect(text.indexOf("AS deps")).toBeGreaterThan(text.indexOf("AS test"));
    expect(text.indexOf("AS deps")).toBeLessThan(text.indexOf("AS final"));
    await undoInEditor(app);
  });
});

test.describe("moving stages and lines", () => {
  test.use({ seed: { text: TEXT } });

  const stageOrder = async (page: Page) => (await readEditorText(page)).match(/AS \w+/g);

  test("Alt+Down on a stage in the side panel's list moves its block down", async ({ app }) => {
    const row = app.getByTestId("stage").filter({ hasText: "test" }).getByRole("button");
    await row.focus();
    await app.keyboard.press("Alt+ArrowDown");
    await expect.poll(() => stageOrder(app)).toEqual(["AS build", "AS final", "AS test"]);
    await expect(app.getByTestId("stage").nth(2)).toHaveAttribute("data-stage-label", "test");
    await undoInEditor(app);
  });

  test("dragging a stage row above another moves it there; a move BuildKit would refuse is refused", async ({ app }) => {
    await app.getByTestId("stage").nth(2).dragTo(app.getByTestId("stage").nth(1), { targetPosition: { x: 20, y: 4 } });
    await expect.poll(() => stageOrder(app)).toEqual(["AS build", "AS final", "AS test"]);
    await undoInEditor(app);
    await app.getByTestId("stage").nth(0).dragTo(app.getByTestId("stage").nth(2), { targetPosition: { x: 20, y: 30 } });
    await expect(app.getByTestId("stage-list-refusal")).toContainText("build");
    expect(await readEditorText(app)).toBe(TEXT);
  });

  test("dragging an instruction line onto another stage moves the line there", async ({ app }) => {
    await stageNode(app, "test").locator("[data-instruction='0']").dragTo(stageNode(app, "build").locator("[data-instruction='1']"), { targetPosition: { x: 30, y: 12 } });
    await expect.poll(() => readEditorText(app)).toBe(TEXT.replace("RUN npm ci\n", "RUN npm ci\nRUN npm test\n").replace("FROM build AS test\nRUN npm test\n", "FROM build AS test\n"));
    await undoInEditor(app);
  });

  test("Split stage here… makes the first part a stage of its own that the rest is built on", async ({ app }) => {
    await stageNode(app, "build").click({ button: "right" });
    await app.getByTestId("node-menu").getByRole("menuitem", { name: "Split stage here…" }).click();
    const prompt = app.getByTestId("prompt-dialog");
    await expect(prompt.getByTestId("prompt-at")).toContainText("RUN npm ci");
    await prompt.getByTestId("prompt-name").fill("workspace");
    await app.keyboard.press("Enter");
    await expect(stageNode(app, "workspace")).toBeVisible();
    const graph = await readGraph(app);
    expect(graph.edges).toContain("from workspace->build");
    expect(graph.edges).toContain("from image:node:22->workspace");
    await undoInEditor(app);
  });

  test("Duplicate stage copies the block right after the original, named after it", async ({ app }) => {
    await stageNode(app, "test").click({ button: "right" });
    await app.getByTestId("node-menu").getByRole("menuitem", { name: "Duplicate stage" }).click();
    await expect.poll(() => readEditorText(app)).toBe(TEXT.replace("RUN npm test\n\n", "RUN npm test\n\nFROM build AS test-copy\nRUN npm test\n\n"));
    await expect(stageNode(app, "test-copy")).toBeVisible();
    await undoInEditor(app);
  });

  test("the toolbar's Add stage menu adds a stage from a template at the end", async ({ app }) => {
    await toolbar(app).getByRole("button", { name: "Add stage" }).click();
    await app.getByRole("menuitem", { name: /Add pruner stage/ }).click();
    await expect(stageNode(app, "pruner")).toBeVisible();
    expect(await stageOrder(app)).toEqual(["AS build", "AS test", "AS final", "AS pruner"]);
    await undoInEditor(app);
  });
});
