import { memo } from "react";

function EdgeSample({ kind, invalid = false }: { kind: "from" | "copy" | "mount"; invalid?: boolean }) {
  return (
    <svg className={`legend__edge graph-edge--${kind}${invalid ? " graph-edge--invalid" : ""}`} width="34" height="10" aria-hidden="true">
      <path className="graph-edge__line" d="M1,5 H26" />
      <path className="graph-edge__arrow" d="M25,1 L33,5 L25,9 Z" />
    </svg>
  );
}

/** What the line styles and node looks mean. */
function LegendView() {
  return (
    <section className="canvas-legend" aria-label="Legend">
      <ul>
        <li>
          <EdgeSample kind="from" />
          FROM
        </li>
        <li>
          <EdgeSample kind="copy" />
          COPY --from
        </li>
        <li>
          <EdgeSample kind="mount" />
          RUN --mount
        </li>
        <li>
          <EdgeSample kind="copy" invalid />
          invalid
        </li>
        <li>
          <span className="legend__swatch legend__swatch--target" aria-hidden="true" />
          target
        </li>
        <li>
          <span className="legend__swatch legend__swatch--unreachable" aria-hidden="true" />
          not built
        </li>
      </ul>
    </section>
  );
}

export const Legend = memo(LegendView);
