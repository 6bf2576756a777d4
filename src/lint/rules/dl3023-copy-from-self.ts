import { hadolintRule, onInstruction } from "../define.ts";

export const dl3023 = hadolintRule({
  id: "DL3023",
  severity: "error",
  summary: "COPY --from should reference a previously defined FROM alias, not the stage's own",
  why: "A stage cannot copy from itself: BuildKit refuses the circular dependency.",
  howToFix: "Copy from the stage that builds the files.",
  *check(ctx) {
    for (const stage of ctx.model.stages) {
      if (stage.name === null) continue;
      for (const i of stage.instructions) {
        if (i.kind !== "copy" || i.from === null || i.from.value.toLowerCase() !== stage.name) continue;
        yield onInstruction(i.node, stage.index, `COPY --from=${i.from.value} copies from the stage it is in`, i.from.node.range);
      }
    }
  },
});
