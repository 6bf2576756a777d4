import { showInvisibles } from "../../src/index.ts";
import { memo } from "react";
import { EdgeLabelRenderer, type EdgeProps } from "@xyflow/react";
import { pointAt, shapeCurve, shapeLoop, shapeRouted } from "../../src/index.ts";
import { useUi } from "../actions/ui-state.ts";
import { hookKey } from "../state/node-keys.ts";
import type { CanvasEdge } from "./types.ts";

/**
 * One dependency between nodes: `from` solid, `copy` dashed with the copied paths, `mount`
 * dotted; red when BuildKit would refuse it. The group carries the test hooks, and an invisible
 * wide stroke makes the thin line easy to hover. The label is HTML above the nodes (a label
 * under a node cannot be read); it lets the pointer through to the edge beneath it.
 */
function GraphEdgeView({ id, sourceX, sourceY, targetX, targetY, data }: EdgeProps<CanvasEdge>) {
  if (data === undefined) return null;
  const sx = sourceX + data.sourceOffset;
  const tx = targetX + data.targetOffset;
  const shape = data.selfLoop
    ? shapeLoop(targetX, targetY, data.nodeWidth, data.nodeHeight)
    : data.channel !== null
      ? shapeRouted(sx, sourceY, tx, targetY, data.channel)
      : shapeCurve(sx, sourceY, tx, targetY);
  const label = pointAt(shape, data.labelAt);
  const picked = useUi((s) => s.selectedEdge === id);
  const classes = ["graph-edge", `graph-edge--${data.kind}`];
  if (picked) classes.push("is-selected");
  if (!data.valid) classes.push("graph-edge--invalid");
  if (data.dimmed) classes.push("graph-edge--dimmed");
  const title = showInvisibles(data.reason !== null ? `${data.title}\nInvalid: ${data.reason}` : data.title);
  const labelClasses = ["edge-label", `edge-label--${data.kind}`];
  if (!data.valid) labelClasses.push("edge-label--invalid");
  if (data.dimmed) labelClasses.push("edge-label--dimmed");
  return (
    <g
      className={classes.join(" ")}
      data-testid="edge"
      data-kind={data.kind}
      data-source={hookKey(data.sourceKey)}
      data-target={hookKey(data.targetKey)}
      data-valid={String(data.valid)}
      data-label={data.label ?? undefined}
      data-count={data.count}
      data-selected={picked ? "true" : undefined}
    >
      <title>{title}</title>
      <path className="graph-edge__hit" d={shape.hit} />
      <path className="graph-edge__line" d={shape.path} />
      <path className="graph-edge__arrow" d={shape.arrow} />
      {data.shownLabel !== null && (
        <EdgeLabelRenderer>
          <div
            className={labelClasses.join(" ")}
            style={{ transform: `translate(-50%, -50%) translate(${label.x}px, ${label.y}px)` }}
            aria-hidden="true"
            data-testid="edge-label"
            data-edge={id}
          >
            {showInvisibles(data.shownLabel)}
          </div>
        </EdgeLabelRenderer>
      )}
    </g>
  );
}

export const GraphEdge = memo(GraphEdgeView);
