import { hadolintRule, onInstruction } from "../define.ts";
import type { RunInstruction } from "../../model/types.ts";

/** RUNs with flags (mounts, network) are kept apart on purpose; only plain consecutive RUNs count. */
function plain(i: RunInstruction): boolean {
  return i.node.flags.length === 0;
}

export const dl3059 = hadolintRule({
  id: "DL3059",
  severity: "info",
  summary: "Multiple consecutive RUN instructions. Consider consolidation",
  why: "Each RUN is a layer; consecutive RUNs that belong together add layers and size.",
  howToFix: "Join them with && where they form one step.",
  *check(ctx) {
    for (const stage of ctx.model.stages) {
      let previous: RunInstruction | null = null;
      for (const i of stage.instructions) {
        if (i.kind !== "run") {
          previous = null;
          continue;
        }
        if (previous !== null && plain(previous) && plain(i)) {
          yield onInstruction(i.node, stage.index, `RUN right after the RUN on line ${previous.line}: consider joining them with && to save a layer`);
        }
        previous = i;
      }
    }
  },
});
