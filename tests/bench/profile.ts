/**
 * `npx tsx tests/bench/profile.ts [corpus | STAGES] [SECONDS]`: profile `parseDockerfile` on the real
 * corpus (default) or a synthetic file of STAGES stages, and print the hot functions with their
 * places in the TypeScript source. Profiling runs in-process through the inspector, so that the
 * source maps tsx registers can turn V8's positions back into `src/…ts:line`.
 */
import { Session } from "node:inspector/promises";
import { findSourceMap } from "node:module";
import { relative } from "node:path";
import { fileURLToPath } from "node:url";
import { corpusDir } from "../corpus.ts";
import { formatProfileSummary, summariseProfile } from "./profile-summary.ts";
import type { CallFrame, CpuProfile } from "./profile-summary.ts";
import { loadRealCorpus, syntheticWorkload } from "./workloads.ts";
import type { Workload } from "./workloads.ts";

// Before the parser is imported: source maps are only kept for modules loaded after this.
process.setSourceMapsEnabled(true);
const { parseDockerfile } = await import("../../src/index.ts");

function describeFrame(frame: CallFrame): string {
  const name = frame.functionName === "" ? "(anonymous)" : frame.functionName;
  if (frame.url === "") return `(${name})`;
  const entry = findSourceMap(frame.url)?.findEntry(frame.lineNumber, frame.columnNumber);
  const file = entry !== undefined && "originalSource" in entry ? entry.originalSource : frame.url;
  const line = entry !== undefined && "originalLine" in entry ? entry.originalLine : frame.lineNumber;
  const path = file.startsWith("file:") ? relative(process.cwd(), fileURLToPath(file)) : file;
  return `${name} ${path}:${line + 1}`;
}

function chooseWorkload(arg: string | undefined): Workload | string {
  if (arg === undefined || arg === "corpus") {
    const dir = corpusDir();
    return dir === null ? "corpus not found (set STAGECRAFT_CORPUS) — pass a stage count to profile a synthetic file" : loadRealCorpus(dir);
  }
  const stages = Number(arg);
  return Number.isInteger(stages) && stages > 0 ? syntheticWorkload(stages) : `expected 'corpus' or a stage count, got '${arg}'`;
}

/** Parse the workload over and over for `ms`; the checksum is printed so the work is used. */
function parseFor(workload: Workload, ms: number): { passes: number; checksum: number } {
  const deadline = performance.now() + ms;
  let passes = 0;
  let checksum = 0;
  while (performance.now() < deadline) {
    for (const text of workload.texts) checksum = (checksum + parseDockerfile(text).nodes.length) | 0;
    passes++;
  }
  return { passes, checksum };
}

async function main(): Promise<number> {
  const [which, secondsArg] = process.argv.slice(2);
  const workload = chooseWorkload(which);
  if (typeof workload === "string") {
    process.stderr.write(`profile: ${workload}\n`);
    return 2;
  }
  const seconds = Number(secondsArg ?? 3);
  parseFor(workload, 500);
  const session = new Session();
  session.connect();
  await session.post("Profiler.enable");
  await session.post("Profiler.setSamplingInterval", { interval: 100 });
  await session.post("Profiler.start");
  const started = performance.now();
  const { passes, checksum } = parseFor(workload, seconds * 1000);
  const elapsed = performance.now() - started;
  const { profile } = await session.post("Profiler.stop");
  session.disconnect();
  process.stdout.write(
    `${workload.label}, ${(workload.bytes / 1e3).toFixed(0)} KB: ${passes} passes, ${(elapsed / passes).toFixed(2)} ms/pass under the profiler (checksum ${checksum})\n`,
  );
  const costs = summariseProfile(profile as CpuProfile, describeFrame);
  process.stdout.write(formatProfileSummary(costs, 25, (name) => name.includes(" src/") || name.startsWith("(garbage")));
  return 0;
}

process.exitCode = await main();
