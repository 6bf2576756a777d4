import type { ReactNode } from "react";
import { showInvisibles } from "../../src/index.ts";
import type { StageGraph, TextRange } from "../../src/index.ts";
import { nodeName } from "../state/analysis.ts";
import { useStore } from "../state/store.ts";
import { findStage, instructionSelection } from "./describe.ts";

/** Text that, clicked, selects a range in the editor (a line, an instruction, a diagnostic). */
export function SourceLink({ range, children, title }: { readonly range: TextRange; readonly children: ReactNode; readonly title?: string }) {
  const revealRange = useStore((s) => s.revealRange);
  return (
    <button type="button" className="link" title={title} onClick={() => revealRange(range.start, range.end)}>
      {children}
    </button>
  );
}

/**
 * A node's name that, clicked, selects the node (as a click on the canvas does): the panel then
 * shows its details and, for a stage, the editor shows its FROM line.
 */
export function NodeLink({ nodeKey, graph, source }: { readonly nodeKey: string; readonly graph: StageGraph; readonly source: string }) {
  const select = useStore((s) => s.select);
  const revealRange = useStore((s) => s.revealRange);
  const isImage = nodeKey.startsWith("image:");
  const label = nodeName(graph, nodeKey);
  return (
    <button
      type="button"
      className={isImage ? "link node-link image" : "link node-link"}
      onClick={() => {
        select(nodeKey);
        const stage = findStage(graph, nodeKey);
        if (stage !== null) {
          const range = instructionSelection(source, stage.stage.from.node);
          revealRange(range.start, range.end);
        }
      }}
    >
      {showInvisibles(label)}
    </button>
  );
}
