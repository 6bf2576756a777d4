import { buildkitRule, onInstruction, stageInstructions } from "../define.ts";

export const exposeProtoCasing = buildkitRule({
  id: "ExposeProtoCasing",
  summary: "Protocol in EXPOSE instruction should be lowercase",
  docsSlug: "expose-proto-casing",
  why: "Protocols are lowercase in the image config; other casing is normalised and reads inconsistently.",
  howToFix: "Write tcp or udp in lowercase.",
  *check(ctx) {
    for (const { instruction, stage } of stageInstructions(ctx)) {
      if (instruction.kind !== "expose") continue;
      for (const item of instruction.items) {
        const slash = item.value.lastIndexOf("/");
        if (slash < 0 || item.value.includes(":")) continue;
        const proto = item.value.slice(slash + 1);
        if (proto === proto.toLowerCase()) continue;
        yield {
          ...onInstruction(instruction.node, stage, `Defined protocol '${item.value}' in EXPOSE instruction should be lowercase`, item.range),
          fix: { title: `Write '${item.value.toLowerCase()}'`, edits: [{ range: item.range, text: item.value.toLowerCase() }] },
        };
      }
    }
  },
});
