import { buildkitRule, onInstruction } from "../define.ts";

/** BuildKit checks `AS` only against an all-lower or all-upper `FROM`; mixed-case FROM is ConsistentInstructionCasing's business. */
function expectedAs(keyword: string): string | null {
  if (keyword === "from") return "as";
  if (keyword === "FROM") return "AS";
  return null;
}

export const fromAsCasing = buildkitRule({
  id: "FromAsCasing",
  summary: "The 'as' keyword should match the case of the 'from' keyword",
  docsSlug: "from-as-casing",
  phase: "parse",
  why: "Mixed casing (FROM … as) is easy to misread and is what BuildKit flags for consistency.",
  howToFix: "Write AS in the same case as FROM.",
  *check(ctx) {
    for (const stage of ctx.model.stages) {
      const { node } = stage.from;
      if (node.args.length < 3) continue;
      const as = node.args[1];
      const wanted = expectedAs(node.keyword);
      if (as === undefined || wanted === null) continue;
      const ok = wanted === "as" ? as.value === as.value.toLowerCase() : as.value === as.value.toUpperCase();
      if (ok) continue;
      yield {
        ...onInstruction(node, stage.index, `'${as.value}' and '${node.keyword}' keywords' casing do not match`, as.range),
        ...(as.value.toLowerCase() === "as" ? { fix: { title: `Write '${wanted}'`, edits: [{ range: as.range, text: wanted }] } } : {}),
      };
    }
  },
});
