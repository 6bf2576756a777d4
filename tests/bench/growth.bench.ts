/**
 * The growth budget: each hostile shape (`hostile-shapes.ts`) timed through parse + model + graph
 * at 1×, 2×, 4× and 8× its base size. The goal is near-linear growth: 8× the size in at most
 * 10× the time. A shape that misses is a way to freeze the page with a small file.
 */
import type { Core } from "./core.ts";
import { compareContenders } from "./measure.ts";
import { formatNumber, formatRatio } from "./report.ts";
import type { BenchContext, BenchSuite, GoalResult, ReportTable, SuiteReport } from "./suite.ts";
import { hostileShapes, type HostileShape } from "./hostile-shapes.ts";

const SCALES = [1, 2, 4, 8] as const;
/** 8× the size may take at most this many times as long as 1×. */
const GOAL_RATIO = 10;

function parseAndGraph(core: Core, text: string): number {
  const graph = core.buildStageGraph(core.parseDockerfile(text));
  return (graph.stages.length + graph.edges.length + graph.diagnostics.length) | 0;
}

function measureShape(shape: HostileShape, context: BenchContext) {
  const sizes = SCALES.map((scale) => {
    const size = shape.base * scale;
    const text = shape.generate(size);
    // A round trip that fails here is a bug to report, not a figure to time.
    const roundTrips = context.core.printDockerfile(context.core.parseDockerfile(text)) === text;
    return { scale, size, text, roundTrips };
  });
  // The four sizes are timed interleaved, round by round, so a change in the machine's load
  // during the run lands on all of them alike and the ratio between them holds.
  const timings = compareContenders(
    sizes.map(({ scale, text }) => ({ name: `${shape.name} ${scale}×`, run: () => parseAndGraph(context.core, text) })),
    context.measure,
  );
  const rows = sizes.map(({ scale, size, text, roundTrips }, i) => ({ scale, size, bytes: text.length, ms: (timings[i]?.medianNs ?? NaN) / 1e6, roundTrips }));
  const first = rows[0]?.ms ?? NaN;
  const last = rows[rows.length - 1]?.ms ?? NaN;
  return { shape, rows, ratio: last / first };
}

function runGrowthSuite(context: BenchContext): SuiteReport {
  const results = hostileShapes.map((shape) => measureShape(shape, context));
  const tables: ReportTable[] = [
    {
      title: "parse + model + graph, median ms per pass at 1×, 2×, 4×, 8× the base size",
      columns: ["shape", "1× size", "1×", "2×", "4×", "8×", "8×/1×", "goal"],
      rows: results.map(({ shape, rows, ratio }) => [
        shape.name,
        `${shape.base} ${shape.unit}`,
        ...rows.map((r) => formatNumber(r.ms)),
        formatRatio(ratio),
        ratio <= GOAL_RATIO && rows.every((r) => r.roundTrips) ? "PASS" : "MISS",
      ]),
    },
  ];
  const goals: GoalResult[] = results.map(({ shape, rows, ratio }) => ({
    goal: `${shape.name}: 8× the size in at most ${GOAL_RATIO}× the time, printing back byte for byte`,
    target: `≤ ${GOAL_RATIO}×`,
    measured: `${formatRatio(ratio)}${rows.every((r) => r.roundTrips) ? "" : ", round trip FAILED"}`,
    pass: ratio <= GOAL_RATIO && rows.every((r) => r.roundTrips),
  }));
  return {
    suite: "growth",
    notes: ["the four sizes of a shape are timed interleaved, so the ratio between them holds on a busy machine better than the absolute figures"],
    tables,
    goals,
    data: {
      shapes: results.map(({ shape, rows, ratio }) => ({ name: shape.name, unit: shape.unit, base: shape.base, ratio, rows })),
    },
  };
}

export const growthSuite: BenchSuite = {
  name: "growth",
  summary: "hostile shapes at 1×, 2×, 4×, 8× their size: parse + model + graph must grow near-linearly (8× size ≤ 10× time)",
  run: runGrowthSuite,
};
