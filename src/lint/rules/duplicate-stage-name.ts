import { buildkitRule, onInstruction } from "../define.ts";

export const duplicateStageName = buildkitRule({
  id: "DuplicateStageName",
  summary: "Stage names should be unique",
  docsSlug: "duplicate-stage-name",
  phase: "file",
  why: "BuildKit resolves a repeated name to the last stage with it, so COPY --from and FROM silently pick one of them.",
  howToFix: "Give each stage its own name.",
  *check(ctx) {
    const seen = new Set<string>();
    for (const stage of ctx.model.stages) {
      if (stage.name === null) continue;
      if (seen.has(stage.name)) {
        yield onInstruction(stage.from.node, stage.index, `Duplicate stage name "${stage.name}", stage names should be unique`, stage.from.alias?.range);
      }
      seen.add(stage.name);
    }
  },
});
