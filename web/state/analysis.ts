/**
 * Everything the screen shows is a pure function of the text plus the view options (target,
 * build args): parse → model → graph, memoised on its inputs.
 *
 * The analysis never runs inside a keypress. A change of the inputs schedules one run for the
 * next frame, however many keys arrived before it (coalescing), and the screen draws the last
 * published analysis until then. A large file is analysed after the frame that shows the typed
 * key has been painted, so the editor never waits for the graph.
 */
import { useDeferredValue, useSyncExternalStore } from "react";
import {
  buildStageGraph,
  lintRules,
  lintStageGraph,
  parseDockerfile,
  type Diagnostic,
  type DockerfileTree,
  type GraphStage,
  type LintResult,
  type LintRule,
  type QuickFix,
  type StageGraph,
} from "../../src/index.ts";
import { useStore, type AppState } from "./store.ts";

/** One line of the Problems panel and one editor marker: a diagnostic of the graph, or a lint finding with its fixes. */
export interface Problem extends Diagnostic {
  /** The stage it is on; null for the file as a whole. */
  readonly stage: number | null;
  /** False when the target does not build that stage: shown dimmed, and says so. */
  readonly built: boolean;
  readonly fix?: QuickFix;
  readonly suppress?: QuickFix;
  /** The lint rule, for its docs; absent for parse and build errors. */
  readonly rule?: LintRule;
}

export interface Analysis {
  readonly tree: DockerfileTree;
  readonly graph: StageGraph;
  readonly lint: LintResult;
  /** What the editor and the Problems panel list: the graph's errors and parser notes, then the lint findings, in source order. */
  readonly problems: readonly Problem[];
}

const rulesById = new Map(lintRules.map((r) => [r.id, r]));

/** The graph's diagnostics without those a lint rule reports too (the parser's NoEmptyContinuation), merged with the findings. */
function mergeProblems(graph: StageGraph, lint: LintResult): Problem[] {
  const built = (stage: number | null) => stage === null || graph.stages[stage]?.reachable === true;
  const diagnostics = graph.diagnostics
    .filter((d) => d.severity === "error" || !rulesById.has(d.code))
    .map((d): Problem => ({ ...d, built: built(d.stage) }));
  const findings = lint.findings.map((f): Problem => {
    const rule = rulesById.get(f.rule);
    return {
      code: f.rule,
      severity: f.severity,
      message: f.message,
      range: f.range,
      line: f.line,
      stage: f.stage,
      built: f.built,
      ...(f.fix === undefined ? {} : { fix: f.fix }),
      ...(f.suppress === undefined ? {} : { suppress: f.suppress }),
      ...(rule === undefined ? {} : { rule }),
    };
  });
  return [...diagnostics, ...findings].sort((a, b) => a.range.start - b.range.start);
}

export { hookKey, imageKey, nodeName, stageKey, stageName } from "./node-keys.ts";

let lastText: string | null = null;
let lastTree: DockerfileTree | null = null;
let last: { target: string | null; buildArgs: Readonly<Record<string, string>>; analysis: Analysis } | null = null;

/**
 * Parses, reusing the previous tree when only the view options changed, and the previous
 * analysis when nothing changed.
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

/** The analysis on screen, and the store revision it was made from. */
export interface Published {
  readonly analysis: Analysis;
  /** `revision` of the store state whose text, target and build args were analysed. */
  readonly revision: number;
}

/** Text this long or longer is analysed after the typed key is painted, not before. */
export const LARGE_TEXT = 32_000;

type Inputs = Pick<AppState, "text" | "target" | "buildArgs" | "revision">;

function sameInputs(a: Inputs, b: Inputs): boolean {
  return a.text === b.text && a.target === b.target && a.buildArgs === b.buildArgs;
}

function analyzeInputs(inputs: Inputs): Published {
  return { analysis: analyze(inputs.text, inputs.target, inputs.buildArgs), revision: inputs.revision };
}

/**
 * The published analysis and its scheduler: one analysis per frame, whatever the number of
 * changes in it. Exported as a class so tests can drive it with their own clock.
 */
export class AnalysisScheduler {
  private published: Published | null = null;
  /** When a newer analysis was asked for and is not published yet (performance.now()), else null. */
  private pending: number | null = null;
  private readonly listeners = new Set<() => void>();
  private scheduled = false;
  private unsubscribe: (() => void) | null = null;

  constructor(
    private readonly source: { getState(): Inputs; subscribe(listener: (state: Inputs, previous: Inputs) => void): () => void },
    private readonly schedule: (run: () => void, large: boolean) => void = scheduleInBrowser,
  ) {}

  /** The inputs of the published analysis. */
  private analysed: Inputs | null = null;

  /** The analysis to draw; the first call analyses the current text at once (the first paint waits for nothing else). */
  get(): Published {
    this.published ??= this.analyse();
    return this.published;
  }

  private analyse(): Published {
    this.analysed = this.source.getState();
    return analyzeInputs(this.analysed);
  }

  /** Since when the analysis on screen is behind the text, or null when it is not. */
  pendingSince(): number | null {
    return this.pending;
  }

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    if (this.unsubscribe === null) {
      this.unsubscribe = this.source.subscribe((state, previous) => this.follow(state, previous));
      // A change made while nobody listened (a share link opened before the first render) is not missed.
      if (this.analysed !== null) this.follow(this.source.getState(), this.analysed);
    }
    return () => {
      this.listeners.delete(listener);
      if (this.listeners.size === 0) {
        this.unsubscribe?.();
        this.unsubscribe = null;
      }
    };
  }

  private follow(state: Inputs, previous: Inputs): void {
    if (!sameInputs(state, previous)) this.request();
    else if (state.revision !== previous.revision && this.published !== null && !this.scheduled) {
      // The same text again (an undo back to it): nothing to analyse, but this revision is drawn.
      this.publish({ ...this.published, revision: state.revision });
    }
  }

  private request(): void {
    if (this.scheduled) return;
    this.scheduled = true;
    this.get();
    this.pending = performance.now();
    this.notify();
    this.schedule(() => this.run(), this.source.getState().text.length >= LARGE_TEXT);
  }

  /** Analyses the inputs as they are now: every change since the request is in this one run. */
  run(): void {
    this.scheduled = false;
    this.pending = null;
    this.publish(this.analyse());
  }

  private publish(next: Published): void {
    this.published = next;
    this.notify();
  }

  private notify(): void {
    for (const listener of this.listeners) listener();
  }
}

/**
 * Small files: in the next animation frame, before it is painted, so the graph appears in the
 * same frame as the typed key. Large files: after that frame has been painted. A hidden page
 * gets no frames: a timer stands in.
 */
function scheduleInBrowser(run: () => void, large: boolean): void {
  let done = false;
  const once = () => {
    if (done) return;
    done = true;
    clearTimeout(fallback);
    run();
  };
  const fallback = setTimeout(once, 100);
  requestAnimationFrame(() => {
    if (!large) return once();
    const channel = new MessageChannel();
    channel.port1.onmessage = once;
    channel.port2.postMessage(null);
  });
}

const scheduler = new AnalysisScheduler(useStore);
const subscribe = (listener: () => void) => scheduler.subscribe(listener);
const getPublished = () => scheduler.get();

const getPendingSince = () => scheduler.pendingSince();

/** The analysis on screen with the revision it shows. */
export function usePublishedAnalysis(): Published {
  return useSyncExternalStore(subscribe, getPublished);
}

/** Since when (performance.now()) the screen is behind the text, or null: for an "analysing…" sign. */
export function usePendingSince(): number | null {
  return useSyncExternalStore(subscribe, getPendingSince);
}

/** The analysis of the current text, target and build args, as last published (at most a frame behind). */
export function useAnalysis(): Analysis {
  return usePublishedAnalysis().analysis;
}

/** The analysis on screen now (for code outside React: the editor's quick-fix menu). */
export function currentAnalysis(): Analysis {
  return scheduler.get().analysis;
}

/** The label of the target stage on screen (for a hover that names it), or null when there is none. */
export function currentTargetLabel(): string | null {
  const { graph } = scheduler.get().analysis;
  return graph.stages[graph.target]?.label ?? null;
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

/**
 * Makes the core hot before the first keystroke: a freshly loaded page runs it unoptimised, several
 * times slower than warm. Runs the pipeline on `texts` (small files, a few ms each) in idle time.
 */
export function warmAtIdle(texts: readonly string[], rounds = 12): void {
  const idle: (run: (deadline: { timeRemaining(): number }) => void) => void =
    typeof requestIdleCallback === "function" ? (run) => requestIdleCallback(run, { timeout: 2000 }) : (run) => setTimeout(() => run({ timeRemaining: () => 8 }), 50);
  let round = 0;
  const step = (deadline: { timeRemaining(): number }) => {
    while (round < rounds * texts.length && deadline.timeRemaining() > 4) {
      const text = texts[round % texts.length]!;
      // A fresh string each round, so nothing is memoised away.
      buildStageGraph(parseDockerfile(`${text}\n# ${round}\n`));
      round++;
    }
    if (round < rounds * texts.length) idle(step);
  };
  idle(step);
}
