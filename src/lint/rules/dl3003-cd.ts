import { hadolintRule, onInstruction, stageInstructions } from "../define.ts";
import { findInvocations, runScript } from "../shell-commands.ts";

export const dl3003 = hadolintRule({
  id: "DL3003",
  severity: "warning",
  summary: "Use WORKDIR to switch to a directory",
  why: "`cd` in RUN lasts for that RUN only, which hides where later instructions run.",
  howToFix: "Use WORKDIR to change directory.",
  *check(ctx) {
    for (const { instruction, stage } of stageInstructions(ctx)) {
      if (instruction.kind !== "run" || findInvocations(runScript(instruction), "cd").length === 0) continue;
      yield onInstruction(instruction.node, stage, "Use WORKDIR to switch to a directory instead of cd");
    }
  },
});
