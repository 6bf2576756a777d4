/**
 * No node covers another, also while the user types: a node that grew (more instructions, an
 * expanded list) pushes what is below it down, only as far as needed, and never moves a node
 * the user pinned.
 */
import { RectGrid } from "./rect-grid.ts";
import type { Rect } from "./edge-geometry.ts";
import type { LayoutGraph, Point } from "./types.ts";

/** Clearance kept between a pushed node and the one above it. */
export const MIN_NODE_GAP = 16;

/**
 * `positions` with overlapping nodes moved apart: nodes are settled top to bottom (pinned ones
 * first, where they are), and a node that overlaps one already settled moves straight down to
 * just below it. Returns `positions` itself when nothing overlapped.
 *
 * @example
 * const next = separateNodes(graph, positions, new Set(["builder"]));
 * if (next !== positions) save(next);
 */
export function separateNodes(
  graph: LayoutGraph,
  positions: Readonly<Record<string, Point>>,
  pinned: ReadonlySet<string>,
  gap = MIN_NODE_GAP,
): Readonly<Record<string, Point>> {
  const settled = new RectGrid();
  const free: { index: number; rect: Rect }[] = [];
  graph.nodes.forEach((node, index) => {
    const p = positions[node.id];
    if (p === undefined) return;
    const rect = { x: p.x, y: p.y, width: node.width, height: node.height };
    if (pinned.has(node.id)) settled.add(rect);
    else free.push({ index, rect });
  });
  free.sort((a, b) => a.rect.y - b.rect.y || a.rect.x - b.rect.x || a.index - b.index);
  let moved: Record<string, Point> | null = null;
  for (const { index, rect } of free) {
    let y = rect.y;
    for (;;) {
      // What this node would cover, with the gap around it.
      const area = { x: rect.x - gap, y: y - gap, width: rect.width + 2 * gap, height: rect.height + 2 * gap };
      const hit = settled.query(area).filter((r) => r.x < rect.x + rect.width && rect.x < r.x + r.width && r.y < y + rect.height && y < r.y + r.height);
      if (hit.length === 0) break;
      y = Math.max(...hit.map((r) => r.y + r.height)) + gap;
    }
    settled.add({ ...rect, y });
    if (y !== rect.y) {
      moved ??= { ...positions };
      moved[graph.nodes[index]!.id] = { x: rect.x, y };
    }
  }
  return moved ?? positions;
}
