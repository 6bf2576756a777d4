/**
 * Lint on the keystroke path: the app lints every analysis, on the graph it already built. Timed
 * side by side in one run on moby's 59-stage Dockerfile and the whole real corpus: parse + model +
 * graph, and the same followed by `lintStageGraph`. Goal (issue 9): lint adds at most the cost of
 * parse + model + graph again, so the pipeline with lint takes at most twice the pipeline without.
 */
import type { Core } from "./core.ts";
import { compareContenders } from "./measure.ts";
import type { Contender, Timing } from "./measure.ts";
import { formatNumber, formatPercent, formatRatio } from "./report.ts";
import type { BenchContext, BenchSuite, GoalResult, ReportTable, SuiteReport } from "./suite.ts";
import { loadMobyAndCorpus } from "./workloads.ts";

const goalOverPipeline = 2;
const withoutLint = "parse + model + graph";
const withLint = "parse + model + graph + lint";

function contenders(texts: readonly string[], { buildStageGraph, parseDockerfile, lintStageGraph }: Core): Contender[] {
  return [
    {
      name: withoutLint,
      run: () => {
        let acc = 0;
        for (const text of texts) acc = (acc + buildStageGraph(parseDockerfile(text)).edges.length) | 0;
        return acc;
      },
    },
    {
      name: withLint,
      run: () => {
        let acc = 0;
        for (const text of texts) {
          const graph = buildStageGraph(parseDockerfile(text));
          acc = (acc + graph.edges.length + lintStageGraph(graph).findings.length) | 0;
        }
        return acc;
      },
    },
  ];
}

const medianOf = (timings: readonly Timing[], name: string) => timings.find((t) => t.name === name)?.medianNs ?? NaN;

function runLintSuite(context: BenchContext): SuiteReport {
  const notes = context.corpusDir === null ? ["conformance corpus not found (set STAGECRAFT_CORPUS): timing a synthetic file only"] : [];
  const results = loadMobyAndCorpus(context.corpusDir).map((workload) => {
    const timings = compareContenders(contenders(workload.texts, context.core), context.measure);
    return { workload, timings, ratio: medianOf(timings, withLint) / medianOf(timings, withoutLint) };
  });
  const tables: ReportTable[] = results.map(({ workload, timings }) => ({
    title: `${workload.label}, median of interleaved samples`,
    columns: ["contender", "ms/pass", "IQR/2", "samples×passes"],
    rows: timings.map((t) => [t.name, formatNumber(t.medianNs / 1e6), formatPercent(t.spread), `${t.samples}×${t.batch}`]),
  }));
  const goals: GoalResult[] = results.map(({ workload, ratio }) => ({
    goal: `with lint over without, on ${workload.label}: lint costs at most parse + model + graph again`,
    target: `≤ ${goalOverPipeline}×`,
    measured: formatRatio(ratio),
    pass: ratio <= goalOverPipeline,
  }));
  return {
    suite: "lint",
    notes,
    tables,
    goals,
    data: {
      workloads: results.map(({ workload, timings, ratio }) => ({
        label: workload.label,
        files: workload.texts.length,
        timings: timings.map((t) => ({ name: t.name, medianMsPerPass: t.medianNs / 1e6, spread: t.spread, samples: t.samples })),
        withLintOverWithout: ratio,
      })),
    },
  };
}

export const lintSuite: BenchSuite = {
  name: "lint",
  summary: "lint on the graph the app already built, against parse + model + graph alone (moby, the whole corpus)",
  run: runLintSuite,
};
