/** `renameStage`: the stage's name and every reference to it, and nothing else. */
import { offsetToPosition } from "../syntax/positions.ts";
import type { DockerfileTree, TextEdit } from "../syntax/types.ts";
import { findStage, nameOf, readContext } from "./context.ts";
import type { EditContext } from "./context.ts";
import { describeReferenceKind } from "./references.ts";
import { aliasEdit, checkNewStageName } from "./naming.ts";
import type { EditResult } from "./types.ts";

function lineOf(ctx: EditContext, offset: number): number {
  return offsetToPosition(ctx.tree, offset).line;
}

/**
 * Renames a stage: its `AS` name (added when it has none) and every `FROM`, `COPY --from` and
 * `RUN --mount from=` that names it, matched as BuildKit matches them (`FROM` by exact text and
 * only below the stage, `--from` case-insensitively, the last stage of a repeated name winning).
 * References by index are left as they are. A `FROM` that reaches the stage through a build
 * argument is not changed and is reported in `notes`. Refuses a name BuildKit would reject, a
 * name another stage has, and a name other lines use for an image (they would then mean this stage).
 *
 * @example
 * renameStage(tree, 0, "builder"); // { edits: [{ range: …, text: "builder" }, …] }
 */
export function renameStage(tree: DockerfileTree, stage: number, newName: string): EditResult {
  const ctx = readContext(tree);
  const found = findStage(ctx, stage);
  if (typeof found === "string") return { error: found };
  if (found.name === newName) return { edits: [] };
  const problem = checkNewStageName(ctx, newName, stage, stage);
  if (problem !== null) return { error: problem };
  const alias = aliasEdit(ctx, stage, newName);
  if (typeof alias === "string") return { error: alias };

  const edits: TextEdit[] = [alias];
  const notes: string[] = [];
  const done = new Set<number>();
  for (const ref of ctx.references) {
    if (ref.resolves !== stage || ref.numeric) continue;
    const line = lineOf(ctx, ref.node.range.start);
    if (ref.variable) {
      notes.push(`Line ${line}: FROM ${ref.value} picks stage ${nameOf(found)} through a build argument; it was left as it is.`);
    } else if (ref.range === null) {
      notes.push(`Line ${line}: this ${describeReferenceKind(ref.kind)} could not be changed; rename it by hand.`);
    } else if (!done.has(ref.range.start)) {
      done.add(ref.range.start);
      edits.push({ range: ref.range, text: newName });
    }
  }
  if (found.name !== null) {
    for (const arg of ctx.model.globalArgs) {
      for (const d of arg.declarations) {
        if (d.defaultValue?.value !== found.name) continue;
        notes.push(`Line ${arg.line}: ARG ${d.name.value} defaults to "${found.name}"; it was left as it is.`);
      }
    }
  }
  return notes.length > 0 ? { edits, notes } : { edits };
}
