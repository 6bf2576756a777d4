/**
 * Which row (layer) each node goes in for the full layout. Computed here rather than by dagre so
 * that we know every edge's span before dagre runs, and can keep long edges, whose chains of
 * dummy nodes make dagre's ordering slow, out of its input (see layout-all.ts).
 */
import type { IndexedGraph } from "./indexed-graph.ts";

export interface Layering {
  /** Per node, its row: 0 is the top, rows are dense. */
  readonly layer: Int32Array;
  /** Per edge: false for the edges that close a cycle, which the layering ignores. */
  readonly forward: readonly boolean[];
}

/**
 * Rows such that every edge not on a cycle points down: each node one row below its lowest
 * source (so a base chain stacks tightly) or on the row it asks for (`rank`) if that is lower,
 * then every node without sources or a `rank` moved down to just above the highest node it
 * feeds (so an image sits on top of its first user, not on row 0).
 * Cycles, which invalid `COPY --from` can make, are broken where a depth-first walk in node
 * order closes them.
 */
export function assignLayers(graph: IndexedGraph): Layering {
  const n = graph.nodes.length;
  const forward = findForwardEdges(graph);
  const order = sortTopologically(graph, forward);
  const layer = new Int32Array(n);
  const asked = graph.nodes.map((node) => (node.rank !== undefined && Number.isFinite(node.rank) ? Math.max(0, Math.floor(node.rank)) : null));
  asked.forEach((row, v) => {
    if (row !== null) layer[v] = row;
  });
  for (const v of order) {
    for (const e of graph.incoming[v] ?? []) {
      const edge = graph.edges[e];
      if (edge !== undefined && forward[e] === true) layer[v] = Math.max(layer[v] ?? 0, (layer[edge.source] ?? 0) + 1);
    }
  }
  for (let v = 0; v < n; v++) {
    const hasSource = (graph.incoming[v] ?? []).some((e) => forward[e] === true);
    if (hasSource || asked[v] !== null) continue;
    let highest = Infinity;
    for (const e of graph.outgoing[v] ?? []) {
      const target = graph.edges[e]?.target;
      if (target !== undefined && forward[e] === true) highest = Math.min(highest, layer[target] ?? 0);
    }
    if (highest !== Infinity) layer[v] = highest - 1;
  }
  compactLayers(layer);
  return { layer, forward };
}

/** Edges that are not back edges of a depth-first walk from each node in order. */
function findForwardEdges(graph: IndexedGraph): boolean[] {
  const forward = graph.edges.map(() => true);
  const state = new Uint8Array(graph.nodes.length); // 0 unseen, 1 on the stack, 2 done
  for (let root = 0; root < graph.nodes.length; root++) {
    if (state[root] !== 0) continue;
    // An explicit stack: a 10,000-stage chain must not overflow the call stack.
    const stack = [{ node: root, next: 0 }];
    state[root] = 1;
    while (stack.length > 0) {
      const top = stack[stack.length - 1];
      if (top === undefined) break;
      const e = (graph.outgoing[top.node] ?? [])[top.next];
      if (e === undefined) {
        state[top.node] = 2;
        stack.pop();
        continue;
      }
      top.next++;
      const target = graph.edges[e]?.target ?? 0;
      if (state[target] === 1) forward[e] = false;
      else if (state[target] === 0) {
        state[target] = 1;
        stack.push({ node: target, next: 0 });
      }
    }
  }
  return forward;
}

/** Kahn's algorithm over the forward edges, ready nodes taken in node order. */
function sortTopologically(graph: IndexedGraph, forward: readonly boolean[]): number[] {
  const pending = new Int32Array(graph.nodes.length);
  graph.edges.forEach((edge, e) => {
    if (forward[e] === true) pending[edge.target] = (pending[edge.target] ?? 0) + 1;
  });
  const order: number[] = [];
  for (let v = 0; v < graph.nodes.length; v++) if (pending[v] === 0) order.push(v);
  for (let i = 0; i < order.length; i++) {
    for (const e of graph.outgoing[order[i] ?? 0] ?? []) {
      const target = graph.edges[e]?.target;
      if (target === undefined || forward[e] !== true) continue;
      pending[target] = (pending[target] ?? 0) - 1;
      if (pending[target] === 0) order.push(target);
    }
  }
  return order;
}

/** Renumber rows 0, 1, 2… keeping their order, so no row is empty. */
function compactLayers(layer: Int32Array): void {
  const used = [...new Set(layer)].sort((a, b) => a - b);
  const rename = new Map(used.map((value, i) => [value, i]));
  for (let v = 0; v < layer.length; v++) layer[v] = rename.get(layer[v] ?? 0) ?? 0;
}
