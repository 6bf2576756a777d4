/**
 * `npx tsx tests/bench-browser/profile.ts [example|moby|large] [KEYS]`: where one keystroke's time
 * goes in the page. Builds the app unminified (so functions keep their names) into a folder of its
 * own, types KEYS keys into the target's name and as many into one of its instructions under
 * Chromium's CPU profiler, and prints the milliseconds per key in the pipeline's functions.
 */
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { chromium, type Page } from "@playwright/test";
import { corpusDir } from "../corpus.ts";
import { summariseProfile, type CpuProfile } from "../bench/profile-summary.ts";
import { CHROMIUM_ARGS, findChromium } from "../e2e/chromium.ts";
import { findEditLines, generateStages, openWorkload, pressAtLineEnd } from "./measures.ts";
import { repoRoot, startPreview } from "./server.ts";

/** The functions a keystroke runs through, in pipeline order (names as the unminified build keeps them). */
const PIPELINE = [
  "parseDockerfile",
  "buildStageGraph",
  "describeGraph",
  "placeNodes",
  "layoutGraph",
  "planEdges",
  "routeEdges",
  "toFlowNodes",
  "toFlowEdges",
  "adoptUserNodes",
  "StageNodeView",
  "MiniMapNodes",
  "NodeComponentWrapperInner",
  "showDiagnostics",
  "performWorkOnRoot",
  "commitRoot",
  "flushPassiveEffects",
  "(garbage collector)",
  "(program)",
];

function chooseText(which: string): { text: string; stages: number } {
  if (which === "example") return { text: readFileSync(join(repoRoot, "web", "examples", "node-pnpm.Dockerfile"), "utf8"), stages: 4 };
  if (which === "large") return { text: generateStages(500), stages: 500 };
  const corpus = corpusDir();
  if (corpus === null) throw new Error("moby needs the corpus (../shared/corpus or $STAGECRAFT_CORPUS)");
  return { text: readFileSync(join(corpus, "real", "moby__moby__Dockerfile.Dockerfile"), "utf8"), stages: 59 };
}

async function profileKeys(page: Page, line: number, keys: number): Promise<CpuProfile> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("Profiler.enable");
  await cdp.send("Profiler.setSamplingInterval", { interval: 200 });
  await cdp.send("Profiler.start");
  await pressAtLineEnd(page, line, keys);
  const { profile } = await cdp.send("Profiler.stop");
  return profile as unknown as CpuProfile;
}

async function main(): Promise<number> {
  const which = process.argv[2] ?? "moby";
  const keys = Number(process.argv[3] ?? 25);
  const { text, stages } = chooseText(which);
  const outDir = join(tmpdir(), `stagecraft-profile-${process.pid}`);
  const built = spawnSync(process.execPath, [join(repoRoot, "node_modules", "vite", "bin", "vite.js"), "build", "--minify", "false", "--outDir", outDir, "--emptyOutDir"], {
    cwd: repoRoot,
    stdio: ["ignore", "ignore", "inherit"],
  });
  if (built.status !== 0) return 1;
  process.env["STAGECRAFT_DIST"] = outDir;
  const server = await startPreview();
  const browser = await chromium.launch({ executablePath: findChromium(), args: [...CHROMIUM_ARGS] });
  try {
    const page = await openWorkload(browser, server.url, { name: which, text, stages, saved: which !== "example" });
    const { nameLine, instructionLine } = findEditLines(text);
    for (const [kind, line] of [
      ["renames of the target", nameLine],
      ["instruction edits", instructionLine],
    ] as const) {
      const profile = await profileKeys(page, line, keys);
      const samples = profile.samples?.length ?? 0;
      const msPerSample = ((profile as unknown as { endTime: number; startTime: number }).endTime - (profile as unknown as { startTime: number }).startTime) / 1000 / Math.max(1, samples);
      const costs = new Map(summariseProfile(profile, (f) => f.functionName || "(anonymous)").map((c) => [c.name, c]));
      process.stdout.write(`\n${which}, ${keys} ${kind}: ms per key, total (self)\n`);
      for (const name of PIPELINE) {
        const c = costs.get(name);
        if (c === undefined) continue;
        const per = (share: number) => ((share * samples * msPerSample) / keys).toFixed(2);
        process.stdout.write(`  ${name.padEnd(28)} ${per(c.totalShare).padStart(8)} (${per(c.selfShare)})\n`);
      }
    }
  } finally {
    await browser.close();
    await server.stop();
  }
  return 0;
}

process.exitCode = await main();
