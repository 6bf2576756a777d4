import { buildkitRule, onInstruction } from "../define.ts";
import { execFormFix } from "../fixes.ts";
import { foldStages } from "../stage-fold.ts";
import type { RuleReport } from "../types.ts";

export const jsonArgsRecommended = buildkitRule({
  id: "JSONArgsRecommended",
  summary: "JSON arguments recommended for ENTRYPOINT/CMD to prevent unintended behavior related to OS signals",
  docsSlug: "json-args-recommended",
  why: "In shell form the command runs under /bin/sh -c, which does not pass signals on: the container ignores SIGTERM and is killed after the timeout.",
  howToFix: "Use the exec (JSON) form, [\"executable\", \"arg\"], or set SHELL if a shell is meant.",
  *check(ctx) {
    const reports: RuleReport[] = [];
    // A SHELL in the stage or a stage it is built on means the shell form is deliberate.
    foldStages(
      ctx,
      () => false,
      (s) => s,
      (shellSet, instruction, stage) => {
        if (instruction.kind === "shell") return true;
        if ((instruction.kind === "cmd" || instruction.kind === "entrypoint") && instruction.command.form === "shell" && !shellSet) {
          const name = instruction.kind.toUpperCase();
          const fix = execFormFix(ctx.source, instruction);
          reports.push({
            ...onInstruction(instruction.node, stage, `JSON arguments recommended for ${name} to prevent unintended behavior related to OS signals`),
            ...(fix === null ? {} : { fix }),
          });
        }
        return shellSet;
      },
    );
    yield* reports;
  },
});
