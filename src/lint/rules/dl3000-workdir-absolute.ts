import { hadolintRule, onInstruction, stageInstructions } from "../define.ts";

export const dl3000 = hadolintRule({
  id: "DL3000",
  severity: "error",
  summary: "Use absolute WORKDIR",
  why: "A relative WORKDIR depends on the current directory, which the base image decides.",
  howToFix: "Use an absolute path.",
  *check(ctx) {
    for (const { instruction, stage } of stageInstructions(ctx)) {
      if (instruction.kind !== "workdir" || instruction.value === null) continue;
      const path = instruction.value.value.replace(/^["']|["']$/g, "");
      if (path.startsWith("/") || path.startsWith("$") || /^[A-Za-z]:[\\/]/.test(path)) continue;
      yield {
        ...onInstruction(instruction.node, stage, `Use absolute WORKDIR (not "${path}")`, instruction.value.range),
        fix: { title: `Make it absolute: /${path}`, edits: [{ range: instruction.value.range, text: `/${path}` }] },
      };
    }
  },
});
