/** `deleteStage`: a stage block, refused while other stages use it unless forced. */
import { offsetToPosition } from "../syntax/positions.ts";
import type { DockerfileTree } from "../syntax/types.ts";
import { findStage, nameOf, readContext, renumberIndexReferences, splitEdits } from "./context.ts";
import type { EditContext } from "./context.ts";
import { describeReferenceKind } from "./references.ts";
import { stageRemoval } from "./spans.ts";
import type { EditResult } from "./types.ts";

export interface DeleteStageOptions {
  /** Delete even though other stages use it (their references are left, and then fail or name an image). */
  readonly force?: boolean;
}

/** "stage final (COPY --from, line 12)", one per reference to `stage` from another stage. */
export function describeUsers(ctx: EditContext, stage: number): string[] {
  const users: string[] = [];
  for (const ref of ctx.references) {
    if (ref.resolves !== stage || ref.stage === stage) continue;
    const user = ctx.model.stages[ref.stage]!;
    const line = offsetToPosition(ctx.tree, ref.node.range.start).line;
    users.push(`stage ${nameOf(user)} (${describeReferenceKind(ref.kind)}, line ${line})`);
  }
  return users;
}

/**
 * Deletes a stage: its FROM, its instructions and the comment block above its FROM, with the
 * blank lines that separated it. Refused, with the list of users, while other stages use it,
 * unless `{ force: true }`. `COPY --from=N` references to later stages are renumbered.
 *
 * @example
 * deleteStage(tree, 1);                  // { error: "Stage test is used by stage final (FROM, line 9). …" }
 * deleteStage(tree, 1, { force: true }); // { edits: [...] }
 */
export function deleteStage(tree: DockerfileTree, stage: number, options: DeleteStageOptions = {}): EditResult {
  const ctx = readContext(tree);
  const found = findStage(ctx, stage);
  if (typeof found === "string") return { error: found };
  const users = describeUsers(ctx, stage);
  if (users.length > 0 && options.force !== true) {
    return { error: `Stage ${nameOf(found)} is used by ${users.join(", ")}. Remove those uses first, or delete it anyway.` };
  }
  const removal = stageRemoval(ctx.tree, ctx.model, stage);
  const renumbered = renumberIndexReferences(ctx, (old) => (old === stage ? null : old > stage ? old - 1 : old));
  const edits = [{ range: removal, text: "" }, ...splitEdits(renumbered, removal).outside];
  return users.length === 0 ? { edits } : { edits, notes: users.map((u) => `Stage ${nameOf(found)} was still used by ${u}; that use is left as it is and no longer names it.`) };
}
