/** `splitStage`: one stage becomes two, the first part named anew and the second keeping the stage's name. */
import type { ArgInstruction, Stage } from "../model/types.ts";
import type { DockerfileTree, TextEdit } from "../syntax/types.ts";
import { addedEdgeKey, checkEdgesMapped, findStage, nameOf, readContext, renumberIndexReferences } from "./context.ts";
import type { EditContext } from "./context.ts";
import { aliasEdit, checkNewStageName } from "./naming.ts";
import { blankRunBefore, instructionSpan } from "./spans.ts";
import { keyword } from "./style.ts";
import type { EditResult } from "./types.ts";
import { variablesIn, variablesInText } from "./variables.ts";

/**
 * The ARG lines the second part needs: an ARG does not carry over `FROM <stage>`, so each ARG of
 * the first part that the second part uses (or that the default of such an ARG uses) is declared
 * again, with the same default written the same way, in the same order. With or without
 * `--build-arg`, it then has the value it had before the split.
 */
function carriedArgs(ctx: EditContext, stage: Stage, at: number): { lines: string[]; names: string[] } {
  const needed = new Set<string>();
  for (const i of stage.instructions.slice(at)) for (const name of variablesIn(ctx.tree, i)) needed.add(name);
  const args = stage.instructions.slice(0, at).filter((i): i is ArgInstruction => i.kind === "arg");
  for (const arg of [...args].reverse()) {
    for (const d of [...arg.declarations].reverse()) {
      if (!needed.has(d.name.value) || d.defaultValue === null) continue;
      for (const name of variablesInText(d.defaultValue.value, ctx.tree.escape)) needed.add(name);
    }
  }
  const lines: string[] = [];
  const names: string[] = [];
  for (const arg of args) {
    const kept = arg.declarations.filter((d) => needed.has(d.name.value));
    if (kept.length === 0) continue;
    lines.push(`${keyword(ctx.style, "ARG")} ${kept.map((d) => ctx.tree.source.slice(d.range.start, d.range.end)).join(" ")}`);
    for (const d of kept) if (!names.includes(d.name.value)) names.push(d.name.value);
  }
  return { lines, names };
}

/**
 * Splits a stage before its instruction `atInstruction` (counting the instructions after FROM;
 * 1 to the number of instructions − 1, so both parts keep at least one): how a single stage
 * becomes a builder and a final.
 *
 * The first part becomes a new stage called `newName`, on the stage's own FROM line (its base,
 * flags and comment block; its `AS` name becomes `newName`, or `AS newName` is added). The second
 * part keeps the stage's name: a new `FROM newName AS <name>` line goes before `atInstruction` (and
 * its comment block), so every `FROM`, `COPY --from` and `--mount from=` that named the stage, and
 * `--target`, still mean the finished result; `COPY --from=N` references are renumbered to match.
 * WORKDIR, ENV, USER and the rest of the image config carry over `FROM newName`; ARGs do not, so
 * ARGs of the first part the second part uses are declared again after the new FROM, with the same
 * defaults, and named in `notes`.
 *
 * Refuses a name BuildKit rejects or another stage has, a name other lines use for an image, and
 * an ONBUILD in the first part (it would then run at the start of the second).
 *
 * @example
 * splitStage(tree, 0, 3, "builder");
 * // FROM golang AS app …          →  FROM golang AS builder …
 * //                                   FROM builder AS app
 */
export function splitStage(tree: DockerfileTree, stage: number, atInstruction: number, newName: string): EditResult {
  const ctx = readContext(tree);
  const found = findStage(ctx, stage);
  if (typeof found === "string") return { error: found };
  const count = found.instructions.length;
  if (count < 2) return { error: `Stage ${nameOf(found)} has ${count === 0 ? "no instruction" : "one instruction"} after FROM: there is nothing to split.` };
  if (!Number.isInteger(atInstruction) || atInstruction < 1 || atInstruction >= count) {
    return { error: `Stage ${nameOf(found)} can be split before its instructions #1 to #${count - 1} (counted after FROM), so that both parts keep one; not #${atInstruction}.` };
  }
  const problem = checkNewStageName(ctx, newName, stage, null);
  if (problem !== null) return { error: problem };
  const onbuild = found.instructions.slice(0, atInstruction).find((i) => i.kind === "onbuild");
  if (onbuild !== undefined) {
    return { error: `ONBUILD on line ${onbuild.line} would then run at the start of the second part, which is built FROM the first. Move it below the split first.` };
  }
  const alias = aliasEdit(ctx, stage, newName);
  if (typeof alias === "string") return { error: alias };

  const at = instructionSpan(ctx.tree, found.instructions[atInstruction]!.node).start;
  const { eol } = ctx.style;
  const from = found.from;
  const as = from.alias === null ? "" : ` ${ctx.style.lowercase ? "as" : "AS"} ${from.alias.value}`;
  const args = carriedArgs(ctx, found, atInstruction);
  const separation = ctx.style.blankBetweenStages && blankRunBefore(ctx.tree, at) === at ? eol : "";
  const head = [`${keyword(ctx.style, "FROM")} ${newName}${as}`, ...args.lines].map((line) => line + eol).join("");
  const moved = (old: number) => (old >= stage ? old + 1 : old);
  const edits: TextEdit[] = [alias, { range: { start: at, end: at }, text: separation + head }, ...renumberIndexReferences(ctx, moved)];

  const changed = checkEdgesMapped(
    ctx,
    edits,
    (edge) => {
      const source = edge.source.kind === "stage" ? moved(edge.source.index) : edge.source.ref;
      const firstPart = edge.target === stage && (edge.kind === "from" || edge.onbuild || edge.range.start < at);
      return { source, target: firstPart ? stage : moved(edge.target) };
    },
    [addedEdgeKey("from", stage, stage + 1)],
  );
  if (changed !== null) return { error: `Splitting stage ${nameOf(found)} there would change what a stage uses: ${changed}` };
  if (args.names.length === 0) return { edits };
  const second = from.alias?.value ?? `#${stage + 1}`;
  return { edits, notes: [`ARG ${args.names.join(", ")} ${args.names.length === 1 ? "is" : "are"} declared again in stage ${second}, with the same default${args.names.length === 1 ? "" : "s"}: ARG values do not carry over FROM ${newName}.`] };
}
