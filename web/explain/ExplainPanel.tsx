import { useMemo, useState } from "react";
import { cacheImpactOnGraph, describeShips, explainBuild, listContextSources, showInvisibles, type StageGraph } from "../../src/index.ts";
import { stageKey } from "../state/analysis.ts";
import { NodeLink } from "../panels/links.tsx";
import { useStore } from "../state/store.ts";
import { useExplainStore } from "./explain-store.ts";
import "./explain.css";

/** Splits what the user typed into paths: commas, spaces and new lines separate them. */
export function parsePathList(text: string): string[] {
  return [...new Set(text.split(/[\s,]+/).filter((p) => p !== ""))];
}

/** What re-runs: the user names changed paths or picks COPY/ADD sources; the canvas and editor mark the rest. */
function CacheSection({ graph }: { readonly graph: StageGraph }) {
  const changed = useExplainStore((s) => s.changedPaths);
  const setChanged = useExplainStore((s) => s.setChangedPaths);
  const [draft, setDraft] = useState("");
  const sources = useMemo(() => listContextSources(graph), [graph]);
  const impact = useMemo(() => (changed.length === 0 ? null : cacheImpactOnGraph(graph, changed)), [graph, changed]);
  const toggle = (path: string) => setChanged(changed.includes(path) ? changed.filter((p) => p !== path) : [...changed, path]);

  return (
    <section className="panel-section" aria-labelledby="cache-title" data-testid="cache-section">
      <h3 id="cache-title" className="sub-heading">
        What re-runs when files change
      </h3>
      <form
        className="cache-form"
        onSubmit={(e) => {
          e.preventDefault();
          const paths = parsePathList(draft);
          if (paths.length > 0) setChanged([...new Set([...changed, ...paths])]);
          setDraft("");
        }}
      >
        <input
          className="cache-input"
          aria-label="Changed paths"
          placeholder="src/app.ts, package.json"
          value={draft}
          onChange={(e) => setDraft(e.target.value)}
        />
        <button type="submit" className="button">
          Mark
        </button>
      </form>
      {sources.length > 0 && (
        <p className="cache-sources">
          <span className="muted small">Copied from the context: </span>
          {sources.map((path) => (
            <button key={path} type="button" className={changed.includes(path) ? "chip on" : "chip"} aria-pressed={changed.includes(path)} onClick={() => toggle(path)}>
              {path}
            </button>
          ))}
        </p>
      )}
      {impact !== null && (
        <>
          <p className="cache-changed">
            Changed: {changed.map((p) => <code key={p}>{showInvisibles(p)}</code>)}{" "}
            <button type="button" className="link" onClick={() => setChanged([])}>
              clear
            </button>
          </p>
          <ul className="cache-result" aria-label="Cache impact">
            {impact.stages.map((s) => (
              <li key={s.index} data-testid="cache-stage" data-stage={s.label} data-cache={s.breaksAt === null ? "cached" : "rerun"}>
                <span className={s.breaksAt === null ? "badge ok" : "badge danger"}>{s.breaksAt === null ? "cached" : `re-runs from line ${s.breaksAt.line}`}</span>{" "}
                <strong>{showInvisibles(s.label)}</strong> {s.reason === null ? null : showInvisibles(s.reason)}
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

/**
 * The Explain tab: what the target ships and from where, each stage's role and steps in plain
 * words (and why a dimmed stage is not built), the build schedule, and the cache overlay.
 */
export function ExplainPanel({ graph, source }: { readonly graph: StageGraph; readonly source: string }) {
  const explanation = useMemo(() => explainBuild(graph), [graph]);
  const revealRange = useStore((s) => s.revealRange);
  const scheduleOn = useExplainStore((s) => s.scheduleOverlay);
  const setSchedule = useExplainStore((s) => s.setScheduleOverlay);
  const lineStart = (line: number) => graph.model.tree.lineStarts[line - 1] ?? 0;
  const label = (index: number) => graph.stages[index]?.label ?? "?";

  return (
    <div className="explain" data-testid="explain-panel">
      {explanation.ships !== null && (
        <section className="panel-section" aria-labelledby="ships-title">
          <h3 id="ships-title" className="sub-heading">
            What ships in {showInvisibles(explanation.ships.target)}
          </h3>
          <ul className="ships" data-testid="ships">
            {describeShips(explanation.ships).map((line, i) => (
              <li key={i}>{showInvisibles(line)}</li>
            ))}
          </ul>
        </section>
      )}
      <CacheSection graph={graph} />
      <section className="panel-section" aria-labelledby="schedule-title">
        <h3 id="schedule-title" className="sub-heading">
          Build schedule
        </h3>
        <label className="toggle">
          <input type="checkbox" checked={scheduleOn} onChange={(e) => setSchedule(e.target.checked)} /> Show on the canvas
        </label>
        <ol className="schedule" data-testid="schedule">
          {explanation.schedule.levels.map((level, i) => (
            <li key={i}>
              {showInvisibles(level.map((s) => label(s)).join(", "))}
              {level.length > 1 && <span className="muted small"> at the same time</span>}
            </li>
          ))}
        </ol>
        {explanation.schedule.criticalPath.length > 0 && (
          <p className="small">Longest chain: {showInvisibles(explanation.schedule.criticalPath.map(label).join(" → "))}</p>
        )}
      </section>
      <section className="panel-section" aria-labelledby="stages-explained-title">
        <h3 id="stages-explained-title" className="sub-heading">
          Stage by stage
        </h3>
        {explanation.stages.map((s) => {
          const stage = graph.stages[s.index];
          return (
            <article key={s.index} className={s.built ? "explained-stage" : "explained-stage unbuilt"} data-testid="explained-stage" data-stage={s.label}>
              <h4 className="explained-title">
                {stage === undefined ? showInvisibles(s.label) : <NodeLink nodeKey={stageKey(stage)} graph={graph} source={source} />}{" "}
                <span className="badge role" data-role={s.role}>
                  {s.role}
                </span>
                {!s.built && <span className="badge muted">not built</span>}
              </h4>
              <p className="small">{showInvisibles(s.roleReason)}</p>
              {s.notBuiltReason !== null && <p className="small muted" data-testid="not-built-reason">{showInvisibles(s.notBuiltReason)}</p>}
              <ol className="steps">
                {s.steps.map((step) => (
                  <li key={step.line}>
                    <button type="button" className="link step-line" onClick={() => revealRange(lineStart(step.line), lineStart(step.line + 1) - 1)}>
                      {step.line}
                    </button>{" "}
                    {showInvisibles(step.text)}
                  </li>
                ))}
              </ol>
            </article>
          );
        })}
      </section>
    </div>
  );
}
