import { showInvisibles } from "../../src/index.ts";
import { stageName, useDeferredAnalysis } from "../state/analysis.ts";
import { useStore } from "../state/store.ts";

/**
 * `--target`: BuildKit's default (the last stage) or a named stage. Unnamed stages are listed
 * but disabled, because BuildKit looks a target up by name only.
 */
export function TargetSelect() {
  const { graph } = useDeferredAnalysis();
  const target = useStore((s) => s.target);
  const setTarget = useStore((s) => s.setTarget);
  const last = graph.stages.at(-1);
  // Names are matched case-insensitively, as BuildKit does; a target no stage has any more stays listed.
  const matched = target === null ? "" : (graph.stages.find((s) => s.name === target.toLowerCase())?.name ?? null);
  return (
    <div className="target-field">
      <label htmlFor="target-select" className="toolbar-label">
        Target
      </label>
      <select
        id="target-select"
        data-testid="target-select"
        className="select"
        value={matched ?? target ?? ""}
        onChange={(event) => setTarget(event.currentTarget.value === "" ? null : event.currentTarget.value)}
      >
        <option value="">{last === undefined ? "Default (no stage yet)" : `Default (last stage: ${showInvisibles(stageName(last))})`}</option>
        {graph.stages.map((stage) =>
          stage.name === null ? (
            <option key={stage.index} value={`#${stage.index}`} disabled>
              {`#${stage.index} (unnamed: cannot be a target)`}
            </option>
          ) : (
            <option key={stage.index} value={stage.name}>
              {showInvisibles(stage.name)}
            </option>
          ),
        )}
        {matched === null && target !== null && <option value={target}>{`${showInvisibles(target)} (not in the file)`}</option>}
      </select>
    </div>
  );
}
