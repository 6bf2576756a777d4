/**
 * Gestures on the canvas with the real mouse and keyboard: each changes the text by the core's
 * edit op, exactly, and one Ctrl+Z in the editor takes it back byte for byte. A refused gesture
 * changes nothing and says why beside the node.
 */
import type { Page } from "@playwright/test";
import { expect, focusEditor, readEditorText, stageNode, test } from "./app.ts";

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
