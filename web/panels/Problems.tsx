import { showInvisibles } from "../../src/index.ts";
import type { Diagnostic } from "../../src/index.ts";
import { ErrorIcon, InfoIcon, WarningIcon } from "../shell/icons.tsx";
import { useStore } from "../state/store.ts";

const SEVERITY = {
  error: { label: "Error", Icon: ErrorIcon },
  warning: { label: "Warning", Icon: WarningIcon },
  info: { label: "Info", Icon: InfoIcon },
} as const;

/** A generated 500-stage file can carry thousands; the editor's markers show them all. */
const MAX_SHOWN = 200;

/** Every diagnostic of the parser, the model and the graph; a click selects its range in the editor. */
export function Problems({ diagnostics: all }: { readonly diagnostics: readonly Diagnostic[] }) {
  const revealRange = useStore((s) => s.revealRange);
  // Info findings are suggestions, not problems: counted apart, listed after.
  const diagnostics = [...all.filter((d) => d.severity !== "info"), ...all.filter((d) => d.severity === "info")];
  const problemCount = diagnostics.length - all.filter((d) => d.severity === "info").length;
  const errors = diagnostics.filter((d) => d.severity === "error").length;
  return (
    <section className="panel-section" aria-labelledby="problems-title">
      <h2 id="problems-title" className="section-title">
        Problems <span className={errors > 0 ? "count danger" : "count"}>{problemCount}</span>
      </h2>
      {problemCount === 0 && <p className="empty">No problems found.</p>}
      {diagnostics.length > 0 && (
        <ul className="diagnostic-list">
          {diagnostics.slice(0, MAX_SHOWN).map((d, i) => {
            const { label, Icon } = SEVERITY[d.severity];
            return (
              <li key={`${d.range.start}:${d.code}:${i}`} className={`diagnostic ${d.severity}`} data-testid="diagnostic" data-severity={d.severity}>
                <button type="button" className="diagnostic-button" onClick={() => revealRange(d.range.start, d.range.end)}>
                  <span className="diagnostic-head">
                    <Icon />
                    <span className="severity">{label}</span>
                    <span className="diagnostic-line">Line {d.line}</span>
                    <code className="diagnostic-code">{d.code}</code>
                  </span>
                  <span className="diagnostic-message">{showInvisibles(d.message)}</span>
                </button>
              </li>
            );
          })}
        </ul>
      )}
      {diagnostics.length > MAX_SHOWN && <p className="muted small">and {diagnostics.length - MAX_SHOWN} more, marked in the editor.</p>}
    </section>
  );
}
