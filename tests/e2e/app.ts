/**
 * The fixture every browser test uses: a page on the app that records what must never happen
 * (console errors, uncaught exceptions, requests outside the app's origin) and fails the test
 * at teardown if any did.
 */
import { expect, test as base, type Locator, type Page } from "@playwright/test";

interface AppFixtures {
  /** The app, opened at `/`, with Monaco mounted and showing the Dockerfile. */
  app: Page;
}

export const test = base.extend<AppFixtures>({
  app: async ({ page, context, baseURL }, use) => {
    const origin = new URL(baseURL ?? "http://invalid").origin;
    const problems: string[] = [];
    context.on("request", (request) => {
      const url = request.url();
      // data: and blob: URLs never leave the browser; everything else must stay on our origin.
      if (url.startsWith("data:") || url.startsWith("blob:")) return;
      if (new URL(url).origin !== origin) problems.push(`request outside ${origin}: ${url}`);
    });
    page.on("console", (message) => {
      if (message.type() === "error") problems.push(`console error: ${message.text()}`);
    });
    page.on("pageerror", (error) => problems.push(`page error: ${error.message}`));

    await page.goto("/");
    await expect(editorLines(page)).toContainText("syntax=docker/dockerfile:1");
    await use(page);
    expect(problems, "the page must stay quiet and on its own origin").toEqual([]);
  },
});

export { expect };

/** Monaco's rendered lines (only those in view). */
export function editorLines(page: Page): Locator {
  return page.locator(".monaco-editor .view-lines");
}

/** The visible editor text, one string per line, with Monaco's non-breaking spaces made plain. */
export async function readVisibleEditorLines(page: Page): Promise<string[]> {
  const lines = await page.locator(".monaco-editor .view-line").evaluateAll((elements) =>
    elements
      .map((element) => ({ top: parseFloat((element as HTMLElement).style.top), text: element.textContent ?? "" }))
      // Monaco reuses line elements out of order; their `top` gives the on-screen order.
      .sort((a, b) => a.top - b.top)
      .map((line) => line.text),
  );
  return lines.map((line) => line.replace(/\u00a0/g, " "));
}

/** The labels of the stages in the stage panel, in order. */
export function stageLabels(page: Page): Locator {
  return page.getByRole("list", { name: "Build stages" }).getByTestId("stage").locator(".stage-name");
}
