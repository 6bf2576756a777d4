/**
 * What re-runs when files change: per built stage, the first instruction whose layer cache
 * breaks and everything after it; a stage that builds on, copies from or mounts a rebuilt stage
 * is rebuilt from there too.
 */
import { buildStageGraph } from "../graph/build-stage-graph.ts";
import type { GraphEdge, StageGraph } from "../graph/types.ts";
import type { DockerfileTree, TextRange } from "../syntax/types.ts";
import type { TypedInstruction } from "../model/types.ts";
import { isRemoteSource } from "./activity.ts";
import { isIgnored, normalizeContextPath, parseDockerignore, sourceMatches } from "./path-match.ts";

export interface CacheImpactOptions {
  readonly target?: string;
  readonly buildArgs?: Readonly<Record<string, string>>;
  /** The text of the `.dockerignore` next to the Dockerfile. */
  readonly dockerignore?: string;
}

/** One instruction that re-runs. */
export interface RerunStep {
  readonly line: number;
  readonly endLine: number;
  /** The whole instruction in the source, for editor marks. */
  readonly range: TextRange;
  readonly keyword: string;
}

export interface StageCacheImpact {
  readonly index: number;
  readonly label: string;
  /** The instruction whose cache breaks first (FROM when the base stage is rebuilt); null: all cached. */
  readonly breaksAt: RerunStep | null;
  /** Why it breaks, in one sentence; null when cached. */
  readonly reason: string | null;
  /** The instructions that re-run, `breaksAt` first. */
  readonly reruns: readonly RerunStep[];
}

export interface CacheImpact {
  /** The changed paths as matched (relative to the context root); ignored ones dropped. */
  readonly changed: readonly string[];
  /** Changed paths `.dockerignore` keeps out of the context: they re-run nothing. */
  readonly ignored: readonly string[];
  /** The built stages, in file order. */
  readonly stages: readonly StageCacheImpact[];
  /** Indexes of the stages that re-run at least one step. */
  readonly rebuilt: readonly number[];
}

function step(i: TypedInstruction): RerunStep {
  return { line: i.line, endLine: i.node.endLine, range: i.node.range, keyword: i.node.name };
}

function matchingPath(patterns: readonly string[], excludes: readonly string[], changed: readonly string[]): string | null {
  for (const path of changed) {
    if (excludes.some((e) => sourceMatches(e, path))) continue;
    if (patterns.some((p) => (isRemoteSource(p) ? p === path : sourceMatches(p, path)))) return path;
  }
  return null;
}

/** Why an instruction's cache breaks, or null when it stays cached. */
function breakReason(i: TypedInstruction, changed: readonly string[], edges: ReadonlyMap<TypedInstruction, GraphEdge[]>, rebuilt: ReadonlySet<number>, graph: StageGraph): string | null {
  const fromRebuilt = (edges.get(i) ?? []).find((e) => e.source.kind === "stage" && rebuilt.has(e.source.index));
  if (fromRebuilt !== undefined && fromRebuilt.source.kind === "stage") {
    const label = graph.stages[fromRebuilt.source.index]?.label ?? "?";
    return fromRebuilt.kind === "copy" ? `It copies from ${label}, which is rebuilt.` : `It mounts ${label}, which is rebuilt.`;
  }
  if (i.kind === "copy" || i.kind === "add") {
    if (i.kind === "copy" && i.from !== null) return null;
    const path = matchingPath(
      i.sources.map((s) => s.value),
      i.exclude.map((e) => e.value),
      changed,
    );
    if (path === null) return null;
    return isRemoteSource(path) ? `It downloads ${path}, which changed.` : `Its sources take in ${path}, which changed.`;
  }
  if (i.kind === "run") {
    for (const mount of i.mounts) {
      if (mount.kind !== "bind" || mount.from !== null) continue;
      const path = matchingPath([mount.source?.value ?? "."], [], changed);
      if (path !== null) return `It mounts the build context, and ${path} changed.`;
    }
  }
  return null;
}

/**
 * Which steps re-run when the given context paths change.
 *
 * @example
 * const impact = cacheImpact(parseDockerfile(text), ["src/app.ts"], { dockerignore: "node_modules\n" });
 * impact.stages.map((s) => [s.label, s.breaksAt?.line ?? "cached"]); // [["builder", 31], ["final", 48]]
 */
export function cacheImpact(tree: DockerfileTree, changedPaths: readonly string[], options: CacheImpactOptions = {}): CacheImpact {
  const graph = buildStageGraph(tree, {
    ...(options.target !== undefined ? { target: options.target } : {}),
    ...(options.buildArgs !== undefined ? { buildArgs: options.buildArgs } : {}),
  });
  return cacheImpactOnGraph(graph, changedPaths, options.dockerignore);
}

/** `cacheImpact` on a graph already built (the app has one for every keystroke). */
export function cacheImpactOnGraph(graph: StageGraph, changedPaths: readonly string[], dockerignore?: string): CacheImpact {
  const rules = dockerignore === undefined ? [] : parseDockerignore(dockerignore);
  const all = changedPaths.map((p) => (isRemoteSource(p) ? p : normalizeContextPath(p))).filter((p) => p !== "");
  const ignored = all.filter((p) => !isRemoteSource(p) && isIgnored(rules, p));
  const changed = all.filter((p) => !ignored.includes(p));
  const edges = new Map<TypedInstruction, GraphEdge[]>();
  for (const e of graph.edges) {
    if (e.kind === "from") continue;
    const list = edges.get(e.instruction) ?? [];
    list.push(e);
    edges.set(e.instruction, list);
  }

  const rebuilt = new Set<number>();
  const stages: StageCacheImpact[] = [];
  for (const stage of graph.stages) {
    if (!stage.reachable) continue;
    const instructions = stage.stage.instructions;
    let at = -1;
    let reason: string | null = null;
    let breaksAt: RerunStep | null = null;
    if (stage.base.kind === "stage" && rebuilt.has(stage.base.index)) {
      reason = `It builds on ${graph.stages[stage.base.index]?.label ?? "?"}, which is rebuilt: every step re-runs.`;
      breaksAt = step(stage.stage.from);
      at = 0;
    } else {
      for (let k = 0; k < instructions.length && at < 0; k++) {
        const i = instructions[k];
        if (i === undefined) continue;
        const why = breakReason(i, changed, edges, rebuilt, graph);
        if (why !== null) {
          at = k;
          reason = why;
          breaksAt = step(i);
        }
      }
    }
    const reruns = at < 0 ? [] : [...(breaksAt !== null && at === 0 && reason?.startsWith("It builds on") === true ? [breaksAt] : []), ...instructions.slice(at).map(step)];
    if (at >= 0) rebuilt.add(stage.index);
    stages.push({ index: stage.index, label: stage.label, breaksAt, reason, reruns });
  }
  return { changed, ignored, stages, rebuilt: [...rebuilt].sort((a, b) => a - b) };
}

/** The context paths the built stages read (COPY/ADD sources and bind-mounted sources), for a pick list. */
export function listContextSources(graph: StageGraph): string[] {
  const out = new Set<string>();
  for (const stage of graph.stages) {
    if (!stage.reachable) continue;
    for (const i of stage.stage.instructions) {
      if ((i.kind === "copy" && i.from === null) || i.kind === "add") for (const s of i.sources) out.add(s.value);
      if (i.kind === "run") for (const m of i.mounts) if (m.kind === "bind" && m.from === null) out.add(m.source?.value ?? ".");
    }
  }
  return [...out];
}
