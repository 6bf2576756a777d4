/**
 * State carried along a stage and into the stages built FROM it, as BuildKit carries a
 * stage's config (ENV, ARGs, SHELL, WORKDIR) to its children.
 */
import type { TypedInstruction } from "../model/types.ts";
import type { LintContext } from "./types.ts";

/**
 * Fold every stage's instructions in file order, each stage starting from the state its parent
 * stage ended with (`initial()` for an image or scratch). `visit` sees the state before each
 * instruction and returns the state after it (it may update the state in place and return it).
 */
export function foldStages<S>(
  ctx: LintContext,
  initial: () => S,
  copy: (state: S) => S,
  visit: (state: S, instruction: TypedInstruction, stage: number) => S,
): S[] {
  const ends: S[] = [];
  for (const view of ctx.stages) {
    const parentEnd = view.parent === null ? undefined : ends[view.parent];
    let state = parentEnd === undefined ? initial() : copy(parentEnd);
    for (const instruction of view.stage.instructions) state = visit(state, instruction, view.stage.index);
    ends[view.stage.index] = state;
  }
  return ends;
}
