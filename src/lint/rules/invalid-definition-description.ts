import { buildkitRule, onInstruction, stageAt } from "../define.ts";
import type { InstructionNode } from "../../syntax/types.ts";
import type { RuleReport } from "../types.ts";

function check(node: InstructionNode, instruction: "FROM" | "ARG", keys: readonly string[], stage: number | null): RuleReport | null {
  const comments = node.comments;
  const last = comments[comments.length - 1];
  if (last === undefined || keys.length === 0) return null;
  const first = last.split(" ")[0];
  if (keys.includes(first ?? "")) return null;
  const example = keys.length > 1 ? "<arg_key>" : (keys[0] ?? "");
  return onInstruction(node, stage, `Comment for ${instruction} should follow the format: \`# ${example} <description>\``);
}

export const invalidDefinitionDescription = buildkitRule({
  id: "InvalidDefinitionDescription",
  summary:
    "Comment for build stage or argument should follow the format: `# <arg/stage name> <description>`. If this is not intended to be a description comment, add an empty line or comment between the instruction and the comment.",
  docsSlug: "invalid-definition-description",
  phase: "parse",
  experimental: true,
  why: "A comment right above FROM or ARG is read as its description; one that does not start with the name is probably not meant as one.",
  howToFix: "Start the comment with the stage or ARG name, or separate it with an empty line.",
  *check(ctx) {
    for (const instruction of ctx.model.instructions) {
      const stage = stageAt(ctx, instruction.node.range.start);
      let report: RuleReport | null = null;
      if (instruction.kind === "from") report = check(instruction.node, "FROM", instruction.stageName === null ? [] : [instruction.stageName], stage);
      else if (instruction.kind === "arg") report = check(instruction.node, "ARG", instruction.declarations.map((d) => d.name.value), stage);
      if (report !== null) yield report;
    }
  },
});
