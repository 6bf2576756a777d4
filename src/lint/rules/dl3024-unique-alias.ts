import { hadolintRule, onInstruction } from "../define.ts";

/** hadolint compares aliases case-sensitively; BuildKit lowercases them, so `A` and `a` clash here. */
export const dl3024 = hadolintRule({
  id: "DL3024",
  severity: "error",
  summary: "FROM aliases (stage names) must be unique (compared case-insensitively, as BuildKit does)",
  why: "Two stages with one name (case-insensitively, as in BuildKit) make references ambiguous: the last one wins.",
  howToFix: "Give each stage its own name.",
  *check(ctx) {
    const seen = new Map<string, number>();
    for (const stage of ctx.model.stages) {
      if (stage.name === null) continue;
      const first = seen.get(stage.name);
      if (first !== undefined) {
        yield onInstruction(stage.from.node, stage.index, `Stage name ${stage.from.alias?.value ?? stage.name} is used already (line ${ctx.model.stages[first]?.line}): COPY --from and FROM pick only one of them`, stage.from.alias?.range);
      } else seen.set(stage.name, stage.index);
    }
  },
});
