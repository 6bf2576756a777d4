/**
 * Typing in the editor, with real key presses: the keys belong to the editor (React Flow's pan
 * and delete keys must not swallow Space or Backspace), and the graph follows every change
 * without moving what did not change.
 */
import type { Page } from "@playwright/test";
import {
  expect,
  focusEditor,
  readEditorMarkers,
  readEditorText,
  readGraph,
  readNodeBoxes,
  readViewport,
  stageNode,
  test,
} from "./app.ts";
import { EDIT_SCENARIOS, SMALL, type KeyStep } from "./scenarios.ts";

async function pressKeys(page: Page, steps: readonly KeyStep[]): Promise<void> {
  for (const step of steps) {
    if ("type" in step) await page.keyboard.type(step.type);
    else for (let i = 0; i < (step.times ?? 1); i++) await page.keyboard.press(step.press);
  }
}

for (const scenario of EDIT_SCENARIOS) {
  test.describe(scenario.name, () => {
    test.use({ seed: scenario.seed });

    test("the text is exactly what was typed, and the graph follows", async ({ app }) => {
      const viewport = await readViewport(app);
      const boxes = await readNodeBoxes(app);
      if (scenario.selectFirst !== undefined) await stageNode(app, scenario.selectFirst).click();
      await focusEditor(app);
      await pressKeys(app, scenario.keys);

      await expect.poll(() => readEditorText(app)).toBe(scenario.text);
      await expect.poll(async () => (await readGraph(app)).stages.map((s) => s.key)).toEqual([...scenario.stages].sort());
      // Space did not pan, Backspace did not delete: the canvas did not take the keys.
      expect(await readViewport(app), "the canvas did not pan or zoom").toBe(viewport);
      const after = await readNodeBoxes(app);
      for (const key of scenario.steady) {
        const [was, now] = [boxes[key], after[key]];
        expect(now, `${key} is still drawn`).toBeDefined();
        expect(Math.abs(now!.x - was!.x) + Math.abs(now!.y - was!.y), `${key} stayed in place`).toBeLessThanOrEqual(1);
      }
    });
  });
}

test.describe("a half-typed line", () => {
  test.use({ seed: { text: SMALL } });

  test("never blanks the graph: every frame while typing shows the stages that parse", async ({ app }) => {
    // Watch every change to the canvas, not only the state after the last key.
    await app.evaluate(() => {
      const canvas = document.querySelector('[data-testid="graph-canvas"]')!;
      const w = window as unknown as { __fewestStages: number };
      w.__fewestStages = Infinity;
      new MutationObserver(() => {
        w.__fewestStages = Math.min(w.__fewestStages, canvas.querySelectorAll('[data-testid="stage-node"]').length);
      }).observe(canvas, { subtree: true, childList: true, attributes: true });
    });
    await focusEditor(app);
    await app.keyboard.press("Control+End");
    await app.keyboard.type("FROM app AS x\nCOPY --fr");
    await expect.poll(() => readEditorText(app)).toBe(`${SMALL}FROM app AS x\nCOPY --fr`);
    await expect(stageNode(app, "x")).toBeVisible();
    await expect(stageNode(app, "base")).toBeVisible();
    await expect(stageNode(app, "app")).toBeVisible();
    const fewest = await app.evaluate(() => (window as unknown as { __fewestStages: number }).__fewestStages);
    expect(fewest, "base and app stayed on the canvas through every keystroke").toBeGreaterThanOrEqual(2);
  });

  test("shows its error as an editor marker and on its stage's node", async ({ app }) => {
    await focusEditor(app);
    await app.keyboard.press("Control+End");
    await app.keyboard.type("COPY --fr");
    const line = SMALL.split("\n").length;
    await expect
      .poll(async () => (await readEditorMarkers(app)).filter((m) => m.severity === "error").map((m) => [m.line, m.code]))
      .toContainEqual([line, "UnknownFlag"]);
    const node = stageNode(app, "app");
    await expect(node).toHaveClass(/\bstage-node--error\b/);
    await expect(stageNode(app, "base")).not.toHaveClass(/\bstage-node--error\b/);
    // The node's marker says how many, to a screen reader, and what, on hover.
    const marker = node.getByRole("img", { name: /^\d+ errors?$/ });
    await expect(marker).toBeVisible();
    await expect(marker).toHaveAttribute("title", /unknown flag: --fr/);
  });
});
