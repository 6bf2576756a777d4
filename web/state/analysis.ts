/**
 * Everything the screen shows is a pure function of the text plus the view options (target,
 * build args): parse → model → graph, recomputed per change and memoised on its inputs.
 */
import { useDeferredValue, useMemo } from "react";
import {
  buildStageGraph,
  lintRules,
  lintStageGraph,
  parseDockerfile,
  type Diagnostic,
  type DockerfileTree,
  type GraphStage,
  type LintResult,
  type StageGraph,
} from "../../src/index.ts";
import { useStore } from "./store.ts";

export interface Analysis {
  readonly tree: DockerfileTree;
  readonly graph: StageGraph;
  readonly lint: LintResult;
  /** What the editor and the Problems panel list: the graph's errors and parser notes, then the lint findings, in source order. */
  readonly problems: readonly Diagnostic[];
}

const lintRuleIds = new Set(lintRules.map((r) => r.id));

/** The graph's diagnostics without those a lint rule reports too (the parser's NoEmptyContinuation), merged with the findings. */
function mergeProblems(graph: StageGraph, lint: LintResult): Diagnostic[] {
  const diagnostics = graph.diagnostics.filter((d) => d.severity === "error" || !lintRuleIds.has(d.code));
  const findings = lint.findings.map((f): Diagnostic => ({ code: f.rule, severity: f.severity, message: f.message, range: f.range, line: f.line }));
  return [...diagnostics, ...findings].sort((a, b) => a.range.start - b.range.start);
}

/** The key a stage is known by in view state and test hooks: its name, or `#index` when unnamed. */
export function stageKey(stage: Pick<GraphStage, "name" | "index">): string {
  return stage.name ?? `#${stage.index}`;
}

/** The key of an external image node. */
export function imageKey(ref: string): string {
  return `image:${ref}`;
}

let lastText: string | null = null;
let lastTree: DockerfileTree | null = null;
let last: { target: string | null; buildArgs: Readonly<Record<string, string>>; analysis: Analysis } | null = null;

/**
 * Parses, reusing the previous tree when only the view options changed, and the previous
 * analysis when nothing changed: the canvas and every panel call `useAnalysis()` on the same
 * store values, and one keystroke should derive the graph once, not once per component.
 */
export function analyze(text: string, target: string | null, buildArgs: Readonly<Record<string, string>>): Analysis {
  if (text !== lastText || lastTree === null) {
    lastTree = parseDockerfile(text);
    lastText = text;
    last = null;
  }
  if (last !== null && last.target === target && last.buildArgs === buildArgs) return last.analysis;
  const options = { ...(target !== null ? { target } : {}), buildArgs };
  const graph = buildStageGraph(lastTree, options);
  const lint = lintStageGraph(graph, options);
  const analysis = { tree: lastTree, graph, lint, problems: mergeProblems(graph, lint) };
  last = { target, buildArgs, analysis };
  return analysis;
}

/** The analysis of the current text, target and build args. */
export function useAnalysis(): Analysis {
  const text = useStore((s) => s.text);
  const target = useStore((s) => s.target);
  const buildArgs = useStore((s) => s.buildArgs);
  return useMemo(() => analyze(text, target, buildArgs), [text, target, buildArgs]);
}

/** The stage whose block holds `offset` (its FROM line through the line before the next FROM). */
export function stageAtOffset(graph: StageGraph, offset: number): GraphStage | null {
  let found: GraphStage | null = null;
  for (const stage of graph.stages) {
    if (stage.range.start <= offset) found = stage;
    else break;
  }
  return found;
}

/**
 * The analysis for views that may lag a keystroke behind (the side panel, the target list):
 * React draws the canvas and the editor first and renders these after, in slices it can
 * interrupt, so on a large file typing never waits for the panels.
 */
export function useDeferredAnalysis(): Analysis {
  return useDeferredValue(useAnalysis());
}
