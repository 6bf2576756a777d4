import { describe, expect, it } from "vitest";
import { findEdgesOnCycles, findFirstCycle, findReachable } from "./reachability.ts";
import type { StageDependency } from "./reachability.ts";

const dep = (source: number, edge: number): StageDependency => ({ source, edge });

describe("findReachable", () => {
  it("follows bases and dependencies from the target only", () => {
    // 0 ← 1 (base), 2 copies from 0, 3 alone
    expect(findReachable(2, [null, 0, null, null], [[], [], [dep(0, 0)], []])).toEqual([true, false, true, false]);
    expect(findReachable(1, [null, 0, null, null], [[], [], [dep(0, 0)], []])).toEqual([true, true, false, false]);
    expect(findReachable(-1, [null], [[]])).toEqual([false]);
  });

  it("copes with a very long chain without recursion", () => {
    const n = 50_000;
    const bases = Array.from({ length: n }, (_, i) => (i === 0 ? null : i - 1));
    expect(findReachable(n - 1, bases, bases.map(() => [])).every(Boolean)).toBe(true);
  });
});

describe("findFirstCycle (BuildKit validateCircularDependency)", () => {
  it("names the first stage in file order from which a cycle is reachable", () => {
    // 0 → 1 → 2 → 1 : stage 0 reaches the cycle first; the path starts with edge 10
    expect(findFirstCycle([[dep(1, 10)], [dep(2, 11)], [dep(1, 12)]])).toEqual({ stage: 0, edge: 10 });
    expect(findFirstCycle([[dep(0, 5)]])).toEqual({ stage: 0, edge: 5 });
    expect(findFirstCycle([[dep(1, 0)], [], [dep(0, 1)]])).toBeNull();
  });

  it("keeps BuildKit's one dependency per source, the last command winning", () => {
    expect(findFirstCycle([[dep(0, 1), dep(0, 2)]])).toEqual({ stage: 0, edge: 2 });
  });
});

describe("findEdgesOnCycles", () => {
  it("marks self-dependencies and edges inside a strongly connected component", () => {
    const deps = [[dep(1, 0)], [dep(0, 1), dep(2, 2)], [], [dep(3, 3)]];
    expect([...findEdgesOnCycles(deps)].sort()).toEqual([0, 1, 3]);
  });
});
