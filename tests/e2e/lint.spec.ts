/**
 * Lint in the app: a quick fix chosen with Ctrl+. in the editor changes exactly the finding's text
 * and Ctrl+Z takes it back byte for byte; the same fix from the Problems panel; the suppression
 * comment; a rule's docs in place; finding counts on the stage nodes.
 */
import type { Page } from "@playwright/test";
import { expect, focusEditor, moveCursorToLine, readEditorText, stageNode, test } from "./app.ts";

const TEXT = [
  "FROM alpine:3.20 AS build",
  "RUN make",
  "",
  "FROM alpine:3.20 AS app",
  "COPY --from=build /out /out",
  "USER app",
  "CMD node server.js",
  "",
].join("\n");
const FIXED = TEXT.replace("CMD node server.js", 'CMD ["node", "server.js"]');
const SUPPRESSED = TEXT.replace("USER app\n", "USER app\n# check=skip=JSONArgsRecommended\n");

const storeText = (page: Page) => page.evaluate(() => window.__stagecraftStore!.getText());

/** Ctrl+. on `line`, then the quick-fix menu entry named `title`. */
async function chooseQuickFix(page: Page, line: number, title: RegExp): Promise<void> {
  await moveCursorToLine(page, line);
  await page.keyboard.press("Control+.");
  const item = page.locator(".action-widget").getByRole("option", { name: title });
  await expect(item).toBeVisible({ timeout: 20_000 });
  await page.screenshot({ path: "/tmp/lint-quick-fix-menu.png" });
  await item.click();
}

test.describe("lint quick fixes", () => {
  test.use({ seed: { text: TEXT } });

  test("Ctrl+. applies the finding's fix, and Ctrl+Z restores the text byte for byte", async ({ app }) => {
    await expect(app.locator('[data-testid="diagnostic"][data-rule="JSONArgsRecommended"]')).toHaveCount(1);
    await chooseQuickFix(app, 7, /exec \(JSON\) form/);
    await expect.poll(() => readEditorText(app)).toBe(FIXED);
    expect(await storeText(app)).toBe(FIXED);
    await expect(app.locator('[data-testid="diagnostic"][data-rule="JSONArgsRecommended"]')).toHaveCount(0);
    await focusEditor(app);
    await app.keyboard.press("Control+z");
    await expect.poll(() => readEditorText(app)).toBe(TEXT);
    expect(await storeText(app)).toBe(TEXT);
    await expect(app.locator('[data-testid="diagnostic"][data-rule="JSONArgsRecommended"]')).toHaveCount(1);
  });

  test("Ctrl+. offers the check=skip comment too, as one undo step", async ({ app }) => {
    await chooseQuickFix(app, 7, /check=skip=JSONArgsRecommended/);
    await expect.poll(() => readEditorText(app)).toBe(SUPPRESSED);
    await expect(app.locator('[data-testid="diagnostic"][data-rule="JSONArgsRecommended"]')).toHaveCount(0);
    await focusEditor(app);
    await app.keyboard.press("Control+z");
    await expect.poll(() => readEditorText(app)).toBe(TEXT);
  });

  test("the Problems panel has the same Fix, and the rule's docs in place", async ({ app }) => {
    const row = app.locator('[data-testid="diagnostic"][data-rule="JSONArgsRecommended"]');
    await row.getByTestId("rule-docs").click();
    const docs = row.getByTestId("rule-docs-panel");
    await expect(docs).toContainText("Why:");
    await expect(docs).toContainText("# check=skip=JSONArgsRecommended");
    await expect(docs.getByRole("link", { name: "BuildKit's page" })).toHaveAttribute("href", "https://docs.docker.com/go/dockerfile/rule/json-args-recommended/");
    await app.screenshot({ path: "/tmp/lint-problems-docs.png" });
    await row.getByTestId("quick-fix").click();
    await expect.poll(() => readEditorText(app)).toBe(FIXED);
    await focusEditor(app);
    await app.keyboard.press("Control+z");
    await expect.poll(() => readEditorText(app)).toBe(TEXT);
  });
});

test.describe("findings and the target", () => {
  const UNBUILT = ["FROM alpine:3.20 AS tools", "CMD make", "", "FROM alpine:3.20 AS app", "USER app", 'CMD ["app"]', ""].join("\n");
  test.use({ seed: { text: UNBUILT } });

  test("a stage node counts its findings, and a finding on a stage the target does not build is dimmed and says so", async ({ app }) => {
    await expect(stageNode(app, "tools").getByTestId("finding-count")).toHaveText(/lint 1/);
    await expect(stageNode(app, "app").getByTestId("finding-count")).toHaveCount(0);
    const row = app.locator('[data-testid="diagnostic"][data-rule="JSONArgsRecommended"]');
    await expect(row).toHaveAttribute("data-built", "false");
    await expect(row).toContainText("On a stage the target does not build.");
    await app.screenshot({ path: "/tmp/lint-unbuilt.png" });
    await app.getByTestId("target-select").selectOption("tools");
    await expect(row).toHaveAttribute("data-built", "true");
  });
});
