import { buildkitRule, onInstruction, stageInstructions } from "../define.ts";

export const legacyKeyValueFormat = buildkitRule({
  id: "LegacyKeyValueFormat",
  summary: "Legacy key/value format with whitespace separator should not be used",
  docsSlug: "legacy-key-value-format",
  why: "`ENV key value` takes the rest of the line as the value, so a second pair is silently part of the first value.",
  howToFix: "Write key=value pairs: ENV key=value.",
  *check(ctx) {
    for (const { instruction, stage } of stageInstructions(ctx)) {
      if (instruction.kind !== "env" && instruction.kind !== "label") continue;
      const pair = instruction.pairs.find((p) => p.legacy);
      if (pair === undefined) continue;
      const name = instruction.kind.toUpperCase();
      const value = pair.value.value;
      const quoted = /^\s*$|[\s"'\\$`]/.test(value) && !/^".*"$|^'.*'$/s.test(value) ? JSON.stringify(value) : value;
      const fix = /[$\\`]/.test(value)
        ? undefined
        : { title: `Write ${name} ${pair.key.value}=…`, edits: [{ range: { start: pair.key.range.end, end: pair.value.range.end }, text: `=${quoted}` }] };
      yield {
        ...onInstruction(instruction.node, stage, `"${name} key=value" should be used instead of legacy "${name} key value" format`),
        ...(fix === undefined ? {} : { fix }),
      };
    }
  },
});
