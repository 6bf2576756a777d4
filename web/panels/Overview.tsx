import { showInvisibles } from "../../src/index.ts";
import type { StageGraph } from "../../src/index.ts";
import { hookKey, stageKey, stageName } from "../state/analysis.ts";
import { useStore } from "../state/store.ts";
import { describeFinalImage, describePaths, findStageLines, formatLines, instructionSelection } from "./describe.ts";
import { NodeLink } from "./links.tsx";

/** What the side panel shows when nothing is selected: the build at a glance, and every stage. */
export function Overview({ graph, source }: { readonly graph: StageGraph; readonly source: string }) {
  const userTarget = useStore((s) => s.target);
  const final = describeFinalImage(graph);
  const count = graph.stages.length;
  const built = graph.stages.filter((s) => s.reachable).length;
  const isDefault = userTarget === null || userTarget === "";

  return (
    <section className="panel-section" aria-labelledby="overview-title">
      <h2 id="overview-title" className="section-title">
        Overview
      </h2>
      <p className="summary">
        {count === 1 ? "1 stage" : `${count} stages`}
        {count > 0 && ` · ${built} built for the target`}
        {graph.images.length > 0 && ` · ${graph.images.length === 1 ? "1 external image" : `${graph.images.length} external images`}`}
      </p>

      {final === null ? (
        <p className="empty">{count === 0 ? "No stage yet: each FROM instruction starts one." : "The target is not in the file: nothing is built."}</p>
      ) : (
        <div className="final-image">
          <h3 className="sub-heading">In the final image</h3>
          <p className="chain">
            {final.chain.map((key, i) => (
              <span key={`${i}:${key}`} className="chain-step">
                {i > 0 && (
                  <span className="chain-arrow" aria-label="built FROM">
                    ←
                  </span>
                )}
                {key === "scratch" ? <code>scratch</code> : <NodeLink nodeKey={key} graph={graph} source={source} />}
              </span>
            ))}
          </p>
          {final.copies.length > 0 && (
            <ul className="final-copies">
              {final.copies.map((item, i) => (
                <li key={i}>
                  <span className="edge-kind copy">COPY</span> from <NodeLink nodeKey={item.other} graph={graph} source={source} />{" "}
                  <code className="flow-paths" title={describePaths(item)}>
                    {describePaths(item)}
                  </code>
                </li>
              ))}
            </ul>
          )}
          {final.mounts.length > 0 && (
            <p className="muted small">
              Mounted while building, not in the image:{" "}
              {[...new Set(final.mounts.map((m) => m.other))].map((key, i) => (
                <span key={key}>
                  {i > 0 && ", "}
                  <NodeLink nodeKey={key} graph={graph} source={source} />
                </span>
              ))}
            </p>
          )}
        </div>
      )}

      {count > 0 && (
        <>
          <h3 className="sub-heading" id="stage-list-title">
            Stages
          </h3>
          <ol className="stage-list" aria-label="Build stages">
            {graph.stages.map((stage) => {
              const key = stageKey(stage);
              const isTarget = stage.index === graph.target;
              return (
                <li key={stage.index} className={stage.reachable ? "stage" : "stage unbuilt"} data-testid="stage" data-stage-label={hookKey(key)}>
                  <button
                    type="button"
                    className="stage-row"
                    onClick={() => {
                      useStore.getState().select(key);
                      const range = instructionSelection(source, stage.stage.from.node);
                      useStore.getState().revealRange(range.start, range.end);
                    }}
                  >
                    <span className="stage-index" aria-hidden="true">
                      {stage.index}
                    </span>
                    <span className="stage-main">
                      <span className="stage-title">
                        <span className={stage.name === null ? "stage-name unnamed" : "stage-name"}>{showInvisibles(stageName(stage))}</span>
                        {isTarget && <span className="badge accent">{isDefault ? "default target" : "target"}</span>}
                        {!stage.reachable && (
                          <span className="badge muted" title={final === null ? "There is no target to build" : `The target ${final.target} does not need it`}>
                            not built
                          </span>
                        )}
                      </span>
                      <span className="stage-image">
                        <span className="keyword">FROM</span> <code>{showInvisibles(stage.stage.from.image?.value ?? "")}</code>
                        <span className="stage-lines">{formatLines(findStageLines(stage))}</span>
                      </span>
                    </span>
                  </button>
                </li>
              );
            })}
          </ol>
        </>
      )}
    </section>
  );
}
