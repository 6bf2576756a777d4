/**
 * One way to change the text, one history: edits from outside the editor (a canvas gesture, a
 * quick fix, a lesson step) arrive as Monaco edit operations in one undo step, so Ctrl+Z in the
 * editor takes a whole change back byte for byte, and the toolbar's Undo and Redo undo typing too.
 */
import type { Page } from "@playwright/test";
import type { TextEdit } from "../../src/index.ts";
import type { TextOrigin } from "../../web/state/store.ts";
import { expect, focusEditor, readEditorText, stageNode, test, toolbar } from "./app.ts";

const TEXT = [
  "# syntax=docker/dockerfile:1",
  "FROM node:22 AS build",
  "WORKDIR /app",
  "RUN <<EOF",
  "npm ci",
  "EOF",
  "",
  "FROM nginx AS final",
  "COPY --from=build /app/dist \\",
  "     /usr/share/nginx/html",
  "",
].join("\n");

/** The edits of renaming `build` to `web`: the alias and the one reference, given out of order. */
function renameEdits(text: string): TextEdit[] {
  const alias = text.indexOf("build");
  const reference = text.indexOf("--from=build") + "--from=".length;
  return [
    { range: { start: reference, end: reference + 5 }, text: "web" },
    { range: { start: alias, end: alias + 5 }, text: "web" },
  ];
}

function applyEdits(page: Page, edits: readonly TextEdit[], origin: TextOrigin): Promise<{ ok: boolean }> {
  return page.evaluate(([e, o]) => window.__stagecraftStore!.applyEdits(e, o, "test"), [edits, origin] as const);
}

const storeText = (page: Page) => page.evaluate(() => window.__stagecraftStore!.getText());
const undoButton = (page: Page) => toolbar(page).getByRole("button", { name: "Undo" });
const redoButton = (page: Page) => toolbar(page).getByRole("button", { name: "Redo" });

test.describe("one history", () => {
  test.use({ seed: { text: TEXT } });

  test("edits from outside the editor land in Monaco, and one Ctrl+Z takes them all back byte for byte", async ({ app }) => {
    const renamed = TEXT.replace("AS build", "AS web").replace("--from=build", "--from=web");
    expect(await applyEdits(app, renameEdits(TEXT), "canvas")).toEqual({ ok: true });
    await expect.poll(() => readEditorText(app)).toBe(renamed);
    await expect(stageNode(app, "web")).toBeVisible();
    expect(await storeText(app)).toBe(renamed);

    await focusEditor(app);
    await app.keyboard.press("Control+z");
    await expect.poll(() => readEditorText(app)).toBe(TEXT);
    expect(await storeText(app)).toBe(TEXT);
    await expect(stageNode(app, "build")).toBeVisible();

    await app.keyboard.press("Control+Shift+z");
    await expect.poll(() => storeText(app)).toBe(renamed);
  });

  test("the toolbar's Undo and Redo undo typing and edits alike", async ({ app }) => {
    await expect(undoButton(app)).toBeDisabled();
    await focusEditor(app);
    await app.keyboard.press("Control+End");
    // One word: Monaco keeps a typed word as one undo step.
    await app.keyboard.type("USER");
    const typed = `${TEXT}USER`;
    await expect.poll(() => storeText(app)).toBe(typed);
    expect(await applyEdits(app, renameEdits(typed), "lint")).toEqual({ ok: true });
    const both = typed.replace("AS build", "AS web").replace("--from=build", "--from=web");
    await expect.poll(() => readEditorText(app)).toBe(both);

    await undoButton(app).click();
    await expect.poll(() => storeText(app)).toBe(typed);
    await undoButton(app).click();
    await expect.poll(() => storeText(app)).toBe(TEXT);
    await expect(undoButton(app)).toBeDisabled();
    await redoButton(app).click();
    await expect.poll(() => storeText(app)).toBe(typed);
    await redoButton(app).click();
    await expect.poll(() => readEditorText(app)).toBe(both);
    await expect(redoButton(app)).toBeDisabled();
  });

  test("Ctrl+Z outside the editor undoes too, and edits that overlap change nothing", async ({ app }) => {
    const overlap = [
      { range: { start: 0, end: 10 }, text: "x" },
      { range: { start: 5, end: 12 }, text: "y" },
    ];
    expect(await applyEdits(app, overlap, "canvas")).toMatchObject({ ok: false });
    expect(await readEditorText(app)).toBe(TEXT);
    await expect(undoButton(app)).toBeDisabled();

    expect(await applyEdits(app, renameEdits(TEXT), "canvas")).toEqual({ ok: true });
    await expect.poll(() => readEditorText(app)).not.toBe(TEXT);
    await stageNode(app, "final").click();
    await app.keyboard.press("Control+z");
    await expect.poll(() => readEditorText(app)).toBe(TEXT);
  });
});

test.describe("a file with CRLF line breaks", () => {
  const crlf = TEXT.replaceAll("\n", "\r\n");
  test.use({ seed: { text: crlf } });

  test("keeps its line breaks through an edit and its undo", async ({ app }) => {
    const at = crlf.indexOf("FROM nginx");
    expect(await applyEdits(app, [{ range: { start: at, end: at }, text: "# the web server\r\n" }], "lesson")).toEqual({ ok: true });
    const expected = `${crlf.slice(0, at)}# the web server\r\n${crlf.slice(at)}`;
    await expect.poll(() => storeText(app)).toBe(expected);
    await focusEditor(app);
    await app.keyboard.press("Control+z");
    await expect.poll(() => storeText(app)).toBe(crlf);
  });
});

test.describe("the command list", () => {
  test("opens with Ctrl+Shift+P outside the editor, runs a command, and gives the focus back", async ({ app }) => {
    await stageNode(app, "final").click();
    await app.keyboard.press("Control+Shift+P");
    const palette = app.getByTestId("command-palette");
    await expect(palette).toBeVisible();
    await app.keyboard.type("dark theme");
    await app.keyboard.press("Enter");
    await expect(palette).toBeHidden();
    await expect(app.locator("html")).toHaveAttribute("data-theme", "dark");
  });

  test("leaves the keys in the editor alone", async ({ app }) => {
    await focusEditor(app);
    await app.keyboard.press("Control+Shift+P");
    await expect(app.getByTestId("command-palette")).toBeHidden();
    await app.keyboard.press("Escape");
  });
});
