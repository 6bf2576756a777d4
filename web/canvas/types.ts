/**
 * What the canvas draws, as plain data: the React Flow node and edge payloads. Each payload is a
 * pure function of the analysis, compared by value between two analyses and reused when equal,
 * so React.memo'd nodes and edges skip the render (conventions §9).
 */
import type { Edge, Node } from "@xyflow/react";

import type { BaseSummary, InstructionSummary } from "../../src/index.ts";

export type { BaseSummary, InstructionSummary };

export type StageNodeData = {
  /** The node key (`stageKey`): stage name, or `#index`. */
  readonly key: string;
  /** What the header shows: the name as written, or `#index`. */
  readonly title: string;
  /** From the explain work; "unknown" shows no badge. */
  readonly role: string;
  readonly base: BaseSummary;
  readonly platform: string | null;
  readonly instructions: readonly InstructionSummary[];
  /** 1-based lines from FROM through the last instruction. */
  readonly lines: { readonly start: number; readonly end: number };
  /** Messages of the diagnostics on the stage's lines, prefixed by their line. */
  readonly errors: readonly string[];
  readonly warnings: readonly string[];
  /** Lint findings on the stage at warning or above, as `L12 RULE: message` (info findings stay in the Problems list). */
  readonly findings: readonly string[];
  readonly isTarget: boolean;
  readonly reachable: boolean;
  /** Why the target does not need this stage; null when it does. */
  readonly unreachableReason: string | null;
  readonly expanded: boolean;
  /** The node's exact size in flow pixels: the layout uses it, the component renders it. */
  readonly width: number;
  readonly height: number;
};

export type ImageNodeData = {
  /** `image:REF`. */
  readonly key: string;
  readonly ref: string;
  /** What the pill shows: `ref` with tag and digest kept, the registry path cut short. */
  readonly label: string;
  readonly valid: boolean;
  /** Whether a stage the target needs builds on or copies from this image. */
  readonly used: boolean;
  /** Labels of the stages that use the image. */
  readonly usedBy: readonly string[];
  readonly width: number;
  readonly height: number;
};

export type EdgeKind = "from" | "copy" | "mount";

export type GraphEdgeData = {
  readonly kind: EdgeKind;
  /** Node keys of both ends, as the test hooks name them. */
  readonly sourceKey: string;
  readonly targetKey: string;
  /** Short text drawn on the edge (copied paths, the mount target); null for `from`. */
  readonly label: string | null;
  /** Everything the edge stands for, shown on hover. */
  readonly title: string;
  readonly valid: boolean;
  /** The matching diagnostic when the edge is invalid. */
  readonly reason: string | null;
  /** The stage at the end is not built for the target. */
  readonly dimmed: boolean;
  readonly onbuild: boolean;
  /** A stage using itself: drawn as a loop beside the node. */
  readonly selfLoop: boolean;
  /** How many instructions this one drawn edge stands for (same kind, same two nodes). */
  readonly count: number;
  /** Horizontal shift of the ends from the middle of the node's bottom (source) and top (target). */
  readonly sourceOffset: number;
  readonly targetOffset: number;
  /** Width of the target node (for self loops). */
  readonly nodeWidth: number;
  /** Height of the target node (for self loops). */
  readonly nodeHeight: number;
  /** The label as drawn (shortened, or null: no room, the title says it); `label` is the whole. */
  readonly shownLabel: string | null;
  /** Where along the curve the label sits (0 source … 1 target), clear of nodes and other labels. */
  readonly labelAt: number;
  /** The x of the vertical channel the edge takes around the nodes between its ends; null: a plain curve. */
  readonly channel: number | null;
};

export type StageFlowNode = Node<StageNodeData, "stage">;
export type ImageFlowNode = Node<ImageNodeData, "image">;
export type CanvasNode = StageFlowNode | ImageFlowNode;
export type CanvasEdge = Edge<GraphEdgeData, "graph">;
