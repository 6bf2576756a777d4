import { hadolintRule, onInstruction, stageInstructions } from "../define.ts";
import { hasCacheMount } from "../apt.ts";
import { findInvocations, runScript } from "../shell-commands.ts";

export const dl3019 = hadolintRule({
  id: "DL3019",
  severity: "info",
  summary: "Use the --no-cache switch to avoid the need to use --update and remove /var/cache/apk/* when done installing packages",
  why: "apk keeps its index in /var/cache/apk, which then ships in the layer.",
  howToFix: "Use apk add --no-cache (or a cache mount).",
  *check(ctx) {
    for (const { instruction, stage } of stageInstructions(ctx)) {
      if (instruction.kind !== "run" || hasCacheMount(instruction, "/var/cache/apk", "/etc/apk/cache")) continue;
      const adds = findInvocations(runScript(instruction), "apk", "add");
      if (adds.length === 0 || adds.every((a) => a.args.includes("--no-cache"))) continue;
      let fix;
      if (instruction.command.form === "shell") {
        const range = instruction.command.text.range;
        const text = ctx.source.slice(range.start, range.end);
        const edits = [...text.matchAll(/\bapk((?:\s+-[-\w=]+)*)\s+add\b/g)]
          .filter((m) => !/--no-cache/.test(m[0]))
          .map((m) => ({ range: { start: range.start + (m.index ?? 0) + m[0].length, end: range.start + (m.index ?? 0) + m[0].length }, text: " --no-cache" }));
        if (edits.length > 0) fix = { title: "Add --no-cache", edits };
      }
      yield { ...onInstruction(instruction.node, stage, "Use apk add --no-cache: the package index stays out of the layer"), ...(fix === undefined ? {} : { fix }) };
    }
  },
});
