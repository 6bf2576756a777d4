import { buildkitRule, stageAt } from "../define.ts";

export const noEmptyContinuation = buildkitRule({
  id: "NoEmptyContinuation",
  summary: "Empty continuation lines will become errors in a future release",
  docsSlug: "no-empty-continuation",
  phase: "file",
  why: "A blank line inside a continued instruction is still joined to it today, but BuildKit will make it an error; it also hides where the instruction ends.",
  howToFix: "Delete the blank line, or end the instruction before it.",
  *check(ctx) {
    const tree = ctx.model.tree;
    const instructions = ctx.model.instructions;
    let i = 0;
    for (const d of tree.diagnostics) {
      if (d.code !== "NoEmptyContinuation") continue;
      while (i < instructions.length && instructions[i]!.node.range.end <= d.range.start) i++;
      const instruction = instructions[i];
      if (instruction === undefined) continue;
      const stage = stageAt(ctx, d.range.start);
      // BuildKit reports the line it had read up to: the instruction's last line.
      yield {
        message: "Empty continuation line",
        range: d.range,
        line: instruction.node.endLine,
        stage,
        fix: { title: "Remove the empty line", edits: [{ range: lineOf(ctx.source, d.range.start), text: "" }] },
      };
    }
  },
});

function lineOf(source: string, offset: number) {
  const start = source.lastIndexOf("\n", offset - 1) + 1;
  const nl = source.indexOf("\n", offset);
  return { start, end: nl < 0 ? source.length : nl + 1 };
}
