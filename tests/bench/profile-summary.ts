/** Where the time goes in a V8 CPU profile: shares of samples per function, self and total. */

export interface CallFrame {
  readonly functionName: string;
  readonly url: string;
  /** 0-based, in the code V8 ran. */
  readonly lineNumber: number;
  readonly columnNumber: number;
}

interface ProfileNode {
  readonly id: number;
  readonly callFrame: CallFrame;
  readonly children?: readonly number[];
}

/** The parts of V8's `Profiler.Profile` used here. */
export interface CpuProfile {
  readonly nodes: readonly ProfileNode[];
  readonly samples?: readonly number[];
}

export interface FunctionCost {
  readonly name: string;
  /** Share of samples in which the function was running. */
  readonly selfShare: number;
  /** Share of samples in which it was on the stack (recursion counted once). */
  readonly totalShare: number;
}

/** Per-function costs; `describe` names a frame (e.g. `parseWords src/syntax/line-parsers.ts:120`). */
export function summariseProfile(profile: CpuProfile, describe: (frame: CallFrame) => string): FunctionCost[] {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
  const names = new Map(profile.nodes.map((n) => [n.id, describe(n.callFrame)]));
  const self = new Map<string, number>();
  const total = new Map<string, number>();
  const samples = profile.samples ?? [];
  for (const id of samples) {
    const leafName = names.get(id);
    if (leafName === undefined) continue;
    self.set(leafName, (self.get(leafName) ?? 0) + 1);
    const seen = new Set<string>();
    for (let cur: number | undefined = id; cur !== undefined && byId.has(cur); cur = parent.get(cur)) {
      const name = names.get(cur) ?? "";
      if (seen.has(name)) continue;
      seen.add(name);
      total.set(name, (total.get(name) ?? 0) + 1);
    }
  }
  const count = Math.max(1, samples.length);
  return [...total.keys()].map((name) => ({ name, selfShare: (self.get(name) ?? 0) / count, totalShare: (total.get(name) ?? 0) / count }));
}

/** The top functions by self time, then by total time (only those `showInTotal` keeps), as text. */
export function formatProfileSummary(costs: readonly FunctionCost[], top: number, showInTotal: (name: string) => boolean = () => true): string {
  const pct = (x: number) => `${(x * 100).toFixed(1).padStart(5)}%`;
  const lines = ["by self time:   self   total"];
  for (const c of [...costs].sort((a, b) => b.selfShare - a.selfShare).slice(0, top)) {
    lines.push(`              ${pct(c.selfShare)}  ${pct(c.totalShare)}  ${c.name}`);
  }
  lines.push("by total time: total    self");
  for (const c of costs.filter((c) => showInTotal(c.name)).sort((a, b) => b.totalShare - a.totalShare).slice(0, top)) {
    lines.push(`              ${pct(c.totalShare)}  ${pct(c.selfShare)}  ${c.name}`);
  }
  return lines.join("\n") + "\n";
}
