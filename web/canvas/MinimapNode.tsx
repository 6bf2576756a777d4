import { memo } from "react";
import type { MiniMapNodeProps } from "@xyflow/react";
import { countRender } from "./render-count.ts";

/** One node of the minimap: a rounded rectangle coloured by its class (see `classifyMinimapNode`). */
function MinimapNodeView({ x, y, width, height, className, borderRadius, shapeRendering }: MiniMapNodeProps) {
  countRender("minimap");
  return (
    <rect
      className={`react-flow__minimap-node ${className}`}
      x={x}
      y={y}
      rx={borderRadius}
      ry={borderRadius}
      width={width}
      height={height}
      shapeRendering={shapeRendering}
    />
  );
}

export const MinimapNode = memo(MinimapNodeView);
