/**
 * Actions on a connection drawn on the canvas (one drawn edge may stand for several lines: every
 * `COPY --from` between the same two stages): remove it, or show its lines in the editor.
 */
import { removeEdge, type EditResult, type GraphEdge, type StageGraph, type TextEdit } from "../../src/index.ts";
import { analyze } from "../state/analysis.ts";
import { stageName } from "../state/node-keys.ts";
import { useStore } from "../state/store.ts";
import { applyEditResult } from "./stage.ts";
import type { Action, ActionContext } from "./types.ts";
import { useUi } from "./ui-state.ts";

/** The kind and ends of a canvas edge id (`kind:sourceId>targetId`), or null when it is not one. */
export function parseCanvasEdgeId(id: string): { kind: GraphEdge["kind"]; sourceId: string; targetId: string } | null {
  const colon = id.indexOf(":");
  const arrow = id.indexOf(">");
  const kind = id.slice(0, colon);
  if (colon < 0 || arrow < colon || (kind !== "from" && kind !== "copy" && kind !== "mount")) return null;
  return { kind, sourceId: id.slice(colon + 1, arrow), targetId: id.slice(arrow + 1) };
}

/** The graph's edges a canvas edge stands for, in source order. */
export function edgesOf(graph: StageGraph, canvasId: string): GraphEdge[] {
  const parsed = parseCanvasEdgeId(canvasId);
  if (parsed === null) return [];
  return graph.edges.filter((e) => e.kind === parsed.kind && e.sourceId === parsed.sourceId && e.targetId === parsed.targetId && !e.onbuild);
}

/** One edit result that removes every line (or mount flag) of `edges`, or the first refusal. */
export function removeEdges(tree: Parameters<typeof removeEdge>[0], edges: readonly GraphEdge[]): EditResult {
  const all: TextEdit[] = [];
  for (const edge of edges) {
    const result = removeEdge(tree, edge);
    if ("error" in result) return result;
    for (const edit of result.edits) {
      // Two mounts on one RUN line, or one COPY met twice: never hand the editor overlapping edits.
      if (all.some((e) => e.range.start < edit.range.end && edit.range.start < e.range.end)) continue;
      all.push(edit);
    }
  }
  return { edits: all };
}

/** The edge an action is about: the one its menu was opened on, else the one picked on the canvas. */
/**
 * Removes the one COPY line or mount flag whose source name starts at `rangeStart` (a row of the
 * side panel's lists: the keyboard's way to remove a connection). Returns whether it did.
 */
export function removeEdgeAt(kind: "copy" | "mount", rangeStart: number): boolean {
  const s = useStore.getState();
  const { tree, graph } = analyze(s.text, s.target, s.buildArgs);
  const edge = graph.edges.find((e) => e.kind === kind && e.range.start === rangeStart && !e.onbuild);
  if (edge === undefined) return false;
  const target = graph.stages[edge.target];
  return applyEditResult(removeEdge(tree, edge), `Remove ${kind === "copy" ? "COPY" : "mount"} line ${edge.line}`, target?.id ?? null);
}

function subjectEdges(ctx: ActionContext): GraphEdge[] {
  const id = ctx.subject !== null && parseCanvasEdgeId(ctx.subject) !== null ? ctx.subject : useUi.getState().selectedEdge;
  return id === null ? [] : edgesOf(ctx.analysis.graph, id);
}

function describeConnection(ctx: ActionContext, edges: readonly GraphEdge[]): string {
  const first = edges[0];
  if (first === undefined) return "connection";
  const target = ctx.analysis.graph.stages[first.target];
  const source = first.source.kind === "image" ? first.source.ref : stageName(ctx.analysis.graph.stages[first.source.index] ?? { name: null, index: first.source.index });
  return `${first.kind === "from" ? "FROM" : first.kind === "copy" ? "COPY" : "mount"} ${source} → ${target === undefined ? "?" : stageName(target)}`;
}

function removeNow(ctx: ActionContext): void {
  const edges = subjectEdges(ctx);
  const first = edges[0];
  if (first === undefined) return;
  const target = ctx.analysis.graph.stages[first.target];
  if (first.kind === "from") {
    // A stage needs a base: ask which image takes the place of the one it is built on.
    useUi.getState().ask({
      title: `Build ${target === undefined ? "the stage" : stageName(target)} on what instead?`,
      fields: [{ kind: "text", id: "image", label: "Image (or scratch, or an earlier stage)", initial: "scratch" }],
      submitLabel: "Change base",
      near: target?.id ?? null,
      onSubmit: (values) => {
        const s = useStore.getState();
        const result = removeEdge(ctx.analysis.tree, first, { image: values["image"] ?? "" });
        if ("error" in result) return result.error;
        return s.text === ctx.state.text && applyEditResult(result, `Change base of ${target === undefined ? "stage" : stageName(target)}`, target?.id ?? null) ? null : "The text changed meanwhile; try again.";
      },
    });
    return;
  }
  const label = `Remove ${describeConnection(ctx, edges)}${edges.length > 1 ? ` (${edges.length} lines)` : ""}`;
  if (applyEditResult(removeEdges(ctx.analysis.tree, edges), label, target?.id ?? null)) useUi.getState().selectEdge(null);
}

export const EDGE_ACTIONS: readonly Action[] = [
  {
    id: "edge-remove",
    label: (ctx) => {
      const edges = subjectEdges(ctx);
      if (edges[0]?.kind === "from") return "Change this base…";
      return edges.length > 1 ? `Remove these ${edges.length} lines` : "Remove this connection";
    },
    keys: ["Delete", "Backspace"],
    scope: "canvas",
    hidden: true,
    enabled: (ctx) => subjectEdges(ctx).length > 0,
    perform: removeNow,
    inEdgeMenu: (ctx) => subjectEdges(ctx).length > 0,
  },
  {
    id: "edge-show",
    label: "Show in the editor",
    hidden: true,
    enabled: (ctx) => subjectEdges(ctx).length > 0,
    perform: (ctx) => {
      const first = subjectEdges(ctx)[0];
      if (first !== undefined) ctx.state.revealRange(first.instruction.node.range.start, first.instruction.node.range.end);
    },
    inEdgeMenu: (ctx) => subjectEdges(ctx).length > 0,
  },
];
