import { hadolintRule, onInstruction, stageInstructions } from "../define.ts";
import { runScript, splitCommands } from "../shell-commands.ts";

export const dl3004 = hadolintRule({
  id: "DL3004",
  severity: "error",
  summary: "Do not use sudo as it leads to unpredictable behavior. Use a tool like gosu to enforce root",
  *check(ctx) {
    for (const { instruction, stage } of stageInstructions(ctx)) {
      if (instruction.kind !== "run" || !splitCommands(runScript(instruction)).some((c) => c.words[0] === "sudo")) continue;
      yield onInstruction(instruction.node, stage, "Do not use sudo: builds run as root already, and sudo behaves unpredictably in containers (use gosu to drop privileges)");
    }
  },
});
