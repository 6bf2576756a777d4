import { hadolintRule, onInstruction, stageInstructions } from "../define.ts";
import { runScript, splitCommands } from "../shell-commands.ts";

export const dl3004 = hadolintRule({
  id: "DL3004",
  severity: "error",
  summary: "Do not use sudo as it leads to unpredictable behavior. Use a tool like gosu to enforce root",
  why: "sudo is usually absent and behaves unpredictably in a build; the build already runs as root unless USER says otherwise.",
  howToFix: "Remove sudo; switch user with USER (or gosu at run time).",
  *check(ctx) {
    for (const { instruction, stage } of stageInstructions(ctx)) {
      if (instruction.kind !== "run" || !splitCommands(runScript(instruction)).some((c) => c.words[0] === "sudo")) continue;
      yield onInstruction(instruction.node, stage, "Do not use sudo: builds run as root already, and sudo behaves unpredictably in containers (use gosu to drop privileges)");
    }
  },
});
