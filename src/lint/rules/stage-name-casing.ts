import { buildkitRule, onInstruction } from "../define.ts";
import type { RuleReport } from "../types.ts";

export const stageNameCasing = buildkitRule({
  id: "StageNameCasing",
  summary: "Stage names should be lowercase",
  docsSlug: "stage-name-casing",
  phase: "parse",
  why: "BuildKit matches stage names case-insensitively and lowercases them; a name in capitals reads as if it were distinct from its lowercase references.",
  howToFix: "Write the stage name in lowercase, and every reference to it (FROM, COPY --from, --mount from=).",
  *check(ctx) {
    for (const stage of ctx.model.stages) {
      const { alias, node } = stage.from;
      if (alias === null || alias.value === alias.value.toLowerCase()) continue;
      const lower = alias.value.toLowerCase();
      const edits = [{ range: alias.range, text: lower }];
      // Every reference that spells the name another way: FROM <name>, COPY --from, --mount from=.
      for (const other of ctx.model.stages) {
        const image = other.from.image;
        if (other.index > stage.index && image !== null && image.value.toLowerCase() === lower && image.value !== lower) {
          edits.push({ range: image.range, text: lower });
        }
      }
      for (const edge of ctx.graph.edges) {
        if (edge.kind === "from" || edge.source.kind !== "stage" || edge.source.index !== stage.index) continue;
        const text = ctx.source.slice(edge.range.start, edge.range.end);
        const at = text.toLowerCase().lastIndexOf(lower);
        if (at >= 0 && text.slice(at, at + lower.length) !== lower) {
          edits.push({ range: { start: edge.range.start + at, end: edge.range.start + at + lower.length }, text: lower });
        }
      }
      const report: RuleReport = {
        ...onInstruction(node, stage.index, `Stage name '${alias.value}' should be lowercase`, alias.range),
        fix: { title: `Rename stage to '${lower}'`, edits },
      };
      yield report;
    }
  },
});
