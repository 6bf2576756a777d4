/**
 * `npm run bench:browser [-- [--json] [--check]]`: the playground's speed goals, measured in
 * headless Chromium on the built app served by `vite preview` (started and stopped here).
 *
 * --json      print one JSON document instead of the table
 * --check     exit 1 when any goal is missed (default: report only; speed is never a test failure)
 * --typing    only the typing goals (skip the JS size and the cold loads)
 * --only=A,B  only these workloads: example, moby, large
 */
import { existsSync, readFileSync } from "node:fs";
import { cpus, loadavg } from "node:os";
import { join } from "node:path";
import { chromium } from "@playwright/test";
import { corpusDir } from "../corpus.ts";
import { CHROMIUM_ARGS, findChromium } from "../e2e/chromium.ts";
import {
  generateStages,
  measureColdLoads,
  measureFirstGraphJs,
  measureKeystrokes,
  measureLongTasks,
  median,
  type KeystrokeResult,
  type Workload,
} from "./measures.ts";
import { repoRoot, startPreview } from "./server.ts";

interface Row {
  readonly goal: string;
  /** The measured figure, or null when it was skipped. */
  readonly value: number | null;
  readonly limit: number;
  readonly unit: "ms" | "KB" | "keys" | "tasks";
  readonly detail: string;
}

const WORKLOADS = ["example", "moby", "large"] as const;
type WorkloadId = (typeof WORKLOADS)[number];

interface Args {
  readonly json: boolean;
  readonly check: boolean;
  readonly typing: boolean;
  readonly only: ReadonlySet<WorkloadId>;
}

function readArgs(argv: readonly string[]): Args | string {
  let only: ReadonlySet<WorkloadId> = new Set(WORKLOADS);
  for (const arg of argv) {
    if (arg.startsWith("--only=")) {
      const names = arg.slice("--only=".length).split(",");
      const wrong = names.find((n) => !(WORKLOADS as readonly string[]).includes(n));
      if (wrong !== undefined) return `unknown workload '${wrong}' (workloads: ${WORKLOADS.join(", ")})`;
      only = new Set(names as WorkloadId[]);
    } else if (!["--json", "--check", "--typing"].includes(arg)) {
      return `unknown option '${arg}' (options: --json, --check, --typing, --only=${WORKLOADS.join(",")})`;
    }
  }
  return { json: argv.includes("--json"), check: argv.includes("--check"), typing: argv.includes("--typing"), only };
}

function verdict(row: Row): "PASS" | "MISS" | "SKIP" {
  if (row.value === null) return "SKIP";
  return row.value <= row.limit ? "PASS" : "MISS";
}

function formatTable(rows: readonly Row[]): string {
  const cells = rows.map((row) => [
    row.goal,
    row.value === null ? "—" : `${row.unit === "ms" || row.unit === "KB" ? row.value.toFixed(1) : row.value} ${row.unit}`,
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

/** The rows of one workload's keystroke measure: latency per edit kind, renders, long tasks. */
function keystrokeRows(workload: Workload, result: KeystrokeResult, limit: number): Row[] {
  const rows: Row[] = [];
  for (const [kind, r] of [
    ["renames of the target", result.rename],
    ["instruction edits", result.instruction],
  ] as const) {
    rows.push({
      goal: `keystroke → graph p95, ${workload.name}, ${kind}`,
      value: r.p95,
      limit,
      unit: "ms",
      detail: `p50 ${r.p50.toFixed(1)}, max ${r.max.toFixed(1)}, n=${r.samples}`,
    });
    rows.push({
      goal: `keys re-rendering unchanged nodes, ${workload.name}, ${kind}`,
      value: r.overRendered,
      limit: 0,
      unit: "keys",
      detail: `node renders ${r.nodeRendersTotal} for ${r.changedTotal} changed payloads (most in one key ${r.nodeRendersMax} for ${r.changedMax}); minimap nodes at most ${r.minimapRendersMax} a key`,
    });
  }
  rows.push({
    goal: `main-thread tasks over 50 ms, ${workload.name}`,
    value: result.longTasks,
    limit: 0,
    unit: "tasks",
    detail: `longest task ${result.longestTask.toFixed(0)} ms`,
  });
  return rows;
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

  const loadAtStart = loadavg()[0] ?? 0;
  const server = await startPreview();
  const browser = await chromium.launch({ executablePath: findChromium(), args: [...CHROMIUM_ARGS] });
  const rows: Row[] = [];
  try {
    log(args.json, `serving dist/ at ${server.url}; Chromium ${browser.version()}`);

    if (!args.typing) {
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
    }

    const typing: [WorkloadId, Workload | null, number][] = [
      ["example", example, 33],
      ["moby", moby, 33],
      ["large", large, 50],
    ];
    for (const [id, workload, limit] of typing) {
      if (!args.only.has(id)) continue;
      if (workload === null) {
        rows.push({ goal: `keystroke → graph p95, ${id}`, value: null, limit, unit: "ms", detail: "corpus absent" });
        continue;
      }
      log(args.json, `keystrokes on ${workload.name} (25 renames of the target, 25 instruction edits)…`);
      rows.push(...keystrokeRows(workload, await measureKeystrokes(browser, server.url, workload), limit));
    }

    if (args.only.has("large")) {
      log(args.json, "typing 20 characters into 500 stages at 50 ms a key…");
      const tasks = await measureLongTasks(browser, server.url, large);
      rows.push({
        goal: "longest main-thread task typing, 500 stages",
        value: Math.max(tasks.longestTask, tasks.slowestEvent),
        limit: 50,
        unit: "ms",
        detail: `longest task ${tasks.longestTask.toFixed(0)} (${tasks.longTasks} over 50 ms), slowest event ${tasks.slowestEventName} ${tasks.slowestEvent.toFixed(0)}`,
      });
    }
  } finally {
    await browser.close();
    await server.stop();
  }

  // The load at the end as well as at the start: on a shared machine the figures mean little without it.
  const environment = { cpu: cpus()[0]?.model.trim() ?? "unknown", cores: cpus().length, loadAverageAtStart: loadAtStart, loadAverage: loadavg()[0] ?? 0 };
  if (args.json) {
    const goals = rows.map((row) => ({ ...row, verdict: verdict(row) }));
    process.stdout.write(`${JSON.stringify({ environment, goals }, null, 2)}\n`);
  } else {
    process.stdout.write(
      `${environment.cpu} × ${environment.cores}, load average ${environment.loadAverageAtStart.toFixed(2)} at the start, ${environment.loadAverage.toFixed(2)} at the end\n\n`,
    );
    process.stdout.write(formatTable(rows));
  }
  return args.check && rows.some((row) => verdict(row) === "MISS") ? 1 : 0;
}

process.exitCode = await main();
