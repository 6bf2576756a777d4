import type { StageGraph } from "../../src/index.ts";
import { describeFinalImage, describePaths } from "./describe.ts";
import { NodeLink } from "./links.tsx";
import { StageList } from "./StageList.tsx";

/** What the side panel shows when nothing is selected: the build at a glance, and every stage. */
export function Overview({ graph, source }: { readonly graph: StageGraph; readonly source: string }) {
  const final = describeFinalImage(graph);
  const count = graph.stages.length;
  const built = graph.stages.filter((s) => s.reachable).length;

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
          <StageList graph={graph} source={source} targetName={final?.target ?? null} />
        </>
      )}
    </section>
  );
}
