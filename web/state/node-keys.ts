/**
 * The keys nodes are known by in view state and test hooks. A module of their own, with no
 * import, so pure mappings (describe-graph) load in Node without the store.
 */
import type { GraphStage } from "../../src/index.ts";

/** The key a stage is known by in view state and test hooks: its name, or `#index` when unnamed. */
export function stageKey(stage: Pick<GraphStage, "name" | "index">): string {
  return stage.name ?? `#${stage.index}`;
}

/** The key of an external image node. */
export function imageKey(ref: string): string {
  return `image:${ref}`;
}
