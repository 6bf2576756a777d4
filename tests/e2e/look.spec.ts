/**
 * How the playground looks: both themes, the two screen sizes of the issue (a laptop and a
 * projector), screenshots of the main states under test-results/screens/ to look at, and an
 * accessibility check (axe) of the main screens.
 */
import { join } from "node:path";
import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import { describeSevere, expect, findCoveredNodes, focusEditor, stageNode, test } from "./app.ts";

const SIZES = [
  { width: 1280, height: 720 },
  { width: 1920, height: 1080 },
];

/** The states worth a screenshot: each gets the page there from the opened example. */
const STATES: readonly { name: string; prepare: (page: Page) => Promise<void> }[] = [
  { name: "main-light", prepare: async () => {} },
  {
    name: "main-dark",
    prepare: async (page) => {
      await page.getByRole("button", { name: "Dark theme" }).click();
      await expect(page.locator("html")).toHaveAttribute("data-theme", "dark");
    },
  },
  {
    name: "gallery-open",
    prepare: async (page) => {
      await page.getByRole("button", { name: "Examples" }).click();
      await expect(page.getByRole("menu")).toBeVisible();
    },
  },
  {
    name: "target-builder-dimmed",
    prepare: async (page) => {
      await page.getByTestId("target-select").selectOption("builder");
      await expect(stageNode(page, "final")).toHaveAttribute("data-reachable", "false");
    },
  },
  {
    name: "stage-selected",
    prepare: async (page) => {
      await stageNode(page, "builder").click();
      await expect(page.getByTestId("side-panel")).toContainText("builder");
    },
  },
  {
    name: "typing-error-dark",
    prepare: async (page) => {
      await page.getByRole("button", { name: "Dark theme" }).click();
      await focusEditor(page);
      await page.keyboard.press("Control+End");
      await page.keyboard.type("COPY --from=nowhere /x");
      await expect(stageNode(page, "final")).toHaveClass(/\bstage-node--error\b/);
    },
  },
];

// Each size is a fresh page opened at that size, as on a laptop or a projector: the first fit
// of the graph is made for the screen it is shown on.
for (const size of SIZES) {
  test.describe(`at ${size.width}×${size.height}`, () => {
    test.use({ viewport: size });

    for (const state of STATES) {
      test(`screenshot: ${state.name}`, async ({ app }, testInfo) => {
        await state.prepare(app);
        const scrollWidth = await app.evaluate(() => document.documentElement.scrollWidth);
        expect(scrollWidth, "no horizontal scroll").toBeLessThanOrEqual(size.width);
        for (const key of ["base", "builder", "pruner", "final"]) await expect(stageNode(app, key)).toBeInViewport();
        const path = join(testInfo.project.outputDir, "screens", `${state.name}-${size.width}x${size.height}.png`);
        await app.screenshot({ path });
        await testInfo.attach(`${state.name} at ${size.width}×${size.height}`, { path, contentType: "image/png" });
        // The first fit leaves every node clear of the canvas's own buttons, legend and minimap.
        if (state.name !== "gallery-open") expect(await findCoveredNodes(app)).toEqual([]);
      });
    }
  });
}

/** Relative luminance (0 black … 1 white) of a computed CSS colour. */
function luminance(colour: string): number {
  const [r, g, b] = (colour.match(/[\d.]+/g) ?? ["0", "0", "0"]).slice(0, 3).map((c) => {
    const v = Number(c) / 255;
    return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
}

test("both themes colour the canvas, its nodes and the editor", async ({ app }) => {
  const colours = () =>
    app.evaluate(() => {
      const background = (e: Element | null) => (e === null ? "" : getComputedStyle(e).backgroundColor);
      const node = document.querySelector('[data-testid="stage-node"]');
      return {
        canvas: background(document.querySelector('[data-testid="graph-canvas"] .react-flow') ?? document.querySelector('[data-testid="graph-canvas"]')),
        node: background(node),
        nodeText: node === null ? "" : getComputedStyle(node).color,
        editor: background(document.querySelector('[data-testid="editor"] .monaco-editor-background')),
      };
    });
  const light = await colours();
  await app.getByRole("button", { name: "Dark theme" }).click();
  await expect.poll(async () => luminance((await colours()).editor)).toBeLessThan(0.1);
  const dark = await colours();
  for (const part of ["canvas", "node", "editor"] as const) {
    expect(luminance(light[part]), `${part} is light in the light theme`).toBeGreaterThan(0.6);
    expect(luminance(dark[part]), `${part} is dark in the dark theme`).toBeLessThan(0.15);
  }
  expect(luminance(dark.nodeText), "node text is light on dark").toBeGreaterThan(0.5);
});

const AXE_STATES: readonly { name: string; prepare: (page: Page) => Promise<void> }[] = [
  { name: "the main screen", prepare: async () => {} },
  STATES.find((s) => s.name === "gallery-open")!,
  STATES.find((s) => s.name === "main-dark")!,
];

for (const state of AXE_STATES) {
  test(`axe: no serious or critical violations on ${state.name}`, async ({ app }) => {
    await state.prepare(app);
    const results = await new AxeBuilder({ page: app }).analyze();
    expect(describeSevere(results.violations)).toEqual([]);
  });
}
