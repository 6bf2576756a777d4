import { buildkitRule, onInstruction } from "../define.ts";

const reserved = new Set(["context", "scratch"]);

export const reservedStageName = buildkitRule({
  id: "ReservedStageName",
  summary: "Reserved words should not be used as stage names",
  docsSlug: "reserved-stage-name",
  phase: "file",
  why: "`context` and `scratch` have a meaning of their own in FROM and COPY --from; a stage named so shadows or is shadowed by it.",
  howToFix: "Rename the stage.",
  *check(ctx) {
    for (const stage of ctx.model.stages) {
      if (stage.name === null || !reserved.has(stage.name)) continue;
      yield onInstruction(stage.from.node, stage.index, `Stage name should not use the same name as reserved stage "${stage.name}"`, stage.from.alias?.range);
    }
  },
});
