/**
 * What a benchmark suite is and what it hands back. `run.ts` keeps the list of suites;
 * a new benchmark is a new `*.bench.ts` file exporting a `BenchSuite`, added to that list.
 */
import type { Core } from "./core.ts";
import type { MeasureOptions } from "./measure.ts";

export interface BenchContext {
  readonly measure: MeasureOptions;
  /** The conformance corpus folder, or null when it is absent. */
  readonly corpusDir: string | null;
  /** Stagecraft's core bundled as it ships (see core.ts): time this, not `src/` through tsx. */
  readonly core: Core;
}

export interface ReportTable {
  readonly title: string;
  readonly columns: readonly string[];
  /** Cells already formatted for the text table; the JSON output carries the raw numbers in `data`. */
  readonly rows: readonly (readonly string[])[];
}

export interface GoalResult {
  readonly goal: string;
  readonly target: string;
  readonly measured: string;
  readonly pass: boolean;
}

export interface SuiteReport {
  readonly suite: string;
  readonly notes: readonly string[];
  readonly tables: readonly ReportTable[];
  readonly goals: readonly GoalResult[];
  /** Raw figures for `--json` (plain numbers and strings only). */
  readonly data: Record<string, unknown>;
}

export interface BenchSuite {
  readonly name: string;
  readonly summary: string;
  readonly run: (context: BenchContext) => Promise<SuiteReport> | SuiteReport;
}
