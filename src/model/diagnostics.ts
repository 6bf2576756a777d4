/**
 * Building and ordering model diagnostics. Lines come from `offsetToPosition`, the one place
 * offsets become positions.
 */
import { offsetToPosition } from "../syntax/positions.ts";
import type { Diagnostic, DockerfileTree, Severity, TextRange } from "../syntax/types.ts";
import type { FailureTime, ModelDiagnostic } from "./types.ts";

export interface DiagnosticSpec {
  readonly code: string;
  readonly severity: Severity;
  readonly message: string;
  readonly range: TextRange;
  readonly stage: number | null;
  /** For errors: when BuildKit would fail on it (see `FailureTime`); ignored for warnings. */
  readonly when?: FailureTime;
}

/** Collects diagnostics for one tree. */
export class DiagnosticList {
  readonly items: ModelDiagnostic[] = [];

  constructor(private readonly tree: Pick<DockerfileTree, "lineStarts" | "source">) {}

  add(spec: DiagnosticSpec): void {
    this.items.push(makeDiagnostic(this.tree, spec));
  }

  /** A BuildKit error: `parse` errors fail every build, `build` errors only a build of their stage. */
  error(code: string, message: string, range: TextRange, stage: number | null, when: FailureTime): void {
    this.add({ code, severity: "error", message, range, stage, when });
  }
}

export function makeDiagnostic(tree: Pick<DockerfileTree, "lineStarts" | "source">, spec: DiagnosticSpec): ModelDiagnostic {
  return {
    code: spec.code,
    severity: spec.severity,
    message: spec.message,
    range: spec.range,
    line: offsetToPosition(tree, spec.range.start).line,
    stage: spec.stage,
    when: spec.severity === "error" ? (spec.when ?? "parse") : null,
  };
}

/** Lift a parser diagnostic into the model (parser errors stop BuildKit before anything else), in the stage whose text holds it. */
export function fromParserDiagnostic(d: Diagnostic, stage: number | null): ModelDiagnostic {
  return {
    code: d.code,
    severity: d.severity,
    message: d.message,
    range: d.range,
    line: d.line,
    stage,
    when: d.severity === "error" ? "parse" : null,
  };
}

/** Source order, then the order they were found in (the sort is stable); exact repeats for the same stage dropped. */
export function sortDiagnostics(list: readonly ModelDiagnostic[]): ModelDiagnostic[] {
  const seen = new Set<string>();
  const unique = list.filter((d) => {
    const key = `${d.range.start}\u0000${d.stage ?? ""}\u0000${d.code}\u0000${d.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  return unique.sort((a, b) => a.range.start - b.range.start);
}
