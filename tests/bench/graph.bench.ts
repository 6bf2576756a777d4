/**
 * The whole keystroke pipeline (parse + model + stage graph) against our parse alone and against
 * dockerfile-ast's parse, side by side in one run, on the 59-stage moby Dockerfile, the whole real
 * corpus and a 500-stage file. Goals: the model and graph at most double the parse (≤ 2× parse),
 * and the pipeline ≥ 10× faster than dockerfile-ast's parse.
 */
import { DockerfileParser } from "dockerfile-ast";
import type { Core } from "./core.ts";
import { compareContenders } from "./measure.ts";
import type { Contender, Timing } from "./measure.ts";
import { formatNumber, formatPercent, formatRatio } from "./report.ts";
import type { BenchContext, BenchSuite, GoalResult, ReportTable, SuiteReport } from "./suite.ts";
import { generateDockerfile } from "./synthetic.ts";
import { loadMobyAndCorpus } from "./workloads.ts";

const goalSpeedup = 10;
const goalOverParse = 2;

interface Workload {
  readonly label: string;
  readonly texts: readonly string[];
}

const pipeline = "stagecraft parse + model + graph";
const parseOnly = "stagecraft parse";
const reference = "dockerfile-ast parse";

function contenders(texts: readonly string[], { buildStageGraph, parseDockerfile }: Core): Contender[] {
  return [
    {
      name: pipeline,
      run: () => {
        let acc = 0;
        for (const text of texts) {
          const graph = buildStageGraph(parseDockerfile(text));
          acc = (acc + graph.edges.length + graph.stages.length) | 0;
        }
        return acc;
      },
    },
    {
      name: parseOnly,
      run: () => {
        let acc = 0;
        for (const text of texts) acc = (acc + parseDockerfile(text).nodes.length) | 0;
        return acc;
      },
    },
    {
      name: reference,
      run: () => {
        let acc = 0;
        for (const text of texts) acc = (acc + DockerfileParser.parse(text).getInstructions().length) | 0;
        return acc;
      },
    },
  ];
}

function loadWorkloads(corpusDir: string | null): Workload[] {
  return [...loadMobyAndCorpus(corpusDir), { label: "synthetic 500-stage file", texts: [generateDockerfile(500)] }];
}

function medianOf(timings: readonly Timing[], name: string): number {
  return timings.find((t) => t.name === name)?.medianNs ?? NaN;
}

function runGraphSuite(context: BenchContext): SuiteReport {
  const notes = context.corpusDir === null ? ["conformance corpus not found (set STAGECRAFT_CORPUS): timing a synthetic file only"] : [];
  const results = loadWorkloads(context.corpusDir).map((workload) => {
    const timings = compareContenders(contenders(workload.texts, context.core), context.measure);
    return {
      workload,
      timings,
      speedup: medianOf(timings, reference) / medianOf(timings, pipeline),
      overParse: medianOf(timings, pipeline) / medianOf(timings, parseOnly),
    };
  });
  const tables: ReportTable[] = results.map(({ workload, timings }) => ({
    title: `${workload.label}, median of interleaved samples`,
    columns: ["contender", "ms/pass", "µs/file", "IQR/2", "samples×passes"],
    rows: timings.map((t) => [
      t.name,
      formatNumber(t.medianNs / 1e6),
      formatNumber(t.medianNs / 1e3 / workload.texts.length),
      formatPercent(t.spread),
      `${t.samples}×${t.batch}`,
    ]),
  }));
  const goals: GoalResult[] = results.flatMap(({ workload, speedup, overParse }) => [
    {
      goal: `parse + model + graph faster than dockerfile-ast's parse alone on ${workload.label}`,
      target: `≥ ${goalSpeedup}×`,
      measured: formatRatio(speedup),
      pass: speedup >= goalSpeedup,
    },
    {
      goal: `parse + model + graph over our parse alone on ${workload.label}`,
      target: `≤ ${goalOverParse}×`,
      measured: formatRatio(overParse),
      pass: overParse <= goalOverParse,
    },
  ]);
  return {
    suite: "graph",
    notes,
    tables,
    goals,
    data: {
      workloads: results.map(({ workload, timings, speedup, overParse }) => ({
        label: workload.label,
        files: workload.texts.length,
        timings: timings.map((t) => ({ name: t.name, medianMsPerPass: t.medianNs / 1e6, spread: t.spread, samples: t.samples })),
        speedupOverDockerfileAst: speedup,
        pipelineOverParse: overParse,
      })),
    },
  };
}

export const graphSuite: BenchSuite = {
  name: "graph",
  summary: "parse + model + stage graph against our parse and dockerfile-ast's (moby, the whole corpus, 500 stages)",
  run: runGraphSuite,
};
