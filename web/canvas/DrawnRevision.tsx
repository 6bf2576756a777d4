import { useLayoutEffect, type RefObject } from "react";
import { useStore as useFlowStore } from "@xyflow/react";
import type { CanvasEdge, CanvasNode } from "./types.ts";

interface DrawnRevisionProps {
  readonly root: RefObject<HTMLDivElement | null>;
  readonly nodes: readonly CanvasNode[];
  readonly edges: readonly CanvasEdge[];
  readonly revision: number;
}

/**
 * Marks the canvas root with the revision whose graph React Flow has drawn. React Flow takes
 * new nodes in an effect and draws them a render later; this child sees its store update in
 * that same render, so `data-revision` changes only once the nodes are in the DOM.
 */
export function DrawnRevision({ root, nodes, edges, revision }: DrawnRevisionProps) {
  const drawnNodes: unknown = useFlowStore((s) => s.nodes);
  const drawnEdges: unknown = useFlowStore((s) => s.edges);
  useLayoutEffect(() => {
    const element = root.current;
    if (element === null || drawnNodes !== nodes || drawnEdges !== edges) return;
    element.dataset["revision"] = String(revision);
    element.dataset["nodeCount"] = String(nodes.length);
  }, [root, drawnNodes, drawnEdges, nodes, edges, revision]);
  return null;
}
