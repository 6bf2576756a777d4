import { hadolintRule, onInstruction, stageInstructions } from "../define.ts";
import { findInvocations, runScript } from "../shell-commands.ts";

export const dl3027 = hadolintRule({
  id: "DL3027",
  severity: "warning",
  summary: "Do not use apt as it is meant to be an end-user tool, use apt-get or apt-cache instead",
  why: "apt is meant for people at a terminal; its output and behaviour are not stable for scripts.",
  howToFix: "Use apt-get or apt-cache.",
  *check(ctx) {
    for (const { instruction, stage } of stageInstructions(ctx)) {
      if (instruction.kind !== "run" || findInvocations(runScript(instruction), "apt").length === 0) continue;
      yield onInstruction(instruction.node, stage, "Do not use apt in scripts (its interface is not stable): use apt-get or apt-cache");
    }
  },
});
