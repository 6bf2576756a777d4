import { buildkitRule, onInstruction } from "../define.ts";
import type { TypedInstruction } from "../../model/types.ts";

const once = new Set(["cmd", "entrypoint", "healthcheck"]);

export const multipleInstructionsDisallowed = buildkitRule({
  id: "MultipleInstructionsDisallowed",
  summary: "Multiple instructions of the same type should not be used in the same stage",
  docsSlug: "multiple-instructions-disallowed",
  why: "Only the last CMD, ENTRYPOINT or HEALTHCHECK of a stage takes effect; the earlier ones do nothing.",
  howToFix: "Keep only one of each per stage.",
  *check(ctx) {
    for (const stage of ctx.model.stages) {
      const last = new Map<string, TypedInstruction>();
      for (const instruction of stage.instructions) {
        if (!once.has(instruction.kind)) continue;
        const earlier = last.get(instruction.kind);
        last.set(instruction.kind, instruction);
        if (earlier === undefined) continue;
        const name = instruction.kind.toUpperCase();
        // Reported on the earlier one, under the later one's `# check=` comments (BuildKit's validateUsedOnce).
        yield {
          ...onInstruction(earlier.node, stage.index, `Multiple ${name} instructions should not be used in the same stage because only the last one will be used`),
          node: instruction.node,
          fix: { title: `Remove the earlier ${name}`, edits: [{ range: earlier.node.range, text: "" }] },
        };
      }
    }
  },
});
