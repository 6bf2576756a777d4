/**
 * Work survives a reload: the text and the view state come back; a failing canvas never takes
 * the text with it.
 */
import { expect, focusEditor, readEditorText, stageNode, STORAGE_KEY, test, waitForApp } from "./app.ts";
import { EXAMPLE, VARIANT } from "./scenarios.ts";

test("a reload restores the text, the target and the theme", async ({ app }) => {
  await focusEditor(app);
  await app.keyboard.press("Control+End");
  await app.keyboard.type("FROM final AS smoke");
  await expect(stageNode(app, "smoke")).toBeVisible();
  await app.getByTestId("target-select").selectOption("pruner");
  await expect(stageNode(app, "final")).toHaveAttribute("data-reachable", "false");
  await app.getByRole("button", { name: "Dark theme" }).click();
  await expect(app.locator("html")).toHaveAttribute("data-theme", "dark");

  await app.reload();
  await waitForApp(app);
  await expect.poll(() => readEditorText(app)).toBe(`${EXAMPLE}FROM final AS smoke`);
  await expect(app.getByTestId("target-select")).toHaveValue("pruner");
  await expect(stageNode(app, "final")).toHaveAttribute("data-reachable", "false");
  await expect(stageNode(app, "smoke")).toHaveAttribute("data-reachable", "false");
  await expect(app.locator("html")).toHaveAttribute("data-theme", "dark");
  await expect(app.getByRole("button", { name: "Light theme" })).toBeVisible();
});

test.describe("build args", () => {
  test.use({ seed: { text: VARIANT } });

  test("a reload restores the build args", async ({ app }) => {
    await app.locator('[data-testid="build-arg"][data-name="VARIANT"]').fill("b");
    await expect(stageNode(app, "base-b")).toHaveAttribute("data-reachable", "true");
    await app.reload();
    await waitForApp(app);
    await expect(app.locator('[data-testid="build-arg"][data-name="VARIANT"]')).toHaveValue("b");
    await expect(stageNode(app, "base-b")).toHaveAttribute("data-reachable", "true");
    await expect(stageNode(app, "base-a")).toHaveAttribute("data-reachable", "false");
  });
});

test.describe("a saved session with damaged view state", () => {
  test.use({
    seed: {
      text: VARIANT,
      // Not what the app writes: a hand-edited or older session. Each bad field must be dropped.
      positions: { "base-a": { x: "left", y: null }, "#2": [1, 2] } as never,
      pinned: "base-a" as never,
      buildArgs: { VARIANT: 7 } as never,
      target: 42 as never,
      theme: "sepia" as never,
    },
  });

  test("still opens its text and draws its graph", async ({ app }) => {
    await expect.poll(() => readEditorText(app)).toBe(VARIANT);
    await expect(stageNode(app, "base-a")).toBeVisible();
    await expect(stageNode(app, "#2")).toBeVisible();
    const stored = await app.evaluate((key) => localStorage.getItem(key), STORAGE_KEY);
    expect(stored).not.toBeNull();
  });
});
