import { onInstruction, stagecraftRule } from "../define.ts";

export const unusedStage = stagecraftRule({
  id: "UnusedStage",
  anchor: "unused-stage",
  severity: "info",
  summary: "A stage that neither the target nor another stage uses is never built",
  why: "A stage neither the target nor any other stage uses is never built: it is dead code, or a reference to it is missing.",
  howToFix: "Delete the stage, or use it (COPY --from, FROM, or as a --target).",
  *check(ctx) {
    const used = new Set<number>();
    for (const e of ctx.graph.edges) if (e.source.kind === "stage") used.add(e.source.index);
    for (const view of ctx.stages) {
      const index = view.stage.index;
      if (index === ctx.graph.target || used.has(index) || view.built) continue;
      const name = view.stage.name;
      yield onInstruction(
        view.stage.from.node,
        index,
        name === null
          ? `Stage ${index} is used by no other stage and is not the target: it is never built`
          : `Stage ${name} is used by no other stage and is not the target: it is built only with --target ${name}`,
        view.stage.from.alias?.range ?? view.stage.from.node.keywordRange,
      );
    }
  },
});
