/**
 * Which stages BuildKit builds, and the cycles that stop it. All walks are iterative so a
 * pathological file with thousands of stages cannot exhaust the stack.
 */

/** A dependency of one stage on another through an edge (`COPY --from`, `--mount from=`). */
export interface StageDependency {
  /** The stage depended on. */
  readonly source: number;
  /** Index of the edge in the graph's edge list. */
  readonly edge: number;
}

/**
 * The stages the target needs: itself, its base chain and everything its dependencies need
 * (BuildKit's `allReachableStages`). No target (-1) means nothing is built.
 */
export function findReachable(
  target: number,
  bases: readonly (number | null)[],
  dependencies: readonly (readonly StageDependency[])[],
): boolean[] {
  const reachable = bases.map(() => false);
  if (target < 0 || target >= bases.length) return reachable;
  const stack = [target];
  reachable[target] = true;
  while (stack.length > 0) {
    const stage = stack.pop() ?? 0;
    const next = [bases[stage] ?? null, ...(dependencies[stage] ?? []).map((d) => d.source)];
    for (const n of next) {
      if (n !== null && !reachable[n]) {
        reachable[n] = true;
        stack.push(n);
      }
    }
  }
  return reachable;
}

/** BuildKit keeps one dependency per source stage (a map), the command of the last one winning. */
function uniqueBySource(dependencies: readonly StageDependency[]): StageDependency[] {
  const bySource = new Map<number, StageDependency>();
  for (const d of dependencies) {
    bySource.delete(d.source);
    bySource.set(d.source, d);
  }
  const firstSeen = [...new Set(dependencies.map((d) => d.source))];
  return firstSeen.map((source) => bySource.get(source) ?? { source, edge: -1 });
}

/**
 * BuildKit's `validateCircularDependency`: depth-first from each stage in file order over
 * dependencies (bases cannot loop: FROM only looks back). Returns the stage BuildKit names in
 * "circular dependency detected on stage: X" and the first edge on the looping path.
 */
export function findFirstCycle(dependencies: readonly (readonly StageDependency[])[]): { stage: number; edge: number } | null {
  const deps = dependencies.map(uniqueBySource);
  const visited = new Set<number>();
  for (let start = 0; start < deps.length; start++) {
    if (visited.has(start)) continue;
    const onPath = new Set<number>([start]);
    visited.add(start);
    const frames: { stage: number; next: number; via: number }[] = [{ stage: start, next: 0, via: -1 }];
    while (frames.length > 0) {
      const frame = frames[frames.length - 1];
      if (frame === undefined) break;
      const dep = deps[frame.stage]?.[frame.next];
      if (dep === undefined) {
        onPath.delete(frame.stage);
        frames.pop();
        continue;
      }
      frame.next++;
      const firstEdge = frames.length > 1 ? (frames[1]?.via ?? dep.edge) : dep.edge;
      if (onPath.has(dep.source)) return { stage: start, edge: firstEdge };
      if (visited.has(dep.source)) continue;
      visited.add(dep.source);
      onPath.add(dep.source);
      frames.push({ stage: dep.source, next: 0, via: dep.edge });
    }
  }
  return null;
}

/** Indexes of the edges that lie on a cycle (a self-dependency included), by strongly connected components. */
export function findEdgesOnCycles(dependencies: readonly (readonly StageDependency[])[]): Set<number> {
  const n = dependencies.length;
  const index = new Array<number>(n).fill(-1);
  const low = new Array<number>(n).fill(0);
  const component = new Array<number>(n).fill(-1);
  const onStack = new Array<boolean>(n).fill(false);
  const stack: number[] = [];
  let counter = 0;
  let components = 0;
  for (let root = 0; root < n; root++) {
    if (index[root] !== -1) continue;
    const frames: { stage: number; next: number }[] = [{ stage: root, next: 0 }];
    index[root] = low[root] = counter++;
    stack.push(root);
    onStack[root] = true;
    while (frames.length > 0) {
      const frame = frames[frames.length - 1];
      if (frame === undefined) break;
      const v = frame.stage;
      const dep = dependencies[v]?.[frame.next];
      if (dep !== undefined) {
        frame.next++;
        const w = dep.source;
        if (index[w] === -1) {
          index[w] = low[w] = counter++;
          stack.push(w);
          onStack[w] = true;
          frames.push({ stage: w, next: 0 });
        } else if (onStack[w]) low[v] = Math.min(low[v] ?? 0, index[w] ?? 0);
        continue;
      }
      frames.pop();
      const parent = frames[frames.length - 1];
      if (parent !== undefined) low[parent.stage] = Math.min(low[parent.stage] ?? 0, low[v] ?? 0);
      if (low[v] === index[v]) {
        for (;;) {
          const w = stack.pop();
          if (w === undefined) break;
          onStack[w] = false;
          component[w] = components;
          if (w === v) break;
        }
        components++;
      }
    }
  }
  const onCycles = new Set<number>();
  dependencies.forEach((deps, target) => {
    for (const d of deps) if (d.source === target || component[d.source] === component[target]) onCycles.add(d.edge);
  });
  return onCycles;
}
