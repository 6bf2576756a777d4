import { hadolintRule, onInstruction } from "../define.ts";
import { foldStages } from "../stage-fold.ts";
import type { RuleReport } from "../types.ts";

/** WORKDIR is inherited through `FROM <stage>`; a base image's own WORKDIR is not known, as in hadolint. */
export const dl3045 = hadolintRule({
  id: "DL3045",
  severity: "warning",
  summary: "COPY to a relative destination without WORKDIR set",
  why: "A relative COPY destination depends on the base image's working directory.",
  howToFix: "Set WORKDIR first, or copy to an absolute path.",
  *check(ctx) {
    const reports: RuleReport[] = [];
    foldStages(
      ctx,
      () => false,
      (s) => s,
      (workdirSet, i, stage) => {
        if (i.kind === "workdir") return true;
        if (i.kind === "copy" && i.dest !== null && !workdirSet) {
          const dest = i.dest.value.replace(/^["']|["']$/g, "");
          if (!dest.startsWith("/") && !dest.startsWith("$") && !/^[A-Za-z]:[\\/]/.test(dest)) {
            reports.push(onInstruction(i.node, stage, `COPY to the relative destination ${dest} with no WORKDIR set: it depends on the base image's working directory`, i.dest.range));
          }
        }
        return workdirSet;
      },
    );
    yield* reports;
  },
});
