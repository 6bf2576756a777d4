/**
 * What the canvas shows when a graph first appears: all of it when that can be read, else the
 * target stage with what leads into it, at a zoom where names and instructions can be read.
 * (A 59-stage file fitted into a 600 px pane is a ribbon of specks; the minimap and "Fit view"
 * are there for the whole.)
 */
import type { LayoutGraph, Point } from "./types.ts";

export type InitialView = { readonly kind: "fit" } | { readonly kind: "focus"; readonly nodes: readonly string[] };

/** Below this zoom, fitting everything shows nothing legible. */
export const LEGIBLE_ZOOM = 0.4;

/**
 * Choose the first view of `graph` with nodes at `positions` in a pane of `size` screen pixels,
 * `padding` pixels kept clear on each axis: everything, or else the `target` stage and the
 * nodes it builds on and copies from.
 *
 * @example
 * const view = chooseInitialView(model.layout, positions, "final", { width: 560, height: 640 }, { x: 48, y: 112 });
 * fitView(view.kind === "fit" ? {} : { nodes: view.nodes.map((id) => ({ id })), minZoom: LEGIBLE_ZOOM });
 */
export function chooseInitialView(
  graph: LayoutGraph,
  positions: Readonly<Record<string, Point>>,
  target: string | null,
  size: { readonly width: number; readonly height: number },
  padding: { readonly x: number; readonly y: number },
): InitialView {
  const all = graph.nodes.map((n) => n.id);
  const zoom = fitZoom(graph, positions, all, size, padding);
  if (zoom === null || zoom >= LEGIBLE_ZOOM || target === null || !all.includes(target)) return { kind: "fit" };
  const sources = graph.edges.filter((e) => e.target === target && e.source !== target).map((e) => e.source);
  const near = [...new Set([target, ...sources])];
  // When even those are too far apart to read together, the target alone.
  const nearZoom = fitZoom(graph, positions, near, size, padding) ?? 0;
  return { kind: "focus", nodes: nearZoom >= LEGIBLE_ZOOM ? near : [target] };
}

/** The zoom at which the nodes `ids` just fit the pane; null when none of them has a position. */
function fitZoom(
  graph: LayoutGraph,
  positions: Readonly<Record<string, Point>>,
  ids: readonly string[],
  size: { readonly width: number; readonly height: number },
  padding: { readonly x: number; readonly y: number },
): number | null {
  const wanted = new Set(ids);
  let left = Infinity;
  let top = Infinity;
  let right = -Infinity;
  let bottom = -Infinity;
  for (const n of graph.nodes) {
    const p = positions[n.id];
    if (p === undefined || !wanted.has(n.id)) continue;
    left = Math.min(left, p.x);
    top = Math.min(top, p.y);
    right = Math.max(right, p.x + n.width);
    bottom = Math.max(bottom, p.y + n.height);
  }
  if (!Number.isFinite(left) || size.width <= 0 || size.height <= 0) return null;
  return Math.min((size.width - padding.x) / (right - left), (size.height - padding.y) / (bottom - top));
}
