import { useRef, type CSSProperties, type ReactNode } from "react";
import { useStore } from "../state/store.ts";
import { Divider } from "./Divider.tsx";

interface WorkspaceProps {
  readonly editor: ReactNode;
  readonly canvas: ReactNode;
  /** The details panel, or null when it is closed. */
  readonly side: ReactNode;
}

/** Everything under the toolbar: the editor and the canvas split by the divider, the side panel beside. */
export function Workspace({ editor, canvas, side }: WorkspaceProps) {
  const split = useRef<HTMLDivElement>(null);
  const editorWidth = useStore((s) => s.editorWidth);
  const style = { "--editor-width": `${(editorWidth * 100).toFixed(2)}%` } as CSSProperties;
  return (
    <main className={side === null ? "workspace" : "workspace with-side"}>
      <div className="split" ref={split} style={style}>
        <div className="split-editor" id="editor-region">
          {editor}
        </div>
        <Divider container={split} controls="editor-region" />
        <div className="split-canvas">{canvas}</div>
      </div>
      {side}
    </main>
  );
}
