/**
 * Giving a stage a name: a free one, one BuildKit accepts that no line already uses for an image,
 * and the edit that writes it on the FROM line. Shared by renameStage, addStage, splitStage and
 * duplicateStage.
 */
import { offsetToPosition } from "../syntax/positions.ts";
import type { TextEdit } from "../syntax/types.ts";
import { checkStageName, nameOf } from "./context.ts";
import type { EditContext } from "./context.ts";
import { describeReferenceKind } from "./references.ts";
import type { StageReference } from "./references.ts";

/** A name no stage has and no line uses for an image: `wanted`, else `wanted-2`, … */
export function freshName(ctx: EditContext, wanted: string): string {
  const used = new Set<string>();
  for (const s of ctx.model.stages) if (s.name !== null) used.add(s.name);
  for (const r of ctx.references) used.add(r.value.toLowerCase());
  if (!used.has(wanted)) return wanted;
  for (let n = 2; ; n++) if (!used.has(`${wanted}-${n}`)) return `${wanted}-${n}`;
}

/** Whether a reference that now names an image would name stage `stage` once it is called `name`. */
function wouldCapture(ref: StageReference, name: string, stage: number): boolean {
  if (ref.numeric || ref.variable || ref.resolves !== null) return false;
  return ref.kind === "from" ? ref.value === name && ref.stage > stage : ref.value.toLowerCase() === name;
}

/**
 * Why stage `stage` cannot be called `name`, or null when it can: BuildKit's rules
 * (`checkStageName`; `except` is the stage that may already have it), and no line that now uses
 * `name` for an image may start meaning the stage.
 */
export function checkNewStageName(ctx: EditContext, name: string, stage: number, except: number | null): string | null {
  const problem = checkStageName(ctx, name, except);
  if (problem !== null) return problem;
  const captured = ctx.references.find((ref) => wouldCapture(ref, name, stage));
  if (captured === undefined) return null;
  const line = offsetToPosition(ctx.tree, captured.node.range.start).line;
  const here = ctx.model.stages[stage];
  const label = here === undefined ? `#${stage}` : nameOf(here);
  return `Line ${line} uses "${captured.value}" as an image (${describeReferenceKind(captured.kind)}); naming stage ${label} "${name}" would make it use the stage instead.`;
}

/** The edit that gives stage `stage`'s FROM line the name `newName`: the alias replaced, or `AS name` added; a message when it cannot. */
export function aliasEdit(ctx: EditContext, stage: number, newName: string): TextEdit | string {
  const from = ctx.model.stages[stage]!.from;
  if (from.alias !== null) return { range: from.alias.range, text: newName };
  if (from.image === null || from.node.args.length !== 1) {
    return `FROM on line ${from.line} is not written as "FROM image [AS name]", so a name cannot be added to it.`;
  }
  const as = from.node.keyword === from.node.keyword.toLowerCase() ? "as" : "AS";
  return { range: { start: from.image.range.end, end: from.image.range.end }, text: ` ${as} ${newName}` };
}
