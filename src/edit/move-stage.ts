/** `moveStage`: a stage block to another place in the file. */
import type { DockerfileTree } from "../syntax/types.ts";
import { checkEdgesKept, findStage, nameOf, readContext, renumberIndexReferences, splitEdits } from "./context.ts";
import type { EditContext } from "./context.ts";
import { describeReferenceKind } from "./references.ts";
import { stageInsertion, stageRemoval, stageText } from "./spans.ts";
import type { EditResult } from "./types.ts";

/** New index of each stage when `stage` moves to `toIndex`. */
export function movedIndex(stage: number, toIndex: number): (old: number) => number {
  return (old) => {
    if (old === stage) return toIndex;
    if (stage < toIndex && old > stage && old <= toIndex) return old - 1;
    if (toIndex < stage && old >= toIndex && old < stage) return old + 1;
    return old;
  };
}

/** The first reference the move would turn into a reference to a later stage, as a message. */
function findForwardReference(ctx: EditContext, moved: (old: number) => number): string | null {
  for (const ref of ctx.references) {
    if (ref.resolves === null || ref.inTrigger || ref.resolves >= ref.stage) continue;
    if (moved(ref.resolves) < moved(ref.stage)) continue;
    const source = ctx.model.stages[ref.resolves]!;
    const user = ctx.model.stages[ref.stage]!;
    return `Stage ${nameOf(source)} is used by ${describeReferenceKind(ref.kind)} in stage ${nameOf(user)}, which would then come before it.`;
  }
  return null;
}

/**
 * Moves a stage (its comment block, FROM and instructions) so that it becomes stage `toIndex`.
 * Refuses a move after which a `FROM`, `COPY --from` or mount would name a stage below it, and
 * says which; `COPY --from=N` references are renumbered to keep naming the same stage.
 *
 * @example
 * moveStage(tree, 3, 1);
 */
export function moveStage(tree: DockerfileTree, stage: number, toIndex: number): EditResult {
  const ctx = readContext(tree);
  const found = findStage(ctx, stage);
  if (typeof found === "string") return { error: found };
  const count = ctx.model.stages.length;
  if (!Number.isInteger(toIndex) || toIndex < 0 || toIndex >= count) return { error: `Stage ${nameOf(found)} can move to #0 to #${count - 1}, not #${toIndex}.` };
  if (toIndex === stage) return { edits: [] };
  const moved = movedIndex(stage, toIndex);
  const forward = findForwardReference(ctx, moved);
  if (forward !== null) return { error: forward };

  const removal = stageRemoval(ctx.tree, ctx.model, stage);
  const { inside, outside } = splitEdits(renumberIndexReferences(ctx, moved), found.range);
  const body = stageText(ctx.tree, found, ctx.style, inside);
  const slot = toIndex < stage ? toIndex : toIndex + 1;
  const edits = [{ range: removal, text: "" }, stageInsertion(ctx.tree, ctx.model, ctx.style, slot, body), ...outside];
  const changed = checkEdgesKept(ctx, edits, moved);
  return changed === null ? { edits } : { error: `Moving stage ${nameOf(found)} there would change what it or another stage uses: ${changed}` };
}
