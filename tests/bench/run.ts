/**
 * `npm run bench [-- [--json] [--quick] [--check] [SUITE…]]`: run the registered benchmark suites.
 *
 * --json   print one JSON document instead of the tables
 * --quick  short time budgets, for trying the harness (noisy figures)
 * --check  exit 1 when any goal is missed (default: report only; speed is never a test failure)
 * SUITE    run only the named suites
 */
import { cpus, loadavg } from "node:os";
import { corpusDir } from "../corpus.ts";
import { loadShippedCore } from "./core.ts";
import { graphSuite } from "./graph.bench.ts";
import { growthSuite } from "./growth.bench.ts";
import { collectsGarbage, defaultMeasureOptions, quickMeasureOptions, readChecksum } from "./measure.ts";
import { layoutSuite } from "./layout.bench.ts";
import { lintSuite } from "./lint.bench.ts";
import { parseSuite } from "./parse.bench.ts";
import { formatSuiteReport } from "./report.ts";
import type { BenchSuite, SuiteReport } from "./suite.ts";

/** Every suite, in the order they run. Register a new `*.bench.ts` suite here. */
const suites: readonly BenchSuite[] = [parseSuite, graphSuite, lintSuite, layoutSuite, growthSuite];

interface BenchArgs {
  readonly json: boolean;
  readonly quick: boolean;
  readonly check: boolean;
  readonly only: readonly string[];
}

function readArgs(argv: readonly string[]): BenchArgs | string {
  const only: string[] = [];
  const flags = new Set<string>();
  for (const arg of argv) {
    if (arg.startsWith("--")) flags.add(arg);
    else only.push(arg);
  }
  for (const flag of flags) {
    if (!["--json", "--quick", "--check"].includes(flag)) return `unknown option '${flag}'`;
  }
  const unknown = only.find((name) => !suites.some((s) => s.name === name));
  if (unknown !== undefined) return `unknown suite '${unknown}' (suites: ${suites.map((s) => s.name).join(", ")})`;
  return { json: flags.has("--json"), quick: flags.has("--quick"), check: flags.has("--check"), only };
}

function describeEnvironment() {
  const cpuList = cpus();
  return {
    node: process.version,
    v8: process.versions.v8,
    platform: `${process.platform}-${process.arch}`,
    cpu: cpuList[0]?.model.trim() ?? "unknown",
    cores: cpuList.length,
    gcBeforeComparison: collectsGarbage,
    /** 1-minute load average when the run started: above the core count, other work is competing and figures are inflated. */
    loadAverage: loadavg()[0] ?? 0,
  };
}

async function main(): Promise<number> {
  const args = readArgs(process.argv.slice(2));
  if (typeof args === "string") {
    process.stderr.write(`bench: ${args}\n`);
    return 2;
  }
  const environment = describeEnvironment();
  const measure = args.quick ? quickMeasureOptions : defaultMeasureOptions;
  const context = { measure, corpusDir: corpusDir(), core: await loadShippedCore() };
  const selected = suites.filter((s) => args.only.length === 0 || args.only.includes(s.name));
  if (!args.json) {
    process.stdout.write(
      `Node ${environment.node} (V8 ${environment.v8}), ${environment.platform}, ${environment.cpu} × ${environment.cores}` +
        `${environment.gcBeforeComparison ? ", full GC before each comparison" : ""}${args.quick ? ", QUICK budgets" : ""}\n` +
        `load average ${environment.loadAverage.toFixed(2)}` +
        `${environment.loadAverage > environment.cores ? " (busy machine: absolute figures are inflated; ratios between interleaved contenders hold better)" : ""}\n\n`,
    );
  }
  const started = performance.now();
  const reports: SuiteReport[] = [];
  for (const suite of selected) {
    const report = await suite.run(context);
    reports.push(report);
    if (!args.json) process.stdout.write(formatSuiteReport(report));
  }
  const seconds = (performance.now() - started) / 1e3;
  const missed = reports.flatMap((r) => r.goals).filter((g) => !g.pass).length;
  if (args.json) {
    process.stdout.write(JSON.stringify({ environment, measure, seconds, checksum: readChecksum(), suites: reports }, null, 2) + "\n");
  } else {
    process.stdout.write(`${missed === 0 ? "all goals met" : `${missed} goal(s) missed`}; ${seconds.toFixed(1)} s; checksum ${readChecksum()}\n`);
  }
  return args.check && missed > 0 ? 1 : 0;
}

process.exitCode = await main();
