import { useMemo } from "react";
import { imageKey, useDeferredAnalysis } from "../state/analysis.ts";
import { useStore } from "../state/store.ts";
import { ExplainPanel } from "../explain/ExplainPanel.tsx";
import { useExplainStore, type SideTab } from "../explain/explain-store.ts";
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
  const tab = useExplainStore((s) => s.tab);
  const setTab = useExplainStore((s) => s.setTab);
  // The same elements while the deferred analysis stands still, so React skips the panel's subtree.
  const content = useMemo(
    () =>
      tab === "explain" ? (
        <div className="side-scroll">
          <ExplainPanel graph={graph} source={source} />
        </div>
      ) : (
      <div className="side-scroll">
        {stage !== null ? (
          <StageDetails key={selected} graph={graph} stage={stage} source={source} />
        ) : image !== undefined ? (
          <ImageDetails graph={graph} image={image} source={source} />
        ) : (
          <Overview graph={graph} source={source} />
        )}
        <BuildArgs graph={graph} />
        <Problems diagnostics={problems} source={source} />
      </div>
    ),
    [graph, problems, stage, image, selected, source, tab],
  );

  return (
    <aside className="side-panel" data-testid="side-panel" aria-label="Details">
      <div className="side-tabs" role="tablist" aria-label="Side panel">
        {(["details", "explain"] as const satisfies readonly SideTab[]).map((t) => (
          <button key={t} type="button" role="tab" className="side-tab" aria-selected={tab === t} onClick={() => setTab(t)}>
            {t === "details" ? "Details" : "Explain"}
          </button>
        ))}
      </div>
      {tab === "details" && (stage !== null || image !== undefined) && (
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
