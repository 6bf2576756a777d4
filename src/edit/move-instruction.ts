/** `moveInstruction`: one instruction, with its comment block, to another place or stage. */
import type { GraphEdge } from "../graph/types.ts";
import type { Stage, TypedInstruction } from "../model/types.ts";
import type { DockerfileTree, TextEdit, TextRange } from "../syntax/types.ts";
import { checkEdgesMapped, findStage, nameOf, readContext } from "./context.ts";
import type { EditContext } from "./context.ts";
import { describeReferenceKind } from "./references.ts";
import { instructionSpan } from "./spans.ts";
import { endsWithNewline } from "./style.ts";
import type { EditResult } from "./types.ts";
import { argNames, variablesIn, variablesVisible } from "./variables.ts";

/**
 * A place among a stage's instructions: `index` counts the instructions after FROM (FROM itself
 * is not one of them), as `Stage.instructions` does.
 */
export interface InstructionPlace {
  readonly stage: number;
  readonly index: number;
}

/** The instruction at `place`, or why there is none. */
function findInstruction(ctx: EditContext, place: InstructionPlace): { stage: Stage; instruction: TypedInstruction } | string {
  const stage = findStage(ctx, place.stage);
  if (typeof stage === "string") return stage;
  const count = stage.instructions.length;
  const instruction = Number.isInteger(place.index) ? stage.instructions[place.index] : undefined;
  if (instruction !== undefined) return { stage, instruction };
  if (count === 0) return `Stage ${nameOf(stage)} has only its FROM line, and FROM cannot be moved.`;
  return `Stage ${nameOf(stage)} has ${count} instruction${count === 1 ? "" : "s"} after FROM (#0 to #${count - 1}), not #${place.index}; FROM itself cannot be moved.`;
}

/** Why the instruction cannot use its stages from stage `target`: a stage it names would come after it, or be that stage. */
function forwardReference(ctx: EditContext, instruction: TypedInstruction, target: Stage): string | null {
  for (const ref of ctx.references) {
    if (ref.node !== instruction.node || ref.inTrigger || ref.resolves === null || ref.resolves < target.index) continue;
    const used = ctx.model.stages[ref.resolves]!;
    const what = `${describeReferenceKind(ref.kind)}${ref.kind === "mount" ? "" : "="}${ref.value}`;
    if (used.index === target.index) return `${what} would then be in stage ${nameOf(used)} itself, and a stage cannot use itself.`;
    return `${what} uses stage ${nameOf(used)}, which comes after stage ${nameOf(target)}: move that stage up first, or this line further down.`;
  }
  return null;
}

/**
 * The text to take out and the text to put back: the instruction with its comment block, ending
 * with a line ending. The last line of a file without a final newline takes the line ending
 * before it along, so the file still ends without one and no two lines are glued.
 */
function cutOut(ctx: EditContext, instruction: TypedInstruction): { removal: TextRange; block: string } {
  const source = ctx.tree.source;
  const span = instructionSpan(ctx.tree, instruction.node);
  const block = source.slice(span.start, span.end);
  if (endsWithNewline(block) || span.start === 0) return { removal: span, block: endsWithNewline(block) ? block : block + ctx.style.eol };
  const eol = source.slice(span.start - 2, span.start) === "\r\n" ? "\r\n" : "\n";
  return { removal: { start: span.start - eol.length, end: span.end }, block: block + eol };
}

/** Puts `block` before the instruction at `index` of `stage` (its comment block included), or after its last line. */
function putBack(ctx: EditContext, stage: Stage, index: number, block: string): TextEdit {
  const before = stage.instructions[index];
  if (before !== undefined) {
    const at = instructionSpan(ctx.tree, before.node).start;
    return { range: { start: at, end: at }, text: block };
  }
  const last = (stage.instructions[stage.instructions.length - 1] ?? stage.from).node;
  const at = last.range.end;
  // At the end of a file without a final newline: the line ending goes in front, and the file still ends without one.
  if (!endsWithNewline(ctx.tree.source.slice(last.range.start, at))) return { range: { start: at, end: at }, text: ctx.style.eol + block.replace(/\r?\n$/, "") };
  return { range: { start: at, end: at }, text: block };
}

/** A note when the instruction uses ARGs its stage declares above it that its new place does not see. */
function argNote(ctx: EditContext, from: InstructionPlace, to: InstructionPlace, instruction: TypedInstruction): string | null {
  const source = ctx.model.stages[from.stage]!;
  const target = ctx.model.stages[to.stage]!;
  const declared = argNames(source.instructions.slice(0, from.index));
  const above = target.instructions.slice(0, to.index).filter((i) => i !== instruction);
  const visible = variablesVisible(ctx.graph, target, above);
  const lost = [...variablesIn(ctx.tree, instruction)].filter((name) => declared.has(name) && !visible.has(name));
  if (lost.length === 0) return null;
  const list = lost.map((n) => `$${n}`).join(", ");
  return `${instruction.node.name} on line ${instruction.line} uses ${list}, which ARG declares in stage ${nameOf(source)} but not above its new place in stage ${nameOf(target)}: add ARG ${lost.join(" ")} there, or ${lost.length === 1 ? "it is" : "they are"} empty.`;
}

/** A note when the moved instruction is an ARG that lines of its stage below it use, and they end up above it or in another stage. */
function leftBehindNote(ctx: EditContext, from: InstructionPlace, to: InstructionPlace, instruction: TypedInstruction): string | null {
  if (instruction.kind !== "arg") return null;
  const stage = ctx.model.stages[from.stage]!;
  const moved = new Set(instruction.declarations.map((d) => d.name.value));
  const end = from.stage === to.stage ? Math.max(from.index, to.index) : stage.instructions.length;
  const users: string[] = [];
  for (let k = from.index + 1; k < end; k++) {
    const line = stage.instructions[k]!;
    const visible = argNames(stage.instructions.slice(0, k).filter((i) => i !== instruction));
    if ([...variablesIn(ctx.tree, line)].some((name) => moved.has(name) && !visible.has(name))) users.push(`${line.node.name} on line ${line.line}`);
  }
  if (users.length === 0) return null;
  return `${users.join(", ")} ${users.length === 1 ? "uses" : "use"} ${[...moved].join(", ")} and would no longer come after ARG on line ${instruction.line}.`;
}

function within(edge: GraphEdge, range: TextRange): boolean {
  return edge.range.start >= range.start && edge.range.end <= range.end;
}

/**
 * Moves an instruction (`from.index` counts the instructions after FROM; FROM itself cannot move)
 * with its continuation lines, heredoc bodies and the comment block directly above it, so that it
 * comes before the instruction now at `to.index` of stage `to.stage` (and its comment block), or
 * after the last line of that stage when `to.index` is its number of instructions. Moving a line
 * just before or after itself changes nothing (`{ edits: [] }`). The moved text keeps its bytes and
 * line endings; a file without a final newline keeps having none.
 *
 * Refuses a `COPY --from` or `RUN --mount from=` that would then use a stage coming after its new
 * stage, or its new stage itself. A line that uses ARGs declared above it in its stage but not
 * above its new place moves, with a note naming them; so does an ARG that lines below it use.
 *
 * @example
 * moveInstruction(tree, { stage: 1, index: 2 }, { stage: 2, index: 0 }); // to the top of stage 2
 * moveInstruction(tree, { stage: 1, index: 0 }, { stage: 1, index: tree.stages[1].instructions.length }); // to the end
 */
export function moveInstruction(tree: DockerfileTree, from: InstructionPlace, to: InstructionPlace): EditResult {
  const ctx = readContext(tree);
  const found = findInstruction(ctx, from);
  if (typeof found === "string") return { error: found };
  const target = findStage(ctx, to.stage);
  if (typeof target === "string") return { error: target };
  const count = target.instructions.length;
  if (!Number.isInteger(to.index) || to.index < 0 || to.index > count) {
    return { error: `An instruction can go at #0 to #${count} of stage ${nameOf(target)} (after its FROM), not #${to.index}.` };
  }
  if (from.stage === to.stage && (to.index === from.index || to.index === from.index + 1)) return { edits: [] };
  const { instruction } = found;
  const forward = forwardReference(ctx, instruction, target);
  if (forward !== null) return { error: forward };

  const { removal, block } = cutOut(ctx, instruction);
  const edits = [{ range: removal, text: "" }, putBack(ctx, target, to.index, block)];
  const node = instruction.node;
  const onbuild = node.name === "ONBUILD";
  // An ONBUILD trigger's uses land in the stages built on its stage: moving it is meant to change them.
  const changed = checkEdgesMapped(
    ctx,
    edits,
    (edge) => {
      const source = edge.source.kind === "stage" ? edge.source.index : edge.source.ref;
      if (edge.onbuild) return onbuild ? null : { source, target: edge.target };
      return { source, target: within(edge, node.range) ? to.stage : edge.target };
    },
    [],
    (edge) => onbuild && edge.onbuild,
  );
  if (changed !== null) return { error: `Moving ${node.name} on line ${instruction.line} there would change what a stage uses: ${changed}` };
  const notes = [argNote(ctx, from, to, instruction), leftBehindNote(ctx, from, to, instruction)].filter((n) => n !== null);
  return notes.length === 0 ? { edits } : { edits, notes };
}
