import { buildkitRule, onInstruction } from "../define.ts";
import { foldStages } from "../stage-fold.ts";
import type { RuleReport } from "../types.ts";

export const workdirRelativePath = buildkitRule({
  id: "WorkdirRelativePath",
  summary: "Relative workdir without an absolute workdir declared within the build can have unexpected results if the base image changes",
  docsSlug: "workdir-relative-path",
  why: "A relative WORKDIR depends on the base image's working directory, which can change under you.",
  howToFix: "Use an absolute path, or set an absolute WORKDIR earlier in the stage.",
  *check(ctx) {
    const reports: RuleReport[] = [];
    foldStages(
      ctx,
      () => false,
      (s) => s,
      (absoluteSet, instruction, stage) => {
        if (instruction.kind !== "workdir" || instruction.value === null) return absoluteSet;
        const path = instruction.value.value;
        if (path.startsWith("/") || path.startsWith("$")) return true;
        if (!absoluteSet) {
          reports.push({
            ...onInstruction(instruction.node, stage, `Relative workdir "${path}" can have unexpected results if the base image changes`),
            fix: { title: `Make it absolute: /${path}`, edits: [{ range: instruction.value.range, text: `/${path}` }] },
          });
        }
        return absoluteSet;
      },
    );
    yield* reports;
  },
});
