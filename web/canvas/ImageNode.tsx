import { showInvisibles } from "../../src/index.ts";
import { memo, type KeyboardEvent } from "react";
import { Handle, Position, type NodeProps } from "@xyflow/react";
import { useStore } from "../state/store.ts";
import { activateOnKey, useCanvasActions } from "./canvas-actions.ts";
import { ImageIcon } from "./Icons.tsx";
import { countRender } from "./render-count.ts";
import type { ImageFlowNode, ImageNodeData } from "./types.ts";

function describeImage(data: ImageNodeData): string {
  if (!data.valid) return `Not a valid image reference: ${data.ref}`;
  const users = data.usedBy.length > 0 ? `\nUsed by ${data.usedBy.join(", ")}` : "";
  return `External image ${data.ref}${users}${data.used ? "" : "\nNot needed by the target"}`;
}

/** An external image: a small pill, red when BuildKit cannot parse the reference. */
function ImageNodeView({ data }: NodeProps<ImageFlowNode>) {
  countRender("image");
  const selected = useStore((s) => s.selected === data.key);
  const { activate } = useCanvasActions();
  const classes = ["image-node"];
  if (!data.valid) classes.push("image-node--invalid");
  if (!data.used) classes.push("image-node--unused");
  if (selected) classes.push("is-selected");
  const onKeyDown = (event: KeyboardEvent) => activateOnKey(event, data.key, activate);
  return (
    <div
      className={classes.join(" ")}
      style={{ width: data.width, height: data.height }}
      data-testid="image-node"
      data-image={data.ref}
      data-id={data.key}
      data-valid={String(data.valid)}
      title={showInvisibles(describeImage(data))}
      role="button"
      tabIndex={0}
      aria-label={`${data.valid ? "Image" : "Invalid image"} ${showInvisibles(data.ref)}`}
      onKeyDown={onKeyDown}
    >
      <ImageIcon size={16} />
      <span className="image-node__ref">{showInvisibles(data.label)}</span>
      <Handle id="out" type="source" position={Position.Bottom} className="canvas-handle" data-testid="handle-out" title="Drag to a stage to connect" />
    </div>
  );
}

export const ImageNode = memo(ImageNodeView, (a, b) => a.data === b.data);
