import { useMemo } from "react";
import { imageKey, useDeferredAnalysis } from "../state/analysis.ts";
import { useStore } from "../state/store.ts";
import { BuildArgs } from "./BuildArgs.tsx";
import { findStage } from "./describe.ts";
import { ImageDetails } from "./ImageDetails.tsx";
import { Overview } from "./Overview.tsx";
import "./panels.css";
import { Problems } from "./Problems.tsx";
import { StageDetails } from "./StageDetails.tsx";

/**
 * The details panel beside the canvas: the selected node (or an overview of the build), the
 * build arguments, and the problems.
 */
export function SidePanel() {
  const { tree, graph, problems } = useDeferredAnalysis();
  const selected = useStore((s) => s.selected);
  const select = useStore((s) => s.select);
  const stage = selected === null ? null : findStage(graph, selected);
  const image = selected === null || stage !== null ? undefined : graph.images.find((i) => imageKey(i.ref) === selected);
  const source = tree.source;
  // The same elements while the deferred analysis stands still, so React skips the panel's subtree.
  const content = useMemo(
    () => (
      <div className="side-scroll">
        {stage !== null ? (
          <StageDetails key={selected} graph={graph} stage={stage} source={source} />
        ) : image !== undefined ? (
          <ImageDetails graph={graph} image={image} source={source} />
        ) : (
          <Overview graph={graph} source={source} />
        )}
        <BuildArgs graph={graph} />
        <Problems diagnostics={problems} />
      </div>
    ),
    [graph, problems, stage, image, selected, source],
  );

  return (
    <aside className="side-panel" data-testid="side-panel" aria-label="Details">
      {(stage !== null || image !== undefined) && (
        <div className="side-bar">
          <button type="button" className="link back" onClick={() => select(null)}>
            ← Overview
          </button>
        </div>
      )}
      {content}
    </aside>
  );
}
