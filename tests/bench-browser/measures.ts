/**
 * The playground's speed goals, each measured in a fresh browser context on the built app.
 */
import { gzipSync } from "node:zlib";
import type { Browser, BrowserContext, Page } from "@playwright/test";
import { STORAGE_KEY, type SavedSession } from "../../web/state/persist.ts";
import { countChangedPayloads, typedTexts } from "./expected-renders.ts";
import { benchInitScript, JS_BEFORE_FIRST_GRAPH } from "./in-page.ts";

/**
 * What a measurement opens: the app's default example as a first-time visitor sees it
 * (`saved: false`), or a text found as a saved session, which the app restores.
 */
export interface Workload {
  readonly name: string;
  readonly text: string;
  readonly stages: number;
  readonly saved: boolean;
}

interface BenchWindow {
  __bench: {
    firstGraphAt: number | null;
    arm(): void;
    next(timeoutMs: number): Promise<number>;
    watchTasks(): void;
    tasks(): { longTasks: number[]; slowEvents: { name: string; duration: number }[] };
  };
}

/** A saved session with only the text: the app restores every other field to its default. */
function sessionOf(text: string): Partial<SavedSession> {
  return { text, sourceName: "bench.Dockerfile" };
}

/**
 * A fresh context (cold cache, empty storage) with the probes installed, and the workload's
 * text saved when it is not the default example.
 */
async function openContext(browser: Browser, workload: Workload, expectStages: number): Promise<BrowserContext> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
  await context.addInitScript({ content: benchInitScript(expectStages) });
  if (workload.saved) {
    await context.addInitScript({
      content: `localStorage.setItem(${JSON.stringify(STORAGE_KEY)}, ${JSON.stringify(JSON.stringify(sessionOf(workload.text)))});`,
    });
  }
  return context;
}

/** Opens the app and waits for the graph and for Monaco to take keys. */
async function openApp(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await page.waitForFunction(() => (window as unknown as BenchWindow).__bench.firstGraphAt !== null, undefined, { timeout: 60_000 });
  await page.locator('[data-testid="editor"] .monaco-editor .view-lines').waitFor({ timeout: 60_000 });
}

function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const index = Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1);
  return sorted[Math.max(0, index)]!;
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** The lines the keystroke edits happen on: the last named stage's FROM, and a one-line instruction of that stage. */
export function findEditLines(text: string): { nameLine: number; instructionLine: number } {
  const lines = text.split("\n");
  let nameLine = -1;
  lines.forEach((line, i) => {
    if (/^FROM\s.+\sAS\s+\S+\s*$/i.test(line)) nameLine = i;
  });
  if (nameLine < 0) throw new Error("the workload has no named stage to rename");
  let instructionLine = nameLine;
  for (let i = nameLine + 1; i < lines.length; i++) {
    const line = lines[i]!;
    if (/^FROM\s/i.test(line)) break;
    const continued = (lines[i - 1] ?? "").trimEnd().endsWith("\\");
    if (!continued && /^(RUN|ENV|WORKDIR|COPY|LABEL|USER|EXPOSE)\s.*[^\\\s]$/i.test(line) && !line.includes("<<")) {
      instructionLine = i;
      break;
    }
  }
  return { nameLine: nameLine + 1, instructionLine: instructionLine + 1 };
}

/** Clicks into Monaco's text until the editor reports the keyboard focus. */
async function focusEditor(page: Page): Promise<void> {
  for (let attempt = 0; attempt < 20; attempt++) {
    await page.locator('[data-testid="editor"] .view-lines').click();
    if ((await page.evaluate("window.__stagecraftEditor?.hasFocus() === true")) === true) return;
    await page.waitForTimeout(100);
  }
  throw new Error("the editor never took the keyboard focus");
}

/** Moves Monaco's cursor to the end of `line` with real keys, and checks it got there. */
async function goToLineEnd(page: Page, line: number): Promise<void> {
  await focusEditor(page);
  await page.keyboard.press("Escape");
  await page.keyboard.press("Control+Home");
  for (let i = 1; i < line; i++) await page.keyboard.press("ArrowDown");
  await page.keyboard.press("End");
  const at = (await page.evaluate("window.__stagecraftEditor?.getSelection()?.endLine")) as number | undefined;
  if (at !== line) throw new Error(`the cursor is on line ${at}, not ${line}`);
}

/** Render counts of the canvas nodes (`window.__stagecraftRenders`). */
interface RenderCounts {
  readonly stage: number;
  readonly image: number;
  readonly minimap: number;
}

const READ_RENDERS = "({ ...window.__stagecraftRenders })";

/** One kind of edit: its latencies, and what each key press re-rendered against what changed. */
export interface EditKindResult {
  readonly samples: number;
  readonly p50: number;
  readonly p95: number;
  readonly max: number;
  /** Stage and image node renders, per key press: the largest, and the sum. */
  readonly nodeRendersMax: number;
  readonly nodeRendersTotal: number;
  readonly minimapRendersMax: number;
  /** Node payloads the key press changed (worked out in Node): the largest, and the sum. */
  readonly changedMax: number;
  readonly changedTotal: number;
  /** Key presses that re-rendered more nodes, or more minimap nodes, than payloads changed. */
  readonly overRendered: number;
}

export interface KeystrokeResult {
  /** Typing into the target stage's name (the last named stage). */
  readonly rename: EditKindResult;
  /** Typing into one of its one-line instructions. */
  readonly instruction: EditKindResult;
  /** Main-thread tasks over 50 ms while the keys were pressed: how many, and the longest. */
  readonly longTasks: number;
  readonly longestTask: number;
}

function summarize(samples: readonly number[], renders: readonly RenderCounts[], changed: readonly number[]): EditKindResult {
  const sorted = [...samples].sort((a, b) => a - b);
  const nodeRenders = renders.map((r) => r.stage + r.image);
  return {
    samples: samples.length,
    p50: percentile(sorted, 50),
    p95: percentile(sorted, 95),
    max: sorted.at(-1) ?? NaN,
    nodeRendersMax: Math.max(0, ...nodeRenders),
    nodeRendersTotal: nodeRenders.reduce((a, b) => a + b, 0),
    minimapRendersMax: Math.max(0, ...renders.map((r) => r.minimap)),
    changedMax: Math.max(0, ...changed),
    changedTotal: changed.reduce((a, b) => a + b, 0),
    overRendered: renders.filter((r, i) => r.stage + r.image > (changed[i] ?? 0) || r.minimap > (changed[i] ?? 0)).length,
  };
}

/**
 * Keystroke → graph over `edits` key presses: half type into the last named stage's name (the
 * target), half into one of its instructions, each a real key press that changes the graph.
 * Each press is timed to the frame that shows it, and its node renders are counted.
 */
export async function measureKeystrokes(browser: Browser, url: string, workload: Workload, edits = 50): Promise<KeystrokeResult> {
  // A big graph may draw only the nodes in view: one visible node says it is drawn.
  const context = await openContext(browser, workload, workload.stages <= 4 ? workload.stages : 1);
  try {
    const page = await context.newPage();
    await openApp(page, url);
    const { nameLine, instructionLine } = findEditLines(workload.text);
    const renames = Math.ceil(edits / 2);
    const instructions = Math.floor(edits / 2);
    const renameTexts = typedTexts(workload.text, nameLine, "x", renames);
    const instructionTexts = typedTexts(renameTexts.at(-1)!, instructionLine, "x", instructions);
    const typeMeasured = async (count: number, line: number) => {
      const samples: number[] = [];
      const renders: RenderCounts[] = [];
      for (let i = 0; i < count; i++) {
        const before = (await page.evaluate(READ_RENDERS)) as RenderCounts;
        await page.evaluate("window.__bench.arm()");
        await page.keyboard.press("x");
        try {
          samples.push((await page.evaluate(`window.__bench.next(20000)`)) as number);
        } catch (error) {
          const state = await page.evaluate(
            `[document.querySelector('[data-testid="graph-canvas"]')?.dataset.revision, window.__stagecraftEditor?.getValue().split("\n")[${line - 1}]]`,
          );
          throw new Error(`${workload.name}, edit ${samples.length + 1} on line ${line}: ${String(error)} (canvas revision, line text: ${JSON.stringify(state)})`, { cause: error });
        }
        const after = (await page.evaluate(READ_RENDERS)) as RenderCounts;
        renders.push({ stage: after.stage - before.stage, image: after.image - before.image, minimap: after.minimap - before.minimap });
      }
      return { samples, renders };
    };
    await goToLineEnd(page, nameLine);
    await page.evaluate("window.__bench.watchTasks()");
    const renamed = await typeMeasured(renames, nameLine);
    await goToLineEnd(page, instructionLine);
    const edited = await typeMeasured(instructions, instructionLine);
    const typed = (await page.evaluate(READ_TYPED)) as string;
    if (typed !== instructionTexts.at(-1)) throw new Error(`${workload.name}: the editor does not hold the text the edits were meant to make`);
    const { longTasks } = (await page.evaluate("window.__bench.tasks()")) as ReturnType<BenchWindow["__bench"]["tasks"]>;
    return {
      rename: summarize(renamed.samples, renamed.renders, countChangedPayloads(renameTexts)),
      instruction: summarize(edited.samples, edited.renders, countChangedPayloads(instructionTexts)),
      longTasks: longTasks.filter((t) => t > 50).length,
      longestTask: Math.max(0, ...longTasks),
    };
  } finally {
    await context.close();
  }
}

const READ_TYPED = "window.__stagecraftEditor?.getValue()";

/** The app opened on `workload` in a fresh context, the graph drawn and the editor ready; the context closes with the browser. */
export async function openWorkload(browser: Browser, url: string, workload: Workload): Promise<Page> {
  const context = await openContext(browser, workload, workload.stages <= 4 ? workload.stages : 1);
  const page = await context.newPage();
  await openApp(page, url);
  return page;
}

/** Presses "x" `keys` times at the end of `line`, each time waiting for the graph that shows it. */
export async function pressAtLineEnd(page: Page, line: number, keys: number): Promise<void> {
  await goToLineEnd(page, line);
  for (let i = 0; i < keys; i++) {
    await page.evaluate("window.__bench.arm()");
    await page.keyboard.press("x");
    await page.evaluate("window.__bench.next(20000)");
  }
}

export interface LoadResult {
  /** Navigation start → the example's graph on screen, per cold load (ms). */
  readonly times: readonly number[];
}

/** Cold loads of the default example: navigation start → its graph on screen. */
export async function measureColdLoads(browser: Browser, url: string, example: Workload, loads = 5): Promise<LoadResult> {
  const times: number[] = [];
  for (let i = 0; i < loads; i++) {
    const context = await openContext(browser, example, example.stages);
    try {
      const page = await context.newPage();
      await page.goto(url);
      await page.waitForFunction(() => (window as unknown as BenchWindow).__bench.firstGraphAt !== null, undefined, { timeout: 60_000 });
      times.push((await page.evaluate(() => (window as unknown as BenchWindow).__bench.firstGraphAt)) as number);
    } finally {
      await context.close();
    }
  }
  return { times };
}

export interface FirstGraphJs {
  /** Gzipped bytes of the JavaScript the first graph needed. */
  readonly gzipBytes: number;
  readonly files: readonly { path: string; gzipBytes: number }[];
  /** JavaScript the page asked for that the first graph did without (held back until it was drawn). */
  readonly deferred: readonly string[];
  /** False when holding back the lazy chunks kept the graph from being drawn: a lazy chunk is needed. */
  readonly graphWithoutLazyChunks: boolean;
}

async function gzipSizes(urls: readonly string[]): Promise<{ path: string; gzipBytes: number }[]> {
  return Promise.all(
    urls.map(async (jsUrl) => {
      const body = Buffer.from(await (await fetch(jsUrl)).arrayBuffer());
      return { path: new URL(jsUrl).pathname, gzipBytes: gzipSync(body).length };
    }),
  );
}

/**
 * The JavaScript needed before the first graph. A fast local server delivers a lazy chunk
 * (Monaco) before the graph is painted, so "what had arrived" overstates "what was needed".
 * Instead, every script that index.html does not load eagerly is held back until the graph is
 * on screen: if the graph still appears, only the eager scripts were needed. If it does not, a
 * lazy chunk is on the graph's path, and every script that arrived before the graph counts.
 */
export async function measureFirstGraphJs(browser: Browser, url: string, example: Workload): Promise<FirstGraphJs> {
  const html = await (await fetch(url)).text();
  const eager = new Set(
    [...html.matchAll(/<script[^>]*\ssrc="([^"]+)"|<link[^>]*rel="modulepreload"[^>]*href="([^"]+)"/g)].map((m) => new URL(m[1] ?? m[2]!, url).href),
  );
  const context = await openContext(browser, example, example.stages);
  let release = () => {};
  const released = new Promise<void>((done) => (release = done));
  const deferred: string[] = [];
  try {
    await context.route(/\.m?js(\?.*)?$/, async (route) => {
      if (!eager.has(route.request().url())) {
        deferred.push(new URL(route.request().url()).pathname);
        await released;
      }
      await route.continue();
    });
    const page = await context.newPage();
    await page.goto(url);
    const drawn = await page
      .waitForFunction(() => (window as unknown as BenchWindow).__bench.firstGraphAt !== null, undefined, { timeout: 30_000 })
      .then(() => true, () => false);
    release();
    if (drawn) {
      const files = await gzipSizes([...eager]);
      return { gzipBytes: files.reduce((sum, f) => sum + f.gzipBytes, 0), files, deferred, graphWithoutLazyChunks: true };
    }
    await page.waitForFunction(() => (window as unknown as BenchWindow).__bench.firstGraphAt !== null, undefined, { timeout: 60_000 });
    const files = await gzipSizes((await page.evaluate(JS_BEFORE_FIRST_GRAPH)) as string[]);
    return { gzipBytes: files.reduce((sum, f) => sum + f.gzipBytes, 0), files, deferred: [], graphWithoutLazyChunks: false };
  } finally {
    release();
    await context.close();
  }
}

export interface TaskResult {
  readonly longestTask: number;
  readonly longTasks: number;
  readonly slowestEvent: number;
  readonly slowestEventName: string;
}

/** Types `count` characters into a large file at a brisk typist's pace; the longest main-thread work it caused. */
export async function measureLongTasks(browser: Browser, url: string, workload: Workload, count = 20): Promise<TaskResult> {
  const context = await openContext(browser, workload, workload.stages <= 4 ? workload.stages : 1);
  try {
    const page = await context.newPage();
    await openApp(page, url);
    await goToLineEnd(page, findEditLines(workload.text).instructionLine);
    // The load's own work is over once a frame has passed with the editor focused.
    await page.evaluate("new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)))");
    const before = Number(await page.locator('[data-testid="graph-canvas"]').getAttribute("data-revision"));
    await page.evaluate("window.__bench.watchTasks()");
    await page.keyboard.type("abcdefghijklmnopqrst".slice(0, count), { delay: 50 });
    // Every keystroke must have reached the graph before the tasks are counted.
    await page.waitForFunction(
      (expected) => Number(document.querySelector('[data-testid="graph-canvas"]')?.getAttribute("data-revision")) >= expected,
      before + count,
      { timeout: 60_000 },
    );
    await page.evaluate("new Promise((r) => requestAnimationFrame(() => setTimeout(r, 50)))");
    const { longTasks, slowEvents } = (await page.evaluate("window.__bench.tasks()")) as ReturnType<BenchWindow["__bench"]["tasks"]>;
    const slowest = slowEvents.reduce((a, b) => (b.duration > a.duration ? b : a), { name: "none", duration: 0 });
    return {
      longestTask: longTasks.reduce((a, b) => Math.max(a, b), 0),
      longTasks: longTasks.length,
      slowestEvent: slowest.duration,
      slowestEventName: slowest.name,
    };
  } finally {
    await context.close();
  }
}

/** A generated file of `count` stages, each built on an image or an earlier stage and copying from another. */
export function generateStages(count: number): string {
  const lines = ["# syntax=docker/dockerfile:1", "ARG ALPINE=3.20", ""];
  for (let i = 0; i < count; i++) {
    const base = i === 0 || i % 7 === 0 ? `alpine:\${ALPINE}` : `s${i - 1}`;
    lines.push(`FROM ${base} AS s${i}`);
    if (i > 1) lines.push(`COPY --from=s${Math.floor(i / 2)} /out/${Math.floor(i / 2)} /in/${i}`);
    lines.push(`RUN echo building stage ${i} > /out/${i}`);
    lines.push("");
  }
  return lines.join("\n");
}
