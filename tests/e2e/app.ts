/**
 * The fixture every browser test uses: a page on the app that records what must never happen
 * (console errors, uncaught exceptions, requests outside the app's origin) and fails the test
 * at teardown if any did. A test can start from its own saved session (`seed`), exactly as if
 * the user had worked on that text before and reloaded.
 */
import { expect, test as base, type Locator, type Page } from "@playwright/test";
import type { EditorTestHook } from "../../web/editor/test-hook.ts";
import { STORAGE_KEY, type SavedSession } from "../../web/state/persist.ts";

export { STORAGE_KEY };

export type Seed = Partial<SavedSession> & { readonly text: string };

interface AppOptions {
  /**
   * A session to find in localStorage on the first visit (not on reloads); null: a first-time
   * visitor. Fields left out take the app's own defaults (it validates each field on its own).
   */
  seed: Seed | null;
  /** Console errors this test provokes on purpose (e.g. React reporting an error boundary's catch). */
  expectedConsoleErrors: RegExp | null;
  /** Requests to fail (a chunk that cannot load); with it, the fixture waits for the graph only, not for Monaco. */
  failRequests: RegExp | null;
  /** Makes localStorage refuse writes from the first visit on (`faultStorage`); null: it works. */
  storageFault: StorageFault | null;
}

interface AppFixtures {
  /** The app, opened at `/`, with Monaco mounted and the graph drawn. */
  app: Page;
}

export const test = base.extend<AppFixtures & AppOptions>({
  seed: [null, { option: true }],
  expectedConsoleErrors: [null, { option: true }],
  failRequests: [null, { option: true }],
  storageFault: [null, { option: true }],
  app: async ({ page, context, baseURL, seed, expectedConsoleErrors, failRequests, storageFault }, use) => {
    const origin = new URL(baseURL ?? "http://invalid").origin;
    const problems: string[] = [];
    context.on("request", (request) => {
      const url = request.url();
      // data: and blob: URLs never leave the browser; everything else must stay on our origin.
      if (url.startsWith("data:") || url.startsWith("blob:")) return;
      if (new URL(url).origin !== origin) problems.push(`request outside ${origin}: ${url}`);
    });
    page.on("console", (message) => {
      if (message.type() !== "error") return;
      const text = message.text();
      if (!(expectedConsoleErrors?.test(text) ?? false)) problems.push(`console error: ${text}`);
    });
    page.on("pageerror", (error) => problems.push(`page error: ${error.message}`));

    if (seed !== null) {
      // sessionStorage survives reloads of the tab, so the seed is planted once: a reload then
      // shows what the app itself saved.
      await page.addInitScript(
        ([key, value]) => {
          if (sessionStorage.getItem("e2e-seeded") !== null) return;
          sessionStorage.setItem("e2e-seeded", "1");
          localStorage.setItem(key, value);
        },
        [STORAGE_KEY, JSON.stringify(seed)] as const,
      );
    }

    if (failRequests !== null) await page.route(failRequests, (route) => route.abort());
    if (storageFault !== null) await faultStorage(page, storageFault);
    await page.goto("/");
    if (failRequests === null) await waitForApp(page);
    else await expect(graphCanvas(page)).toHaveAttribute("data-revision", /\d+/);
    await use(page);
    expect(problems, "the page must stay quiet and on its own origin").toEqual([]);
  },
});

export { expect };

/** How localStorage refuses a write: full (`quota`), or turned off by policy (`throw`). */
export type StorageFault = "quota" | "throw";

declare global {
  interface Window {
    /** Set by `faultStorage`: how localStorage.setItem fails, or null when it works again. */
    __storageFault?: StorageFault | null;
  }
}

/**
 * Makes the page's localStorage refuse writes, as a full or locked-down browser does, until the
 * test sets `window.__storageFault = null`. sessionStorage keeps working. Call before `goto`.
 */
export async function faultStorage(page: Page, fault: StorageFault): Promise<void> {
  await page.addInitScript((kind) => {
    window.__storageFault = kind;
    const setItem = Storage.prototype.setItem;
    Storage.prototype.setItem = function (this: Storage, key: string, value: string) {
      if (this === window.localStorage && window.__storageFault === "quota") {
        throw new DOMException(`Failed to execute 'setItem' on 'Storage': Setting the value of '${key}' exceeded the quota.`, "QuotaExceededError");
      }
      if (this === window.localStorage && window.__storageFault === "throw") {
        throw new DOMException("The operation is insecure.", "SecurityError");
      }
      setItem.call(this, key, value);
    };
  }, fault);
}

/** Waits until Monaco shows text and the canvas has drawn the current text's graph. */
export async function waitForApp(page: Page): Promise<void> {
  // Monaco is the largest chunk; on a loaded machine it can take longer than one expect timeout.
  await expect(editorLines(page)).toBeVisible({ timeout: 45_000 });
  await expect(graphCanvas(page)).toHaveAttribute("data-revision", /\d+/);
}

// ── editor ──────────────────────────────────────────────────────────────────

/** Monaco's rendered lines (only those in view), inside the editor pane. */
export function editorLines(page: Page): Locator {
  return page.getByTestId("editor").locator(".monaco-editor .view-lines");
}

/** Puts the keyboard focus in Monaco, as a user does: a click on its text. */
export async function focusEditor(page: Page): Promise<void> {
  await editorLines(page).click();
  await expect(page.getByTestId("editor").locator(".monaco-editor")).toHaveClass(/focused/);
}

/** The hook the editor installs for tests (web/editor/test-hook.ts); throws in the page when it is missing. */
function editorHook(): EditorTestHook {
  const hook = window.__stagecraftEditor;
  if (hook === undefined) throw new Error("no editor mounted: window.__stagecraftEditor is missing");
  return hook;
}

/** The full editor text (all of it, not only what is in view). */
export function readEditorText(page: Page): Promise<string> {
  return page.evaluate(`(${editorHook.toString()})().getValue()`) as Promise<string>;
}

/** The editor's selection as 1-based lines, or null when it is empty. */
export async function readEditorSelection(page: Page): Promise<{ startLine: number; endLine: number } | null> {
  const s = (await page.evaluate(`(${editorHook.toString()})().getSelection()`)) as ReturnType<EditorTestHook["getSelection"]>;
  if (s === null || (s.startLine === s.endLine && s.startColumn === s.endColumn)) return null;
  return { startLine: s.startLine, endLine: s.endLine };
}

/** The diagnostic markers in the editor, in source order. */
export function readEditorMarkers(page: Page): Promise<ReturnType<EditorTestHook["getMarkers"]>> {
  return page.evaluate(`(${editorHook.toString()})().getMarkers()`) as Promise<ReturnType<EditorTestHook["getMarkers"]>>;
}

/** The lines (first..last) carrying one of our decorations of `className`, e.g. the edge-hover highlight. */
export function readDecoratedLines(page: Page, className: string): Promise<{ startLine: number; endLine: number }[]> {
  return page.evaluate(
    `(${editorHook.toString()})().getDecorations()
      .filter((d) => d.className === ${JSON.stringify(className)})
      .map((d) => ({ startLine: d.startLine, endLine: d.endLine }))`,
  ) as Promise<{ startLine: number; endLine: number }[]>;
}

/** Puts the editor's cursor at the start of `line` (1-based) with real keys: Ctrl+Home, then Down. */
export async function moveCursorToLine(page: Page, line: number): Promise<void> {
  await focusEditor(page);
  await page.keyboard.press("Control+Home");
  for (let i = 1; i < line; i++) await page.keyboard.press("ArrowDown");
  await page.keyboard.press("Home");
  await page.keyboard.press("Home"); // twice: Monaco's first Home stops at the indentation.
}

// ── canvas ──────────────────────────────────────────────────────────────────

export function graphCanvas(page: Page): Locator {
  return page.getByTestId("graph-canvas");
}

export function stageNode(page: Page, key: string): Locator {
  return page.locator(`[data-testid="stage-node"][data-stage="${key}"]`);
}

export function imageNode(page: Page, ref: string): Locator {
  return page.locator(`[data-testid="image-node"][data-image="${ref}"]`);
}

export function edgeElement(page: Page, edge: { kind: string; source: string; target: string }): Locator {
  return page.locator(
    `[data-testid="edge"][data-kind="${edge.kind}"][data-source="${edge.source}"][data-target="${edge.target}"]`,
  );
}

/** The graph as its test hooks describe it, in a stable order so it compares as data. */
export interface DrawnGraph {
  readonly stages: { key: string; reachable: boolean }[];
  readonly images: string[];
  readonly edges: string[];
}

/** Reads the drawn graph: stages and images sorted, each distinct edge once as `kind source->target`, sorted. */
export async function readGraph(page: Page): Promise<DrawnGraph> {
  return graphCanvas(page).evaluate((canvas) => {
    const stages = [...canvas.querySelectorAll<HTMLElement>('[data-testid="stage-node"]')]
      .map((node) => ({ key: node.dataset["stage"] ?? "", reachable: node.dataset["reachable"] === "true" }))
      .sort((a, b) => (a.key < b.key ? -1 : 1));
    const images = [...canvas.querySelectorAll<HTMLElement>('[data-testid="image-node"]')].map((n) => n.dataset["image"] ?? "").sort();
    const edges = [
      ...new Set(
        [...canvas.querySelectorAll<Element>('[data-testid="edge"]')].map(
          (e) => `${e.getAttribute("data-kind")} ${e.getAttribute("data-source")}->${e.getAttribute("data-target")}`,
        ),
      ),
    ].sort();
    return { stages, images, edges };
  });
}

/** A node's position in flow coordinates, read from React Flow's node wrapper transform. */
export async function readFlowPosition(node: Locator): Promise<{ x: number; y: number }> {
  return node.evaluate((element) => {
    const wrapper = element.closest<HTMLElement>(".react-flow__node") ?? (element as HTMLElement);
    const match = /translate\(\s*(-?[\d.]+)px,\s*(-?[\d.]+)px\)/.exec(wrapper.style.transform);
    if (match === null) throw new Error(`no translate() in the node's transform: "${wrapper.style.transform}"`);
    return { x: Number(match[1]), y: Number(match[2]) };
  });
}

/** React Flow's viewport transform (pan and zoom). */
export async function readViewport(page: Page): Promise<string> {
  return graphCanvas(page).locator(".react-flow__viewport").evaluate((element) => (element as HTMLElement).style.transform);
}

/** Screen boxes of every stage and image node, keyed by their hook. */
export async function readNodeBoxes(page: Page): Promise<Record<string, { x: number; y: number; width: number; height: number }>> {
  return graphCanvas(page).evaluate((canvas) => {
    const boxes: Record<string, { x: number; y: number; width: number; height: number }> = {};
    for (const node of canvas.querySelectorAll<HTMLElement>('[data-testid="stage-node"], [data-testid="image-node"]')) {
      const key = node.dataset["stage"] ?? `image:${node.dataset["image"]}`;
      const r = node.getBoundingClientRect();
      boxes[key] = { x: r.x, y: r.y, width: r.width, height: r.height };
    }
    return boxes;
  });
}

/**
 * A point on the edge's drawn path (halfway along it), in page coordinates: where a mouse
 * must be to hover the edge itself rather than the empty box around a curve.
 */
export async function edgeMidpoint(edge: Locator): Promise<{ x: number; y: number }> {
  return edge.evaluate((element) => {
    const path =
      element instanceof SVGPathElement ? element : (element.querySelector<SVGPathElement>("path.graph-edge__line") ?? element.querySelector<SVGPathElement>("path"));
    if (path === null) {
      const r = element.getBoundingClientRect();
      return { x: r.x + r.width / 2, y: r.y + r.height / 2 };
    }
    const point = path.getPointAtLength(path.getTotalLength() / 2);
    const matrix = path.getScreenCTM();
    if (matrix === null) throw new Error("the edge path is not rendered");
    const screen = new DOMPoint(point.x, point.y).matrixTransform(matrix);
    return { x: screen.x, y: screen.y };
  });
}

/** A computed style of the edge's drawn line (its stroke, its dashes). */
export async function readEdgeStyle(edge: Locator): Promise<{ stroke: string; dash: string }> {
  return edge.evaluate((element) => {
    const line = element.querySelector("path.graph-edge__line") ?? element;
    const style = getComputedStyle(line);
    return { stroke: style.stroke, dash: style.strokeDasharray };
  });
}

/** The toolbar over the page (the canvas has buttons of the same names in its own corner). */
export function toolbar(page: Page): Locator {
  return page.getByRole("banner");
}

/**
 * Nodes that the canvas's own overlays (its button panel, legend, zoom controls, minimap) cover
 * in part: `key covered by panel-class`.
 */
export async function findCoveredNodes(page: Page): Promise<string[]> {
  return graphCanvas(page).evaluate((canvas) => {
    const overlays = [...canvas.querySelectorAll<HTMLElement>(".react-flow__panel")].map((panel) => ({
      name: [...panel.classList].filter((c) => c !== "react-flow__panel").join("."),
      box: panel.getBoundingClientRect(),
    }));
    const covered: string[] = [];
    for (const node of canvas.querySelectorAll<HTMLElement>('[data-testid="stage-node"], [data-testid="image-node"]')) {
      const r = node.getBoundingClientRect();
      for (const { name, box } of overlays) {
        if (r.left < box.right && box.left < r.right && r.top < box.bottom && box.top < r.bottom) {
          covered.push(`${node.dataset["stage"] ?? `image:${node.dataset["image"]}`} covered by ${name}`);
        }
      }
    }
    return covered;
  });
}

/** Drags a node by `dx, dy` screen pixels with real mouse moves, as a user does. */
export async function dragNode(page: Page, node: Locator, dx: number, dy: number): Promise<void> {
  const box = await node.boundingBox();
  if (box === null) throw new Error("the node to drag is not visible");
  // The top of a node is its header: a drag handle in every node design.
  const x = box.x + box.width / 2;
  const y = box.y + Math.min(12, box.height / 4);
  await page.mouse.move(x, y);
  await page.mouse.down();
  await page.mouse.move(x + dx / 2, y + dy / 2, { steps: 5 });
  await page.mouse.move(x + dx, y + dy, { steps: 5 });
  await page.mouse.up();
}

// ── loading ─────────────────────────────────────────────────────────────────

/** Opens a file through the toolbar's file input, as the "Open file" button does. */
export async function openFile(page: Page, name: string, text: string): Promise<void> {
  await page.locator('input[type="file"]').first().setInputFiles({ name, mimeType: "text/plain", buffer: Buffer.from(text) });
}

/** Drops a file on `target` with a real DataTransfer: dragenter, dragover, drop. */
export async function dropFile(page: Page, target: Locator, name: string, text: string): Promise<void> {
  const dataTransfer = await page.evaluateHandle(
    ({ name, text }) => {
      const transfer = new DataTransfer();
      transfer.items.add(new File([text], name, { type: "text/plain" }));
      return transfer;
    },
    { name, text },
  );
  for (const type of ["dragenter", "dragover", "drop"]) await target.dispatchEvent(type, { dataTransfer });
}

/** The severe (serious or critical) axe violations, one line each. */
export function describeSevere(violations: { id: string; impact?: string | null; help: string; nodes: { target: unknown[] }[] }[]): string[] {
  return violations
    .filter((violation) => violation.impact === "serious" || violation.impact === "critical")
    .map((violation) => `${violation.id}: ${violation.help} (${violation.nodes.map((n) => n.target.join(" ")).join(", ")})`);
}

