import { showInvisibles } from "../../src/index.ts";
import type { ImageNode, StageGraph } from "../../src/index.ts";
import { listUsers } from "./describe.ts";
import { FlowList } from "./StageDetails.tsx";

/** An external image: its reference (expanded with the build args in effect) and the stages that use it. */
export function ImageDetails({ graph, image, source }: { readonly graph: StageGraph; readonly image: ImageNode; readonly source: string }) {
  const users = listUsers(graph, { kind: "image", ref: image.ref });
  const written = [...new Set(graph.stages.flatMap((s) => (s.base.kind === "image" && s.base.ref === image.ref && s.base.raw !== image.ref ? [s.base.raw] : [])))];
  return (
    <section className="panel-section" aria-labelledby="details-title">
      <div className="details-head">
        <p className="kicker">External image</p>
        <h2 id="details-title" className="details-title image-ref">
          {showInvisibles(image.ref)}
        </h2>
        {!image.valid && <span className="badge danger">invalid reference</span>}
      </div>
      <dl className="facts">
        <dt>Reference</dt>
        <dd>
          <code>{showInvisibles(image.ref)}</code>
          {!image.valid && <p className="problem-text">BuildKit cannot parse this as an image reference, so the build fails.</p>}
        </dd>
        {written.length > 0 && (
          <>
            <dt>Written</dt>
            <dd>
              {written.map((raw) => (
                <code key={raw} className="block-code">
                  {showInvisibles(raw)}
                </code>
              ))}
            </dd>
          </>
        )}
      </dl>
      <h3 className="sub-heading">Used by</h3>
      {users.length === 0 ? <p className="empty">No stage uses it.</p> : <FlowList items={users} graph={graph} source={source} direction="out" />}
    </section>
  );
}
