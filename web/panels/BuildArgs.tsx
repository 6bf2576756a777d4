import { useId } from "react";
import { showInvisibles, type StageGraph } from "../../src/index.ts";
import { ResetIcon } from "../shell/icons.tsx";
import { useStore } from "../state/store.ts";
import { listGlobalArgs, listLeftoverOverrides, listPlatformArgs, type BuildArgRow } from "./build-args.ts";

/**
 * `--build-arg`: the global ARGs (the only ones FROM lines see) with their defaults, each
 * editable; BuildKit's automatic platform ARGs in a group of their own. The graph follows every
 * keystroke: a different base image, a different stage picked by `FROM base-${VARIANT}`.
 */
export function BuildArgs({ graph }: { readonly graph: StageGraph }) {
  const overrides = useStore((s) => s.buildArgs);
  const globals = listGlobalArgs(graph, overrides);
  const declared = new Set(globals.map((row) => row.name));
  const platform = listPlatformArgs(graph, overrides, declared);
  const leftovers = listLeftoverOverrides(overrides, declared);
  const platformOverrides = platform.filter((row) => row.override !== null).length;

  return (
    <section className="panel-section" aria-labelledby="build-args-title">
      <h2 id="build-args-title" className="section-title">
        Build arguments
      </h2>
      {globals.length === 0 ? (
        <p className="empty">No global ARG. ARGs declared before the first FROM parametrise the base images, and show here.</p>
      ) : (
        <ul className="build-args">
          {globals.map((row) => (
            <BuildArgField key={row.name} row={row} />
          ))}
        </ul>
      )}
      {leftovers.length > 0 && (
        <>
          <h3 className="sub-heading">Not declared globally</h3>
          <ul className="build-args">
            {leftovers.map((row) => (
              <BuildArgField key={row.name} row={row} />
            ))}
          </ul>
        </>
      )}
      <details className="platform-args" open={platformOverrides > 0}>
        <summary>
          Platform <span className="muted mono">{graph.globalArgs.get("TARGETPLATFORM") ?? ""}</span>
          {platformOverrides > 0 && <span className="badge accent">{platformOverrides} overridden</span>}
        </summary>
        <p className="hint">BuildKit sets these for each build; the graph assumes a linux/amd64 machine unless you override them.</p>
        <ul className="build-args">
          {platform.map((row) => (
            <BuildArgField key={row.name} row={row} />
          ))}
        </ul>
      </details>
    </section>
  );
}

/**
 * The line under a field: where the value comes from. Null when there is nothing worth saying.
 * Names and defaults are the file's text, so invisible and direction-changing characters are
 * written out (`[U+202E]`) rather than allowed to reverse the panel around them.
 */
function describeDefault(row: BuildArgRow): string | null {
  switch (row.kind) {
    case "platform":
      return null;
    case "leftover":
      return "not an ARG before the first FROM: it reaches only stage ARGs of that name";
    case "global":
      if (row.declaredDefault === null) return row.value === null ? `no default (line ${row.line})` : `no default: automatic value (line ${row.line})`;
      return row.override === null && row.value === row.declaredDefault ? `default, line ${row.line}` : `default ${showInvisibles(row.declaredDefault)}`;
  }
}

function BuildArgField({ row }: { readonly row: BuildArgRow }) {
  const setBuildArg = useStore((s) => s.setBuildArg);
  const id = useId();
  const overridden = row.override !== null;
  const hint = describeDefault(row);
  const value = row.override ?? row.value ?? "";
  // An input has to show the value as it is to be editable; say what it hides underneath instead.
  const shownValue = showInvisibles(value);
  const name = showInvisibles(row.name);
  const className = ["build-arg", row.kind === "platform" ? "compact" : "", overridden ? "overridden" : ""].filter(Boolean).join(" ");
  return (
    <li className={className}>
      <label htmlFor={id} className="build-arg-name">
        {name}
      </label>
      <div className="build-arg-field">
        <input
          id={id}
          className="input"
          data-testid="build-arg"
          data-name={row.name}
          value={value}
          placeholder={row.value === null ? "not set" : undefined}
          spellCheck={false}
          autoComplete="off"
          aria-describedby={[hint === null ? "" : `${id}-hint`, shownValue === value ? "" : `${id}-hidden`].join(" ").trim() || undefined}
          onChange={(event) => setBuildArg(row.name, event.currentTarget.value)}
        />
        {overridden && (
          <button type="button" className="button icon-only quiet" aria-label={`Reset ${name}`} title="Back to the default" onClick={() => setBuildArg(row.name, null)}>
            <ResetIcon />
          </button>
        )}
      </div>
      {hint !== null && (
        <p id={`${id}-hint`} className="build-arg-hint">
          {overridden && <span className="badge accent">overridden</span>} {hint}
        </p>
      )}
      {shownValue !== value && (
        <p id={`${id}-hidden`} className="build-arg-hint" data-testid="build-arg-invisible">
          Holds hidden characters: <code>{shownValue}</code>
        </p>
      )}
    </li>
  );
}
