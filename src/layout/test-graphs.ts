/**
 * Small graphs and checks shared by the layout tests.
 */
import { intersects } from "./occupancy.ts";
import type { LayoutEdge, LayoutGraph, LayoutNode, Positions } from "./types.ts";

const stage = (id: string, height: number): LayoutNode => ({ id, width: 272, height });

/** The 4-stage example's shape (web/examples/node-pnpm.Dockerfile): base → builder → pruner, final copying from two of them. */
export const exampleGraph: LayoutGraph = {
  nodes: [stage("base", 150), stage("builder", 170), stage("pruner", 90), stage("final", 192), { id: "image:node", width: 244, height: 36 }],
  edges: [
    { source: "image:node", target: "base", kind: "from" },
    { source: "base", target: "builder", kind: "from" },
    { source: "builder", target: "pruner", kind: "from" },
    { source: "image:node", target: "final", kind: "from" },
    { source: "pruner", target: "final", kind: "copy" },
    { source: "builder", target: "final", kind: "copy" },
    { source: "builder", target: "final", kind: "copy" },
  ],
};

/** A graph with the given nodes (all 272×120 unless listed in `heights`) and edges written `a>b` (from), `a~b` (copy), `a=b` (mount). */
export function makeGraph(ids: readonly string[], edges: readonly string[], heights: Record<string, number> = {}): LayoutGraph {
  const parsed = edges.map((text): LayoutEdge => {
    const [source = "", target = ""] = text.split(/[>~=]/);
    const kind = text.includes(">") ? "from" : text.includes("~") ? "copy" : "mount";
    return { source, target, kind };
  });
  return { nodes: ids.map((id) => stage(id, heights[id] ?? 120)), edges: parsed };
}

/** Pairs of nodes whose boxes overlap, as "a/b". */
export function findOverlaps(graph: LayoutGraph, positions: Positions): string[] {
  const boxes = graph.nodes.map((n) => ({ id: n.id, width: n.width, height: n.height, ...positions.get(n.id)! }));
  const found: string[] = [];
  for (let i = 0; i < boxes.length; i++) {
    for (let j = i + 1; j < boxes.length; j++) {
      if (intersects(boxes[i]!, boxes[j]!)) found.push(`${boxes[i]!.id}/${boxes[j]!.id}`);
    }
  }
  return found;
}

/** Edges whose target does not start strictly below its source's bottom edge, as "a->b". */
export function findUpwardEdges(graph: LayoutGraph, positions: Positions): string[] {
  const heights = new Map(graph.nodes.map((n) => [n.id, n.height]));
  return graph.edges
    .filter((e) => e.source !== e.target)
    .filter((e) => positions.get(e.target)!.y <= positions.get(e.source)!.y + heights.get(e.source)!)
    .map((e) => `${e.source}->${e.target}`);
}

/** The horizontal centre of a node. */
export function centreX(graph: LayoutGraph, positions: Positions, id: string): number {
  const node = graph.nodes.find((n) => n.id === id)!;
  return positions.get(id)!.x + node.width / 2;
}
