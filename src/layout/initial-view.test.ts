import { describe, expect, it } from "vitest";
import type { LayoutGraph } from "./types.ts";
import { chooseInitialView } from "./initial-view.ts";

const pane = { width: 600, height: 600 };
const room = { x: 48, y: 112 };

function row(count: number): { graph: LayoutGraph; positions: Record<string, { x: number; y: number }> } {
  const nodes = Array.from({ length: count }, (_, i) => ({ id: `s${i}`, width: 272, height: 100 }));
  const edges = nodes.slice(1).map((n, i) => ({ source: `s${i}`, target: n.id, kind: "copy" as const }));
  return { graph: { nodes, edges }, positions: Object.fromEntries(nodes.map((n, i) => [n.id, { x: i * 312, y: 0 }])) };
}

describe("chooseInitialView", () => {
  it("fits everything when it can be read", () => {
    const { graph, positions } = row(2);
    expect(chooseInitialView(graph, positions, "s1", pane, room)).toEqual({ kind: "fit" });
  });

  it("shows the target and its sources when all of it would be specks", () => {
    const { graph, positions } = row(30);
    expect(chooseInitialView(graph, positions, "s29", pane, room)).toEqual({ kind: "focus", nodes: ["s29", "s28"] });
  });

  it("shows the target alone when even its sources are too far apart", () => {
    const { graph, positions } = row(30);
    const far = { ...positions, s28: { x: 0, y: 0 } };
    expect(chooseInitialView(graph, far, "s29", pane, room)).toEqual({ kind: "focus", nodes: ["s29"] });
  });

  it("fits when there is nothing to measure or no target", () => {
    const { graph } = row(30);
    expect(chooseInitialView(graph, {}, "s29", pane, room)).toEqual({ kind: "fit" });
    expect(chooseInitialView(row(30).graph, row(30).positions, null, pane, room)).toEqual({ kind: "fit" });
    expect(chooseInitialView(graph, row(30).positions, "s29", { width: 0, height: 0 }, room)).toEqual({ kind: "fit" });
  });
});
