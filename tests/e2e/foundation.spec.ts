import { readFileSync } from "node:fs";
import AxeBuilder from "@axe-core/playwright";
import { test as plainTest } from "@playwright/test";
import { editorLines, expect, readVisibleEditorLines, stageLabels, test } from "./app.ts";

const EXAMPLE = readFileSync(new URL("../../web/examples/node-pnpm.Dockerfile", import.meta.url), "utf8");

test("opens with the example in the editor and its four stages listed", async ({ app }) => {
  await expect(app.getByRole("heading", { level: 1, name: "Stagecraft" })).toBeVisible();

  const visible = await readVisibleEditorLines(app);
  expect(visible.length).toBeGreaterThan(10);
  expect(visible).toEqual(EXAMPLE.split("\n").slice(0, visible.length));

  await expect(stageLabels(app)).toHaveText(["base", "builder", "pruner", "final"]);
  const final = app.getByTestId("stage").filter({ hasText: "final" });
  await expect(final).toContainText("node:${NODE_VERSION}-bookworm-slim");
  await expect(final).toContainText("default target");
  await expect(app.getByText("No problems found.")).toBeVisible();
});

test("typing a FROM line adds its stage as the user types", async ({ app }) => {
  await editorLines(app).click();
  await app.keyboard.press("Control+End");
  await app.keyboard.press("Enter");
  await app.keyboard.type("FROM alpine AS x");

  await expect(stageLabels(app)).toHaveText(["base", "builder", "pruner", "final", "x"]);
  const lineCount = EXAMPLE.split("\n").length; // the example's final newline leaves an empty last line
  const x = app.getByTestId("stage").filter({ hasText: "alpine" });
  await expect(x).toContainText(`line ${lineCount + 1}`);
  await expect(x).toContainText("default target");
  await expect(editorLines(app)).toContainText("FROM alpine AS x");

  // Erasing the line takes the stage away again: the panel follows every change.
  await app.keyboard.press("Shift+Home");
  await app.keyboard.press("Backspace");
  await expect(stageLabels(app)).toHaveText(["base", "builder", "pruner", "final"]);
});

test("shows the parser's diagnostics with their line numbers", async ({ app }) => {
  await expect(app.getByTestId("diagnostic")).toHaveCount(0);
  await editorLines(app).click();
  await app.keyboard.press("Control+End");
  await app.keyboard.type("RUN echo one \\");
  await app.keyboard.press("Enter");
  await app.keyboard.press("Enter");
  await app.keyboard.type("echo two");

  // The blank line inside the continued RUN is BuildKit's NoEmptyContinuation warning.
  const blankLine = EXAMPLE.split("\n").length + 1;
  const diagnostic = app.getByTestId("diagnostic");
  await expect(diagnostic).toHaveCount(1);
  await expect(diagnostic).toContainText("Warning");
  await expect(diagnostic).toContainText(`Line ${blankLine}`);
  await expect(diagnostic).toContainText("NoEmptyContinuation");
});

test("Load example puts the example back after edits", async ({ app }) => {
  await editorLines(app).click();
  await app.keyboard.press("Control+a");
  await app.keyboard.type("FROM scratch");
  await expect(stageLabels(app)).toHaveText(["#0"]);

  await expect(app.getByTestId("source-name")).toHaveText("node-pnpm.Dockerfile · edited");

  await app.getByRole("button", { name: "Load example" }).click();
  await expect(stageLabels(app)).toHaveText(["base", "builder", "pruner", "final"]);
  await expect(editorLines(app)).toContainText("syntax=docker/dockerfile:1");
  await expect(app.getByTestId("source-name")).toHaveText("node-pnpm.Dockerfile");
});

test("Open Dockerfile… loads a file from disk into the editor and the panel", async ({ app }) => {
  const text = "FROM golang:1.23 AS Build\nRUN go build -o /out/app\n\nFROM scratch\nCOPY --from=build /out/app /app\n";
  await app.getByLabel("Dockerfile to open").setInputFiles({
    name: "go.Dockerfile",
    mimeType: "text/plain",
    buffer: Buffer.from(text),
  });
  await expect(stageLabels(app)).toHaveText(["build", "#1"]);
  await expect(app.getByTestId("source-name")).toHaveText("go.Dockerfile");
  expect(await readVisibleEditorLines(app)).toEqual(text.split("\n"));
});

test("has no serious or critical accessibility violations", async ({ app }) => {
  const results = await new AxeBuilder({ page: app }).analyze();
  const severe = results.violations
    .filter((violation) => violation.impact === "serious" || violation.impact === "critical")
    .map((violation) => `${violation.id}: ${violation.help} (${violation.nodes.map((n) => n.target.join(" ")).join(", ")})`);
  expect(severe).toEqual([]);
});

test("looks right at 1280×720", async ({ app }, testInfo) => {
  await app.setViewportSize({ width: 1280, height: 720 });
  const pageWidth = await app.evaluate(() => document.documentElement.scrollWidth);
  expect(pageWidth, "no horizontal scroll").toBeLessThanOrEqual(1280);
  const path = process.env.STAGECRAFT_SCREENSHOT ?? testInfo.outputPath("app-1280x720.png");
  await app.screenshot({ path });
  await testInfo.attach("app at 1280×720", { path, contentType: "image/png" });
});

plainTest("paints the page and the stages before Monaco has loaded", async ({ page }) => {
  // Hold back the editor's chunk (DockerfileEditor-<hash>.js built, DockerfileEditor.tsx in dev).
  let release = () => {};
  let requested = false;
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route(/\/DockerfileEditor[^/]*\.(js|tsx)(\?.*)?$/, async (route) => {
    requested = true;
    await held;
    await route.continue();
  });
  await page.goto("/");
  await expect.poll(() => requested, { message: "the page asks for the editor chunk" }).toBe(true);
  await expect(stageLabels(page)).toHaveText(["base", "builder", "pruner", "final"]);
  await expect(page.locator(".text-preview")).toContainText("# syntax=docker/dockerfile:1");
  await expect(page.locator(".monaco-editor")).toHaveCount(0);

  release();
  await expect(editorLines(page)).toContainText("syntax=docker/dockerfile:1");
  await expect(page.locator(".text-preview")).toHaveCount(0);
});
