/**
 * The Export menu: every file it downloads, checked byte for byte or read back (the SVG parsed
 * and naming every stage, the PNG's size), its keyboard use, and its actions in the command list.
 */
import type { Download, Page } from "@playwright/test";
import { readFileSync } from "node:fs";
import { expect, test } from "./app.ts";
import { EXAMPLE } from "./scenarios.ts";

const STAGES = ["base", "builder", "pruner", "final"];

async function exportVia(app: Page, item: RegExp): Promise<Download> {
  await app.getByRole("button", { name: "Export" }).click();
  const downloading = app.waitForEvent("download");
  await app.getByRole("menuitem", { name: item }).click();
  return downloading;
}

async function readDownload(download: Download): Promise<Buffer> {
  const path = await download.path();
  return readFileSync(path);
}

/** Width and height of a PNG, from its IHDR chunk. */
function pngSize(bytes: Buffer): { width: number; height: number } {
  expect(bytes.subarray(1, 4).toString("latin1")).toBe("PNG");
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

test("the Dockerfile downloads byte for byte, named after the document", async ({ app }) => {
  const download = await exportVia(app, /Download the Dockerfile/);
  expect(download.suggestedFilename()).toBe("node-pnpm.Dockerfile");
  expect((await readDownload(download)).equals(Buffer.from(EXAMPLE, "utf8"))).toBe(true);
});

test("Copy the Dockerfile puts the exact text on the clipboard", async ({ app }) => {
  await app.context().grantPermissions(["clipboard-read", "clipboard-write"]);
  await app.getByRole("button", { name: "Export" }).click();
  await app.getByRole("menuitem", { name: /Copy the Dockerfile/ }).click();
  await expect(app.getByTestId("notice")).toContainText("copied");
  expect(await app.evaluate(() => navigator.clipboard.readText())).toBe(EXAMPLE);
});

test("the SVG parses, names every stage and carries the legend", async ({ app }) => {
  const download = await exportVia(app, /graph as SVG/);
  expect(download.suggestedFilename()).toBe("node-pnpm.svg");
  const svg = (await readDownload(download)).toString("utf8");
  const read = await app.evaluate((source) => {
    const doc = new DOMParser().parseFromString(source, "image/svg+xml");
    return {
      errors: doc.getElementsByTagName("parsererror").length,
      titles: [...doc.querySelectorAll('g[data-kind="stage"]')].map((g) => g.querySelector("text")?.textContent ?? ""),
      images: doc.querySelectorAll('g[data-kind="image"]').length,
      legend: doc.querySelector("g.legend")?.textContent ?? "",
    };
  }, svg);
  expect(read).toEqual({ errors: 0, titles: STAGES, images: 1, legend: expect.stringContaining("RUN --mount") });
});

test("the PNG is the SVG drawn at twice its size, in the dark theme when the app is dark", async ({ app }) => {
  await app.getByRole("button", { name: /dark theme/i }).click();
  const svg = (await readDownload(await exportVia(app, /graph as SVG/))).toString("utf8");
  expect(svg).toContain('fill="#0e1217"');
  const width = Number(/width="(\d+)"/.exec(svg)?.[1]);
  const height = Number(/height="(\d+)"/.exec(svg)?.[1]);
  const download = await exportVia(app, /graph as PNG/);
  expect(download.suggestedFilename()).toBe("node-pnpm.png");
  expect(pngSize(await readDownload(download))).toEqual({ width: width * 2, height: height * 2 });
});

for (const [item, file, check] of [
  [/Mermaid/, "node-pnpm.mmd", (text: string) => expect(text).toMatch(/^flowchart TB\n/)],
  [/Graphviz DOT/, "node-pnpm.dot", (text: string) => expect(text).toMatch(/^digraph stages \{\n/)],
  [/graph as JSON/, "node-pnpm.json", (text: string) => expect((JSON.parse(text) as { stages: unknown[] }).stages).toHaveLength(4)],
  [/Markdown handout/, "node-pnpm.md", (text: string) => expect(text).toContain(`\`\`\`dockerfile\n${EXAMPLE.replace(/\n$/, "")}\n\`\`\``)],
] as const) {
  test(`the menu downloads ${file}`, async ({ app }) => {
    const download = await exportVia(app, item);
    expect(download.suggestedFilename()).toBe(file);
    check((await readDownload(download)).toString("utf8"));
  });
}

test("the menu works from the keyboard, and its actions are in the command list", async ({ app }) => {
  await app.getByRole("button", { name: "Export" }).focus();
  await app.keyboard.press("ArrowDown");
  const menu = app.getByRole("menu", { name: "Export" });
  await expect(menu.getByRole("menuitem").first()).toBeFocused();
  await app.keyboard.press("End");
  await expect(menu.getByRole("menuitem", { name: /Markdown handout/ })).toBeFocused();
  await app.keyboard.press("Escape");
  await expect(menu).toHaveCount(0);
  await expect(app.getByRole("button", { name: "Export" })).toBeFocused();

  await app.keyboard.press("ArrowDown");
  await app.keyboard.press("ArrowDown");
  await app.keyboard.press("ArrowDown");
  await app.keyboard.press("ArrowDown");
  const downloading = app.waitForEvent("download");
  await app.keyboard.press("Enter");
  expect((await downloading).suggestedFilename()).toBe("node-pnpm.svg");

  await app.keyboard.press("F1");
  const palette = app.getByRole("dialog");
  await app.keyboard.type("graph as PNG");
  await expect(palette.getByRole("option", { name: /Download the graph as PNG/ })).toBeVisible();
});
