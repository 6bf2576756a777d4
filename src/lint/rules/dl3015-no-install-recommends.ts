import { hadolintRule, onInstruction, stageInstructions } from "../define.ts";
import { findInvocations, runScript } from "../shell-commands.ts";
import type { RunInstruction } from "../../model/types.ts";
import type { LintContext, QuickFix } from "../types.ts";

/** Insert `--no-install-recommends` after each `install` of apt-get in the RUN's shell text. */
function addFlagFix(ctx: LintContext, run: RunInstruction): QuickFix | null {
  if (run.command.form !== "shell") return null;
  const range = run.command.text.range;
  const text = ctx.source.slice(range.start, range.end);
  const edits = [...text.matchAll(/apt-get((?:\s+-[-\w=]+)*)\s+install\b/g)].map((m) => {
    const at = range.start + (m.index ?? 0) + m[0].length;
    return { range: { start: at, end: at }, text: " --no-install-recommends" };
  });
  return edits.length === 0 ? null : { title: "Add --no-install-recommends", edits };
}

export const dl3015 = hadolintRule({
  id: "DL3015",
  severity: "info",
  summary: "Avoid additional packages by specifying --no-install-recommends",
  why: "Recommended packages are pulled in by default and grow the image with things nothing uses.",
  howToFix: "Add --no-install-recommends to apt-get install.",
  *check(ctx) {
    for (const { instruction, stage } of stageInstructions(ctx)) {
      if (instruction.kind !== "run") continue;
      const installs = findInvocations(runScript(instruction), "apt-get", "install");
      if (installs.length === 0 || installs.every((i) => i.args.includes("--no-install-recommends") || i.args.some((a) => a.includes("Install-Recommends=false")))) continue;
      const fix = addFlagFix(ctx, instruction);
      yield { ...onInstruction(instruction.node, stage, "Avoid additional packages by specifying --no-install-recommends"), ...(fix === null ? {} : { fix }) };
    }
  },
});
