import type { Diagnostic } from "../src/index.ts";
import type { StageOutline } from "./stage-outline.ts";

interface StagePanelProps {
  readonly stages: readonly StageOutline[];
  readonly diagnostics: readonly Diagnostic[];
}

/** The right pane: the stages the parser found and its diagnostics, both as of the last keystroke. */
export function StagePanel({ stages, diagnostics }: StagePanelProps) {
  const lastIndex = stages.length - 1;
  return (
    <aside className="pane stage-pane" aria-labelledby="stages-title">
      <div className="pane-header">
        <h2 id="stages-title">Stages</h2>
        <span className="pane-meta" aria-live="polite">
          {stages.length === 1 ? "1 stage" : `${stages.length} stages`}
        </span>
      </div>
      <div className="pane-body">
        {stages.length === 0 ? (
          <p className="empty">No stage yet: each FROM instruction starts one.</p>
        ) : (
          <ol className="stage-list" aria-label="Build stages">
            {stages.map((stage) => (
              <StageItem key={stage.index} stage={stage} isDefaultTarget={stage.index === lastIndex} />
            ))}
          </ol>
        )}
        <DiagnosticList diagnostics={diagnostics} />
      </div>
    </aside>
  );
}

function StageItem({ stage, isDefaultTarget }: { stage: StageOutline; isDefaultTarget: boolean }) {
  const lines = stage.startLine === stage.endLine ? `line ${stage.startLine}` : `lines ${stage.startLine}–${stage.endLine}`;
  return (
    <li className="stage" data-testid="stage" data-stage-label={stage.label}>
      <span className="stage-index" aria-hidden="true">
        {stage.index}
      </span>
      <div className="stage-main">
        <div className="stage-title">
          <span className={stage.name === null ? "stage-name unnamed" : "stage-name"}>{stage.label}</span>
          {isDefaultTarget && (
            <span className="badge" title="docker build builds the last stage unless --target says otherwise">
              default target
            </span>
          )}
          <span className="stage-lines">{lines}</span>
        </div>
        <div className="stage-image">
          <span className="keyword">FROM</span> <code>{stage.image}</code>
        </div>
      </div>
    </li>
  );
}

const SEVERITY_LABEL = { error: "Error", warning: "Warning", info: "Info" } as const;

function DiagnosticList({ diagnostics }: { diagnostics: readonly Diagnostic[] }) {
  return (
    <section className="diagnostics" aria-labelledby="problems-title">
      <h3 id="problems-title">
        Problems <span className="count">{diagnostics.length}</span>
      </h3>
      {diagnostics.length === 0 ? (
        <p className="empty">No problems found.</p>
      ) : (
        <ul className="diagnostic-list">
          {diagnostics.map((d, i) => (
            <li key={`${d.range.start}:${d.code}:${i}`} className={`diagnostic ${d.severity}`} data-testid="diagnostic">
              <span className="severity">{SEVERITY_LABEL[d.severity]}</span>
              <span className="diagnostic-line">Line {d.line}</span>
              <code className="diagnostic-code">{d.code}</code>
              <span className="diagnostic-message">{d.message}</span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
