import { buildkitRule, onInstruction } from "../define.ts";

export const redundantTargetPlatform = buildkitRule({
  id: "RedundantTargetPlatform",
  summary: "Setting platform to predefined $TARGETPLATFORM in FROM is redundant as this is the default behavior",
  docsSlug: "redundant-target-platform",
  phase: "from",
  why: "The target platform is already the default for FROM; naming it adds nothing.",
  howToFix: "Remove --platform=$TARGETPLATFORM.",
  *check(ctx) {
    for (const stage of ctx.model.stages) {
      const flag = stage.from.platform;
      if (flag === null || (flag.value !== "$TARGETPLATFORM" && flag.value !== "${TARGETPLATFORM}")) continue;
      const end = stage.from.node.flags.length > 0 ? flag.node.range.end : flag.node.range.end;
      const after = ctx.source.slice(end).match(/^[ \t]*/)?.[0].length ?? 0;
      yield {
        ...onInstruction(stage.from.node, stage.index, `Setting platform to predefined ${flag.value} in FROM is redundant as this is the default behavior`, flag.node.range),
        fix: { title: "Remove --platform", edits: [{ range: { start: flag.node.range.start, end: end + after }, text: "" }] },
      };
    }
  },
});
