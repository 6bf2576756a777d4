import { hadolintRule, onInstruction } from "../define.ts";
import { foldStages } from "../stage-fold.ts";
import { insertLineAbove } from "../fixes.ts";
import { runScript, splitCommands } from "../shell-commands.ts";
import type { RuleReport } from "../types.ts";

/** Images with no bash, where the fix would break the build. */
const noBash = /alpine|busybox|distroless|scratch/;

export const dl4006 = hadolintRule({
  id: "DL4006",
  severity: "warning",
  summary: "Set the SHELL option -o pipefail before RUN with a pipe in it",
  why: "Without pipefail a failing command before a pipe is ignored and the build goes on with bad output.",
  howToFix: "Add SHELL [\"/bin/bash\", \"-o\", \"pipefail\", \"-c\"] before the RUN (on a base with bash).",
  *check(ctx) {
    const reports: RuleReport[] = [];
    foldStages(
      ctx,
      () => false,
      (s) => s,
      (pipefail, i, stage) => {
        if (i.kind === "shell") {
          const words = i.command.form === "exec" ? i.command.args.map((a) => a.value) : [];
          return words.some((w) => /pipefail/.test(w));
        }
        if (i.kind !== "run" || pipefail || i.command.form !== "shell") return pipefail;
        const script = runScript(i);
        if (/set\s+-[a-z]*o\s+pipefail|set\s+-o\s+pipefail/.test(script)) return pipefail;
        if (!splitCommands(script).some((c) => c.piped)) return pipefail;
        const image = ctx.stages[stage]?.rootImage ?? "scratch";
        reports.push({
          ...onInstruction(i.node, stage, "Set SHELL [\"/bin/bash\", \"-o\", \"pipefail\", \"-c\"] before a RUN with a pipe: otherwise only the last command's failure fails the build"),
          ...(noBash.test(image) ? {} : { fix: { title: "Add SHELL with -o pipefail above", edits: [insertLineAbove(ctx.source, i.node, 'SHELL ["/bin/bash", "-o", "pipefail", "-c"]')] } }),
        });
        return pipefail;
      },
    );
    yield* reports;
  },
});
