import { buildkitRule, onInstruction, stageInstructions } from "../define.ts";
import { cleanPath } from "../dockerignore.ts";
import { expandWord } from "../../model/expand.ts";

export const copyIgnoredFile = buildkitRule({
  id: "CopyIgnoredFile",
  summary: "Attempting to Copy file that is excluded by .dockerignore",
  docsSlug: "copy-ignored-file",
  why: "The file is excluded by .dockerignore, so it is not in the build context and the COPY fails or copies nothing.",
  howToFix: "Remove the pattern from .dockerignore, or stop copying the file.",
  *check(ctx) {
    const ignore = ctx.dockerignore;
    // BuildKit does not judge a .dockerignore with `!` re-includes: a file inside an excluded directory may be back.
    if (ignore === null || ignore.hasExclusions) return;
    for (const { instruction, stage } of stageInstructions(ctx)) {
      if (instruction.kind !== "copy" && instruction.kind !== "add") continue;
      if (instruction.kind === "copy" && instruction.from !== null) continue;
      const verb = instruction.kind === "copy" ? "Copy" : "Add";
      for (const source of instruction.sources) {
        if (/^[a-z]+:\/\/|^git@/i.test(source.value)) continue;
        const expanded = expandWord(source.value, new Map(), { escape: ctx.escape });
        const path = cleanPath(expanded.ok ? expanded.value : source.value).replace(/^\/+/, "") || ".";
        // The context root counts as excluded only when everything in it is (`*`), not when some files are (`.*`).
        const excluded = path === "." ? ignore.matches("a") && ignore.matches(".a") : ignore.matches(path);
        if (!excluded) continue;
        yield onInstruction(instruction.node, stage, `Attempting to ${verb} file "${path}" that is excluded by .dockerignore`, source.range);
      }
    }
  },
});
