/**
 * The build schedule: which built stages BuildKit can work on at the same time, and the
 * longest chain of stages that each wait for the one before (the critical path).
 */
import type { StageGraph } from "../graph/types.ts";

export interface BuildSchedule {
  /** Stage indexes per level: a stage's level is one more than the highest level of what it needs. */
  readonly levels: readonly (readonly number[])[];
  /** The chain of stages, first built first, whose summed cost is the largest. */
  readonly criticalPath: readonly number[];
  /** The cost of each stage used for the critical path: 1 plus its RUN steps (a rough weight). */
  readonly cost: ReadonlyMap<number, number>;
}

/** What each stage waits for: its base stage and every stage it copies or mounts from. */
export function stageNeeds(graph: StageGraph): number[][] {
  const needs: number[][] = graph.stages.map(() => []);
  for (const edge of graph.edges) {
    if (edge.source.kind !== "stage" || edge.source.index === edge.target) continue;
    const list = needs[edge.target];
    if (list !== undefined && !list.includes(edge.source.index)) list.push(edge.source.index);
  }
  return needs;
}

/**
 * Levels and the critical path of the stages the target builds. Stages that wait on a cycle
 * (which BuildKit rejects) are left out.
 *
 * @example
 * const { levels, criticalPath } = buildSchedule(buildStageGraph(parseDockerfile(text)));
 * levels.map((l) => l.map((i) => graph.stages[i].label)); // [["base", "uv"], ["builder"], ["pruner"], ["final"]]
 */
export function buildSchedule(graph: StageGraph): BuildSchedule {
  const needs = stageNeeds(graph);
  const built = graph.stages.filter((s) => s.reachable).map((s) => s.index);
  const level = new Map<number, number>();
  const cost = new Map<number, number>();
  const best = new Map<number, { total: number; previous: number | null }>();
  for (const s of graph.stages) cost.set(s.index, 1 + s.stage.instructions.filter((i) => i.kind === "run").length);

  // Stages only depend on earlier ones once BuildKit accepts the file; iterate to a fixed point to stay safe on bad input.
  let changed = true;
  for (let round = 0; changed && round <= built.length; round++) {
    changed = false;
    for (const index of built) {
      const deps = (needs[index] ?? []).filter((d) => graph.stages[d]?.reachable === true);
      if (!deps.every((d) => level.has(d))) continue;
      const lvl = deps.reduce((max, d) => Math.max(max, (level.get(d) ?? 0) + 1), 0);
      let previous: number | null = null;
      let total = 0;
      for (const d of deps) {
        const t = best.get(d)?.total ?? 0;
        if (t > total) {
          total = t;
          previous = d;
        }
      }
      total += cost.get(index) ?? 1;
      if (level.get(index) !== lvl || best.get(index)?.total !== total) {
        level.set(index, lvl);
        best.set(index, { total, previous });
        changed = true;
      }
    }
  }

  const levels: number[][] = [];
  for (const [index, lvl] of [...level].sort((a, b) => a[0] - b[0])) (levels[lvl] ??= []).push(index);
  let end: number | null = null;
  for (const [index, b] of best) if (end === null || b.total > (best.get(end)?.total ?? 0)) end = index;
  if (graph.target >= 0 && best.has(graph.target)) end = graph.target;
  const criticalPath: number[] = [];
  for (let at = end; at !== null && !criticalPath.includes(at); at = best.get(at)?.previous ?? null) criticalPath.unshift(at);
  return { levels: levels.filter((l) => l !== undefined), criticalPath, cost };
}
