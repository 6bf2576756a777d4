/**
 * Parse throughput: our parser against dockerfile-ast and against a single lexical scan (the floor),
 * on the real corpus and on synthetic files, plus how our cost grows with file size.
 */
import { DockerfileParser } from "dockerfile-ast";
import type { Core } from "./core.ts";
import { compareContenders, measureContender } from "./measure.ts";
import type { Contender, Timing } from "./measure.ts";
import { formatNumber, formatPercent, formatRatio } from "./report.ts";
import { scanDockerfile } from "./scan.ts";
import type { BenchContext, BenchSuite, GoalResult, ReportTable, SuiteReport } from "./suite.ts";
import { loadRealCorpus, syntheticWorkload } from "./workloads.ts";
import type { Workload } from "./workloads.ts";

const goalSpeedupOverDockerfileAst = 30;
const goalSlowdownOverScan = 3;
/** Our own bound for "linear": the costliest size may cost this much more per KB than the cheapest. */
const goalLinearity = 1.5;
const scalingSizes = [50, 250, 500, 1000, 2000] as const;
const comparedSyntheticSize = 1000;

interface Parser {
  readonly name: string;
  /** Parse and return a number taken from the result, so the result is used. */
  readonly parse: (text: string) => number;
}

const ours = { name: "stagecraft parseDockerfile" } as const;

function ourParser(core: Core): Parser {
  return { name: ours.name, parse: (text) => core.parseDockerfile(text).nodes.length };
}
const dockerfileAst: Parser = {
  name: "dockerfile-ast parse",
  parse: (text) => DockerfileParser.parse(text).getInstructions().length,
};
const scan: Parser = { name: "scan (floor)", parse: (text) => scanDockerfile(text).checksum };

function passOver(parser: Parser, texts: readonly string[]): Contender {
  return {
    name: parser.name,
    run: () => {
      let acc = 0;
      for (const text of texts) acc = (acc + parser.parse(text)) | 0;
      return acc;
    },
  };
}

/** Cheap agreement checks, so a broken contender shows up as a note instead of as a fast figure. */
function checkAgreement(workload: Workload, core: Core): string[] {
  const notes: string[] = [];
  let lineMismatches = 0;
  let instructionMismatches = 0;
  for (const text of workload.texts) {
    const tree = core.parseDockerfile(text);
    if (tree.lineStarts.length !== scanDockerfile(text).lines) lineMismatches++;
    if (tree.instructions.length !== DockerfileParser.parse(text).getInstructions().length) instructionMismatches++;
  }
  if (lineMismatches > 0) notes.push(`${workload.label}: line count differs between the scan and our tree in ${lineMismatches} file(s)`);
  if (instructionMismatches > 0) {
    notes.push(`${workload.label}: instruction count differs between dockerfile-ast and ours in ${instructionMismatches} file(s)`);
  }
  return notes;
}

interface ComparedWorkload {
  readonly workload: Workload;
  readonly timings: readonly Timing[];
}

function describeTiming(timing: Timing, workload: Workload) {
  return {
    name: timing.name,
    medianMsPerPass: timing.medianNs / 1e6,
    minMsPerPass: timing.minNs / 1e6,
    mbPerS: workload.bytes / 1e6 / (timing.medianNs / 1e9),
    usPerFile: timing.medianNs / 1e3 / workload.texts.length,
    interquartileOverMedian: timing.spread,
    samples: timing.samples,
    passesPerSample: timing.batch,
  };
}

function comparisonTable({ workload, timings }: ComparedWorkload): ReportTable {
  return {
    title: `${workload.label}, ${formatNumber(workload.bytes / 1e3)} KB, median of interleaved samples`,
    columns: ["parser", "MB/s", "µs/file", "ms/pass", "IQR/2", "samples×passes"],
    rows: timings.map((t) => {
      const d = describeTiming(t, workload);
      return [t.name, formatNumber(d.mbPerS), formatNumber(d.usPerFile), formatNumber(d.medianMsPerPass), formatPercent(t.spread), `${t.samples}×${t.batch}`];
    }),
  };
}

function timingOf(compared: ComparedWorkload, parser: Pick<Parser, "name">): number {
  const timing = compared.timings.find((t) => t.name === parser.name);
  if (timing === undefined) throw new Error(`no timing for ${parser.name}`);
  return timing.medianNs;
}

function judgeComparison(compared: ComparedWorkload): GoalResult[] {
  const speedup = timingOf(compared, dockerfileAst) / timingOf(compared, ours);
  const slowdown = timingOf(compared, ours) / timingOf(compared, scan);
  const on = ` on ${compared.workload.label}`;
  return [
    {
      goal: `stagecraft faster than dockerfile-ast${on}`,
      target: `≥ ${goalSpeedupOverDockerfileAst}×`,
      measured: formatRatio(speedup),
      pass: speedup >= goalSpeedupOverDockerfileAst,
    },
    {
      goal: `stagecraft slower than the scan floor${on}`,
      target: `≤ ${goalSlowdownOverScan}×`,
      measured: formatRatio(slowdown),
      pass: slowdown <= goalSlowdownOverScan,
    },
  ];
}

function measureScaling(context: BenchContext) {
  return scalingSizes.map((stages) => {
    const workload = syntheticWorkload(stages);
    const kb = workload.bytes / 1e3;
    const timing = measureContender(passOver(ourParser(context.core), workload.texts), context.measure);
    return { stages, kb, medianMs: timing.medianNs / 1e6, usPerKb: timing.medianNs / 1e3 / kb, spread: timing.spread };
  });
}

async function runParseSuite(context: BenchContext): Promise<SuiteReport> {
  const notes: string[] = [];
  const workloads: Workload[] = [];
  if (context.corpusDir === null) {
    notes.push("conformance corpus not found (set STAGECRAFT_CORPUS): benchmarking synthetic inputs only");
  } else {
    workloads.push(loadRealCorpus(context.corpusDir));
  }
  workloads.push(syntheticWorkload(comparedSyntheticSize));
  for (const workload of workloads) notes.push(...checkAgreement(workload, context.core));
  const parsers = [dockerfileAst, ourParser(context.core), scan];

  const compared = workloads.map((workload) => ({
    workload,
    timings: compareContenders(
      parsers.map((p) => passOver(p, workload.texts)),
      context.measure,
    ),
  }));
  const scaling = measureScaling(context);
  const perKb = scaling.map((s) => s.usPerKb);
  const linearity = Math.max(...perKb) / Math.min(...perKb);

  // The goals are judged on real files when there are some; the synthetic comparison is for context.
  const judged = compared[0];
  const goals = judged === undefined ? [] : judgeComparison(judged);
  goals.push({
    goal: `cost per KB, costliest over cheapest of ${scalingSizes.join("/")} stages`,
    target: `≤ ${goalLinearity}×`,
    measured: formatRatio(linearity),
    pass: linearity <= goalLinearity,
  });

  const ratioRows = compared.map((c) => [
    c.workload.label,
    formatRatio(timingOf(c, dockerfileAst) / timingOf(c, ours)),
    formatRatio(timingOf(c, ours) / timingOf(c, scan)),
  ]);
  return {
    suite: "parse",
    notes,
    tables: [
      ...compared.map(comparisonTable),
      { title: "ratios", columns: ["workload", "dockerfile-ast / ours", "ours / scan"], rows: ratioRows },
      {
        title: "stagecraft parseDockerfile on synthetic files: cost per KB should stay flat",
        columns: ["stages", "KB", "ms/parse", "µs/KB", "IQR/2"],
        rows: scaling.map((s) => [String(s.stages), formatNumber(s.kb), formatNumber(s.medianMs), formatNumber(s.usPerKb), formatPercent(s.spread)]),
      },
    ],
    goals,
    data: {
      workloads: compared.map((c) => ({
        label: c.workload.label,
        files: c.workload.texts.length,
        bytes: c.workload.bytes,
        timings: c.timings.map((t) => describeTiming(t, c.workload)),
        speedupOverDockerfileAst: timingOf(c, dockerfileAst) / timingOf(c, ours),
        slowdownOverScan: timingOf(c, ours) / timingOf(c, scan),
      })),
      scaling,
      linearity,
    },
  };
}

export const parseSuite: BenchSuite = {
  name: "parse",
  summary: "parse throughput against dockerfile-ast and a lexical scan; cost growth with file size",
  run: runParseSuite,
};
