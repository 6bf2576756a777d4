import { hadolintRule, onInstruction, stageInstructions } from "../define.ts";

/**
 * hadolint compares `--from` with the aliases case-sensitively; BuildKit lowercases it, so
 * `--from=Builder` names `builder` here. A `--from` that names no stage is pulled as an image:
 * flagged unless it looks like one (has a `/`, `:` or `@`).
 */
export const dl3022 = hadolintRule({
  id: "DL3022",
  severity: "warning",
  summary: "COPY --from should reference a previously defined FROM alias (compared case-insensitively, as BuildKit does)",
  why: "COPY --from with a name that is no stage is read as an image to pull: a typo turns into a registry request. Names compare case-insensitively, as in BuildKit.",
  howToFix: "Name a stage defined earlier, or write the full image reference.",
  *check(ctx) {
    for (const { instruction, stage } of stageInstructions(ctx)) {
      if (instruction.kind !== "copy" || instruction.from === null) continue;
      const value = instruction.from.value;
      if (/^\d+$/.test(value) || /[/:@]/.test(value) || value.includes("$")) continue;
      const lower = value.toLowerCase();
      if (ctx.model.stages.some((s) => s.name === lower)) continue;
      yield onInstruction(
        instruction.node,
        stage,
        `COPY --from=${value} names no stage, so BuildKit pulls an image called ${lower}: define the stage above, or write the image in full`,
        instruction.from.node.range,
      );
    }
  },
});
