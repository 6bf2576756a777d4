import { hadolintRule, onInstruction } from "../define.ts";
import { execFormFix } from "../fixes.ts";
import { shippingStages } from "../stage-sets.ts";

/** Judged on the stages the image is built from: a builder stage's CMD never runs. */
export const dl3025 = hadolintRule({
  id: "DL3025",
  severity: "warning",
  summary: "Use arguments JSON notation for CMD and ENTRYPOINT arguments (judged on the stages the image is built from)",
  why: "In shell form the process runs under /bin/sh -c and does not get signals. Judged on the stages the image is built from.",
  howToFix: "Use the JSON form for CMD and ENTRYPOINT.",
  *check(ctx) {
    for (const index of shippingStages(ctx)) {
      for (const i of ctx.model.stages[index]?.instructions ?? []) {
        if ((i.kind !== "cmd" && i.kind !== "entrypoint") || i.command.form !== "shell") continue;
        const fix = execFormFix(ctx.source, i);
        yield {
          ...onInstruction(i.node, index, `Use the JSON form for ${i.kind.toUpperCase()}: in shell form /bin/sh is PID 1 and the program gets no signals`),
          ...(fix === null ? {} : { fix }),
        };
      }
    }
  },
});
