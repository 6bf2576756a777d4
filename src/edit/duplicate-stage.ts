/** `duplicateStage`: a copy of a stage block, under a new name, right after it. */
import type { GraphEdge } from "../graph/types.ts";
import type { DockerfileTree } from "../syntax/types.ts";
import { addedEdgeKey, checkEdgesMapped, findStage, nameOf, readContext, renumberIndexReferences, splitEdits } from "./context.ts";
import { aliasEdit, checkNewStageName, freshName } from "./naming.ts";
import { stageInsertion, stageText } from "./spans.ts";
import { endsWithNewline } from "./style.ts";
import type { EditResult } from "./types.ts";

/**
 * Copies a stage (the comment block above its FROM, FROM and every instruction, bytes as written)
 * and inserts the copy right after it, named `newName`, or by default `<name>-copy` (`build-copy`,
 * then `build-copy-2`, …; `stage-<index>-copy` for an unnamed stage): the copy always gets a name,
 * since a stage can only be used by its name. Uses of the original elsewhere stay on the original;
 * `COPY --from=N` references to later stages are renumbered. A file without a final newline
 * keeps having none.
 *
 * Refuses a name BuildKit rejects, one another stage has, and one other lines use for an image.
 * Duplicating the last stage makes the copy the last one, which a build without `--target` then
 * builds: `notes` says so.
 *
 * @example
 * duplicateStage(tree, 1);           // FROM … AS build-copy, after stage 1
 * duplicateStage(tree, 1, "build-arm");
 */
export function duplicateStage(tree: DockerfileTree, stage: number, newName?: string): EditResult {
  const ctx = readContext(tree);
  const found = findStage(ctx, stage);
  if (typeof found === "string") return { error: found };
  const name = newName ?? freshName(ctx, `${found.name ?? `stage-${stage}`}-copy`);
  const problem = checkNewStageName(ctx, name, stage, null);
  if (problem !== null) return { error: problem };
  const alias = aliasEdit(ctx, stage, name);
  if (typeof alias === "string") return { error: alias };

  const moved = (old: number) => (old > stage ? old + 1 : old);
  const renumbered = renumberIndexReferences(ctx, moved);
  let copy = stageText(ctx.tree, found, ctx.style, [...splitEdits(renumbered, found.range).inside, alias]);
  const last = stage === ctx.model.stages.length - 1;
  if (last && !endsWithNewline(ctx.tree.source)) copy = copy.slice(0, copy.endsWith("\r\n") ? -2 : -1);
  const edits = [stageInsertion(ctx.tree, ctx.model, ctx.style, stage + 1, copy), ...renumbered];

  const mapped = (edge: GraphEdge) => ({
    source: edge.source.kind === "stage" ? moved(edge.source.index) : edge.source.ref,
    target: moved(edge.target),
  });
  const copied = ctx.graph.edges.filter((e) => e.target === stage).map((e) => addedEdgeKey(e.kind, mapped(e).source, stage + 1));
  const changed = checkEdgesMapped(ctx, edits, mapped, copied);
  if (changed !== null) return { error: `A copy of stage ${nameOf(found)} would not use the same things: ${changed}` };
  if (!last) return { edits };
  return { edits, notes: [`The copy ${name} is now the last stage: a build without --target builds it instead of stage ${nameOf(found)}.`] };
}
