import { buildkitRule, onInstruction, stageInstructions } from "../define.ts";
import { goQuote } from "../../syntax/go-quote.ts";

export const maintainerDeprecated = buildkitRule({
  id: "MaintainerDeprecated",
  summary: "The MAINTAINER instruction is deprecated, use a label instead to define an image author",
  docsSlug: "maintainer-deprecated",
  phase: "parse",
  why: "MAINTAINER is deprecated; an OCI label is what tools read.",
  howToFix: "Use LABEL org.opencontainers.image.authors=\"…\".",
  *check(ctx) {
    for (const { instruction, stage } of stageInstructions(ctx)) {
      if (instruction.kind !== "maintainer") continue;
      const value = instruction.value?.value ?? "";
      const range = { start: instruction.node.keywordRange.start, end: instruction.value?.range.end ?? instruction.node.keywordRange.end };
      yield {
        ...onInstruction(instruction.node, stage, "Maintainer instruction is deprecated in favor of using label"),
        fix: { title: "Use LABEL org.opencontainers.image.authors", edits: [{ range, text: `LABEL org.opencontainers.image.authors=${goQuote(value)}` }] },
      };
    }
  },
});
