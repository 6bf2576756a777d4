import { buildkitRule, onInstruction, stageInstructions } from "../define.ts";

export const exposeInvalidFormat = buildkitRule({
  id: "ExposeInvalidFormat",
  summary: "IP address and host-port mapping should not be used in EXPOSE instruction. This will become an error in a future release",
  docsSlug: "expose-invalid-format",
  why: "EXPOSE documents a container port; an IP address or host port mapping belongs to `docker run -p` and will become an error.",
  howToFix: "Keep only the container port (and protocol).",
  *check(ctx) {
    for (const { instruction, stage } of stageInstructions(ctx)) {
      if (instruction.kind !== "expose") continue;
      for (const item of instruction.items) {
        if (!item.value.includes(":")) continue;
        yield onInstruction(instruction.node, stage, `EXPOSE instruction should not define an IP address or host-port mapping, found '${item.value}'`, item.range);
      }
    }
  },
});
