import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { intersects } from "./occupancy.ts";
import { layoutAll } from "./layout-all.ts";
import { placeNodes } from "./place-nodes.ts";
import { separateNodes } from "./separate-nodes.ts";
import { generateStageGraph } from "./synthetic-graph.ts";
import type { LayoutGraph, Point } from "./types.ts";

/** Pairs that overlap, leaving out pairs of two pinned nodes (the user put both there). */
function overlapsOutsidePins(graph: LayoutGraph, positions: Readonly<Record<string, Point>>, pinned: ReadonlySet<string>): string[] {
  const boxes = graph.nodes.map((n) => ({ id: n.id, width: n.width, height: n.height, ...positions[n.id]! }));
  const found: string[] = [];
  for (let i = 0; i < boxes.length; i++) {
    for (let j = i + 1; j < boxes.length; j++) {
      const a = boxes[i]!;
      const b = boxes[j]!;
      if (pinned.has(a.id) && pinned.has(b.id)) continue;
      if (intersects(a, b)) found.push(`${a.id}/${b.id}`);
    }
  }
  return found;
}

describe("separateNodes", () => {
  it("returns the very positions when nothing overlaps", () => {
    const graph = generateStageGraph(30, 1);
    const positions = Object.fromEntries(layoutAll(graph));
    expect(separateNodes(graph, positions, new Set())).toBe(positions);
  });

  it("keeps nodes apart after any growth, never moves a pinned node, and is deterministic (random graphs)", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 2, max: 60 }),
        fc.integer({ min: 0, max: 1000 }),
        fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 600 })), { maxLength: 12 }),
        fc.array(fc.nat(), { maxLength: 6 }),
        (stages, seed, growth, pins) => {
          const base = generateStageGraph(stages, seed);
          const stored = Object.fromEntries(layoutAll(base));
          const extra = new Map<string, number>();
          for (const [i, add] of growth) {
            const node = base.nodes[i % base.nodes.length]!;
            extra.set(node.id, (extra.get(node.id) ?? 0) + add);
          }
          const grown: LayoutGraph = { ...base, nodes: base.nodes.map((n) => ({ ...n, height: n.height + (extra.get(n.id) ?? 0) })) };
          const pinned = [...new Set(pins.map((i) => base.nodes[i % base.nodes.length]!.id))];
          const pinnedSet = new Set(pinned);
          const { positions } = placeNodes(grown, new Map(), stored, pinned);
          expect(overlapsOutsidePins(grown, positions, pinnedSet)).toEqual([]);
          for (const id of pinned) expect(positions[id]).toEqual(stored[id]);
          // Nothing moves up, and nothing sideways.
          for (const n of grown.nodes) {
            expect(positions[n.id]!.x).toBe(stored[n.id]!.x);
            expect(positions[n.id]!.y).toBeGreaterThanOrEqual(stored[n.id]!.y);
          }
          expect(placeNodes(grown, new Map(), stored, pinned).positions).toEqual(positions);
        },
      ),
      { numRuns: 40 },
    );
  });
});
