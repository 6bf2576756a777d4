/**
 * `npm run bench:browser [-- [--json] [--check]]`: the playground's speed goals, measured in
 * headless Chromium on the built app served by `vite preview` (started and stopped here).
 *
 * --json   print one JSON document instead of the table
 * --check  exit 1 when any goal is missed (default: report only; speed is never a test failure)
 */
import { existsSync, readFileSync } from "node:fs";
import { cpus, loadavg } from "node:os";
import { join } from "node:path";
import { chromium } from "@playwright/test";
import { corpusDir } from "../corpus.ts";
import { CHROMIUM_ARGS, findChromium } from "../e2e/chromium.ts";
import { generateStages, measureColdLoads, measureFirstGraphJs, measureKeystrokes, measureLongTasks, median, type Workload } from "./measures.ts";
import { repoRoot, startPreview } from "./server.ts";

interface Row {
  readonly goal: string;
  /** The measured figure, or null when it was skipped. */
  readonly value: number | null;
  readonly limit: number;
  readonly unit: "ms" | "KB";
  readonly detail: string;
}

function readArgs(argv: readonly string[]): { json: boolean; check: boolean } | string {
  const unknown = argv.find((arg) => arg !== "--json" && arg !== "--check");
  if (unknown !== undefined) return `unknown option '${unknown}' (options: --json, --check)`;
  return { json: argv.includes("--json"), check: argv.includes("--check") };
}

function verdict(row: Row): "PASS" | "MISS" | "SKIP" {
  if (row.value === null) return "SKIP";
  return row.value <= row.limit ? "PASS" : "MISS";
}

function formatTable(rows: readonly Row[]): string {
  const cells = rows.map((row) => [
    row.goal,
    row.value === null ? "—" : `${row.value.toFixed(1)} ${row.unit}`,
    `≤ ${row.limit} ${row.unit}`,
    verdict(row),
    row.detail,
  ]);
  const header = ["goal", "measured", "limit", "", "detail"];
  const widths = header.map((h, i) => Math.max(h.length, ...cells.map((c) => c[i]!.length)));
  const line = (c: readonly string[]) => c.map((cell, i) => cell.padEnd(widths[i]!)).join("  ").trimEnd();
  return [line(header), line(widths.map((w) => "─".repeat(w))), ...cells.map(line)].join("\n") + "\n";
}

function log(json: boolean, message: string): void {
  if (!json) process.stderr.write(`${message}\n`);
}

async function main(): Promise<number> {
  const args = readArgs(process.argv.slice(2));
  if (typeof args === "string") {
    process.stderr.write(`bench:browser: ${args}\n`);
    return 2;
  }
  const example: Workload = {
    name: "node-pnpm example",
    text: readFileSync(join(repoRoot, "web", "examples", "node-pnpm.Dockerfile"), "utf8"),
    stages: 4,
    saved: false,
  };
  const corpus = corpusDir();
  const mobyPath = corpus === null ? null : join(corpus, "real", "moby__moby__Dockerfile.Dockerfile");
  const moby: Workload | null =
    mobyPath !== null && existsSync(mobyPath)
      ? { name: "moby (59 stages)", text: readFileSync(mobyPath, "utf8"), stages: 59, saved: true }
      : null;
  if (moby === null) {
    const why = "moby__moby__Dockerfile.Dockerfile not found (corpus at ../shared/corpus/real or $STAGECRAFT_CORPUS)";
    if (process.env["CI"] === "true") {
      process.stderr.write(`bench:browser: ${why}\n`);
      return 1;
    }
    process.stderr.write(`bench:browser: skipping the moby goal: ${why}\n`);
  }
  const large: Workload = { name: "generated 500 stages", text: generateStages(500), stages: 500, saved: true };

  const server = await startPreview();
  const browser = await chromium.launch({ executablePath: findChromium(), args: [...CHROMIUM_ARGS] });
  const rows: Row[] = [];
  try {
    log(args.json, `serving dist/ at ${server.url}; Chromium ${browser.version()}`);

    log(args.json, "JavaScript before the first graph…");
    const js = await measureFirstGraphJs(browser, server.url, example);
    rows.push({
      goal: "JS before the first graph (gzip)",
      value: js.gzipBytes / 1024,
      limit: 250,
      unit: "KB",
      detail:
        js.files.map((f) => `${f.path} ${(f.gzipBytes / 1024).toFixed(1)}`).join(", ") +
        (js.graphWithoutLazyChunks ? `; held back until drawn: ${js.deferred.join(", ") || "none"}` : "; the graph waited for a lazy chunk"),
    });

    log(args.json, "cold loads of the example (5)…");
    const loads = await measureColdLoads(browser, server.url, example);
    rows.push({
      goal: "navigation → example graph (median of 5)",
      value: median(loads.times),
      limit: 1500,
      unit: "ms",
      detail: loads.times.map((t) => t.toFixed(0)).join(" / "),
    });

    log(args.json, "keystrokes on the example (50)…");
    const small = await measureKeystrokes(browser, server.url, example);
    rows.push({ goal: "keystroke → graph p95, example", value: small.p95, limit: 20, unit: "ms", detail: `p50 ${small.p50.toFixed(1)}, max ${small.max.toFixed(1)}, n=${small.samples}` });

    if (moby !== null) {
      log(args.json, "keystrokes on moby (50)…");
      const big = await measureKeystrokes(browser, server.url, moby);
      rows.push({ goal: "keystroke → graph p95, moby", value: big.p95, limit: 50, unit: "ms", detail: `p50 ${big.p50.toFixed(1)}, max ${big.max.toFixed(1)}, n=${big.samples}` });
    } else {
      rows.push({ goal: "keystroke → graph p95, moby", value: null, limit: 50, unit: "ms", detail: "corpus absent" });
    }

    log(args.json, "typing 20 characters into 500 stages…");
    const tasks = await measureLongTasks(browser, server.url, large);
    rows.push({
      goal: "longest main-thread task, 500 stages",
      value: Math.max(tasks.longestTask, tasks.slowestEvent),
      limit: 200,
      unit: "ms",
      detail: `longest task ${tasks.longestTask.toFixed(0)} (${tasks.longTasks} over 50 ms), slowest event ${tasks.slowestEventName} ${tasks.slowestEvent.toFixed(0)}`,
    });
  } finally {
    await browser.close();
    await server.stop();
  }

  const environment = { cpu: cpus()[0]?.model.trim() ?? "unknown", cores: cpus().length, loadAverage: loadavg()[0] ?? 0 };
  if (args.json) {
    const goals = rows.map((row) => ({ ...row, verdict: verdict(row) }));
    process.stdout.write(`${JSON.stringify({ environment, goals }, null, 2)}\n`);
  } else {
    process.stdout.write(`${environment.cpu} × ${environment.cores}, load average ${environment.loadAverage.toFixed(2)}\n\n`);
    process.stdout.write(formatTable(rows));
  }
  return args.check && rows.some((row) => verdict(row) === "MISS") ? 1 : 0;
}

process.exitCode = await main();
