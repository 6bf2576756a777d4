import { useId, useState } from "react";
import { describeRule, showInvisibles, type LintRule } from "../../src/index.ts";
import { ErrorIcon, InfoIcon, WarningIcon } from "../shell/icons.tsx";
import type { Problem } from "../state/analysis.ts";
import { applyQuickFix } from "../state/quick-fix.ts";
import { useStore } from "../state/store.ts";

const SEVERITY = {
  error: { label: "Error", Icon: ErrorIcon },
  warning: { label: "Warning", Icon: WarningIcon },
  info: { label: "Info", Icon: InfoIcon },
} as const;

/** A generated 500-stage file can carry thousands; the editor's markers show them all. */
const MAX_SHOWN = 200;

/**
 * Every diagnostic of the parser, the model and the graph, and every lint finding; a click selects
 * its range in the editor. A finding with a mechanical fix has a Fix button (one undo step, like
 * Ctrl+. in the editor); a finding's rule explains itself in place (what, why, fix), the same text
 * as docs/lint-rules.md, so it reads offline. A finding on a stage the target does not build is dimmed.
 */
export function Problems({ diagnostics: all, source }: { readonly diagnostics: readonly Problem[]; readonly source: string }) {
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
          {diagnostics.slice(0, MAX_SHOWN).map((d, i) => (
            <ProblemRow key={`${d.range.start}:${d.code}:${i}`} problem={d} source={source} />
          ))}
        </ul>
      )}
      {diagnostics.length > MAX_SHOWN && <p className="muted small">and {diagnostics.length - MAX_SHOWN} more, marked in the editor.</p>}
    </section>
  );
}

function ProblemRow({ problem: d, source }: { readonly problem: Problem; readonly source: string }) {
  const revealRange = useStore((s) => s.revealRange);
  const [docsOpen, setDocsOpen] = useState(false);
  const docsId = useId();
  const { label, Icon } = SEVERITY[d.severity];
  const className = `diagnostic ${d.severity}${d.built ? "" : " unbuilt"}`;
  return (
    <li className={className} data-testid="diagnostic" data-severity={d.severity} data-rule={d.code} data-built={String(d.built)}>
      <button type="button" className="diagnostic-button" onClick={() => revealRange(d.range.start, d.range.end)}>
        <span className="diagnostic-head">
          <Icon />
          <span className="severity">{label}</span>
          <span className="diagnostic-line">Line {d.line}</span>
          <code className="diagnostic-code">{d.code}</code>
        </span>
        <span className="diagnostic-message">{showInvisibles(d.message)}</span>
        {!d.built && <span className="diagnostic-unbuilt">On a stage the target does not build.</span>}
      </button>
      {(d.fix !== undefined || d.rule !== undefined) && (
        <div className="diagnostic-actions">
          {d.fix !== undefined && (
            <button type="button" className="button small" data-testid="quick-fix" title={d.fix.title} onClick={() => applyQuickFix(d.fix!, source)}>
              Fix: {d.fix.title}
            </button>
          )}
          {d.rule !== undefined && (
            <button
              type="button"
              className="link small"
              data-testid="rule-docs"
              aria-expanded={docsOpen}
              aria-controls={docsId}
              onClick={() => setDocsOpen((open) => !open)}
            >
              {docsOpen ? "Hide rule" : `About ${d.code}`}
            </button>
          )}
        </div>
      )}
      {docsOpen && d.rule !== undefined && <RuleDocs id={docsId} rule={d.rule} />}
    </li>
  );
}

/** A rule's entry of docs/lint-rules.md, in place. */
function RuleDocs({ id, rule }: { readonly id: string; readonly rule: LintRule }) {
  const doc = describeRule(rule);
  return (
    <div id={id} className="rule-docs" data-testid="rule-docs-panel">
      <p>
        <strong>What:</strong> {doc.what}
      </p>
      <p>
        <strong>Why:</strong> {doc.why}
      </p>
      <p>
        <strong>Fix:</strong> {doc.fix}
      </p>
      <p>
        <strong>Silence it:</strong> <code>{doc.silence}</code>
      </p>
      {doc.externalDocs !== null && (
        <p>
          <a href={doc.externalDocs} target="_blank" rel="noreferrer noopener">
            {doc.origin === "buildkit" ? "BuildKit's page" : "hadolint's page"}
          </a>{" "}
          <span className="muted">(opens the web)</span>
        </p>
      )}
    </div>
  );
}
