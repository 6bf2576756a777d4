import { onInstruction, stagecraftRule } from "../define.ts";
import { installsIn } from "../package-managers.ts";
import type { Manager } from "../package-managers.ts";
import { foldStages } from "../stage-fold.ts";
import type { RuleReport } from "../types.ts";

/** Whether a COPY brings the whole build context (`COPY . .`, `COPY ./ /app`). */
export function copiesWholeContext(i: { kind: string; sources?: readonly { value: string }[]; from?: unknown }): boolean {
  if (i.kind !== "copy" && i.kind !== "add") return false;
  if (i.kind === "copy" && i.from !== null) return false;
  return (i.sources ?? []).some((s) => s.value === "." || s.value === "./" || s.value === "*");
}

interface State {
  /** Managers whose dependencies were installed before the sources arrived. */
  readonly installedEarly: Set<Manager>;
  sourcesCopied: boolean;
}

export const cacheOrder = stagecraftRule({
  id: "DependenciesAfterSources",
  anchor: "dependencies-after-sources",
  severity: "warning",
  summary: "Copy the dependency manifests and install before COPY . . so that a source edit does not re-run the install",
  why: "COPY . . before the install means any source edit invalidates the install layer, so every build downloads the dependencies again.",
  howToFix: "Copy the manifests (package.json and lock file, requirements.txt, go.mod…) and install first, then COPY . .",
  *check(ctx) {
    const reports: RuleReport[] = [];
    foldStages<State>(
      ctx,
      () => ({ installedEarly: new Set(), sourcesCopied: false }),
      (s) => ({ installedEarly: new Set(s.installedEarly), sourcesCopied: s.sourcesCopied }),
      (state, i, stage) => {
        if (copiesWholeContext(i)) state.sourcesCopied = true;
        if (i.kind !== "run") return state;
        for (const install of installsIn(i)) {
          if (install.prune || install.manager === "apt" || install.manager === "apk") continue;
          // For compiled languages the build after the sources is expected; only the download step can come first.
          if (["go", "cargo", "maven", "gradle"].includes(install.manager) && !isDownloadOnly(i.node.original)) continue;
          if (!state.sourcesCopied) state.installedEarly.add(install.manager);
          else if (!state.installedEarly.has(install.manager)) {
            reports.push(
              onInstruction(
                i.node,
                stage,
                `${install.manager} installs the dependencies after COPY . .: every source edit re-runs it. Copy the manifests (and lockfile) first, install, then copy the rest`,
              ),
            );
            state.installedEarly.add(install.manager);
          }
        }
        return state;
      },
    );
    yield* reports;
  },
});

function isDownloadOnly(command: string): boolean {
  return /go mod download|cargo fetch|dependency:go-offline/.test(command);
}
