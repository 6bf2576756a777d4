/**
 * The input graph with its edges checked and indexed, so both layouts walk neighbours by number.
 */
import type { LayoutEdgeKind, LayoutGraph, LayoutNode } from "./types.ts";

export interface IndexedEdge {
  readonly source: number;
  readonly target: number;
  readonly kind: LayoutEdgeKind;
}

export interface IndexedGraph {
  readonly nodes: readonly LayoutNode[];
  readonly indexOf: ReadonlyMap<string, number>;
  /** Edges between two distinct known nodes, in input order (parallel edges kept). */
  readonly edges: readonly IndexedEdge[];
  /** Per node, the edges arriving at it and leaving it (indexes into `edges`). */
  readonly incoming: readonly (readonly number[])[];
  readonly outgoing: readonly (readonly number[])[];
}

/** Index a graph. A repeated node id keeps its first occurrence; the canvas should never send one. */
export function indexGraph(graph: LayoutGraph): IndexedGraph {
  const nodes: LayoutNode[] = [];
  const indexOf = new Map<string, number>();
  for (const node of graph.nodes) {
    if (indexOf.has(node.id)) continue;
    indexOf.set(node.id, nodes.length);
    nodes.push(node);
  }
  const edges: IndexedEdge[] = [];
  const incoming: number[][] = nodes.map(() => []);
  const outgoing: number[][] = nodes.map(() => []);
  for (const edge of graph.edges) {
    const source = indexOf.get(edge.source);
    const target = indexOf.get(edge.target);
    // A self-loop (a stage copying from itself, which BuildKit rejects) has no say in where a node goes.
    if (source === undefined || target === undefined || source === target) continue;
    incoming[target]?.push(edges.length);
    outgoing[source]?.push(edges.length);
    edges.push({ source, target, kind: edge.kind });
  }
  return { nodes, indexOf, edges, incoming, outgoing };
}
