/**
 * The overlay marks as a pure function of the graph and the overlay settings, and the hook that
 * keeps them in the explain store, replacing them only when they change so a keystroke that
 * changes no mark re-renders no node.
 */
import { useEffect } from "react";
import { buildSchedule, cacheImpactOnGraph, type StageGraph } from "../../src/index.ts";
import { stageKey, useAnalysis } from "../state/analysis.ts";
import { NO_MARKS, useExplainStore, type ExplainMarks } from "./explain-store.ts";

export function deriveMarks(graph: StageGraph, changedPaths: readonly string[], schedule: boolean): ExplainMarks {
  if (changedPaths.length === 0 && !schedule) return NO_MARKS;
  const cache: Record<string, "rerun" | "cached"> = {};
  const rerun: { start: number; end: number }[] = [];
  if (changedPaths.length > 0) {
    const impact = cacheImpactOnGraph(graph, changedPaths);
    for (const s of impact.stages) {
      const stage = graph.stages[s.index];
      if (stage === undefined) continue;
      cache[stageKey(stage)] = s.breaksAt === null ? "cached" : "rerun";
      for (const step of s.reruns) rerun.push({ start: step.range.start, end: step.range.end });
    }
  }
  const levels: Record<string, string> = {};
  if (schedule) {
    const { levels: byLevel, criticalPath } = buildSchedule(graph);
    byLevel.forEach((level, i) => {
      for (const index of level) {
        const stage = graph.stages[index];
        if (stage !== undefined) levels[stageKey(stage)] = `${i + 1}${criticalPath.includes(index) ? "*" : ""}`;
      }
    });
  }
  return { cache, schedule: levels, rerun, source: graph.model.tree.source };
}

function sameRecord(a: Readonly<Record<string, string>>, b: Readonly<Record<string, string>>): boolean {
  const keys = Object.keys(a);
  return keys.length === Object.keys(b).length && keys.every((k) => a[k] === b[k]);
}

function sameMarks(a: ExplainMarks, b: ExplainMarks): boolean {
  return (
    a.source === b.source &&
    sameRecord(a.cache, b.cache) &&
    sameRecord(a.schedule, b.schedule) &&
    a.rerun.length === b.rerun.length &&
    a.rerun.every((r, i) => r.start === b.rerun[i]?.start && r.end === b.rerun[i]?.end)
  );
}

/** Keeps `marks` in step with the analysis while an overlay is on. Mount once. */
export function useExplainMarks(): void {
  const { graph } = useAnalysis();
  const changedPaths = useExplainStore((s) => s.changedPaths);
  const schedule = useExplainStore((s) => s.scheduleOverlay);
  useEffect(() => {
    const next = deriveMarks(graph, changedPaths, schedule);
    const store = useExplainStore.getState();
    if (!sameMarks(store.marks, next)) store.setMarks(next);
  }, [graph, changedPaths, schedule]);
}
