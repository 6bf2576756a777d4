/**
 * The keys nodes are known by in view state, selection and test hooks: the core's node ids
 * (`stage:<name>`, `stage:<name>~2`, `stage:#<index>`, `image:<ref>`; see src/graph/ids.ts).
 * A module of its own, with no import of the store, so pure mappings (describe-graph) load in Node.
 */
import { imageId, type GraphStage, type StageGraph } from "../../src/index.ts";

/** The key of a stage node: its core id. */
export function stageKey(stage: Pick<GraphStage, "id">): string {
  return stage.id;
}

/** The key of an external image node: its core id for this (expanded) reference. */
export function imageKey(ref: string): string {
  return imageId(ref);
}

/**
 * The short form of a node id in test hooks and `data-stage`: a stage id without `stage:`
 * (`build`, `build~2`, `#3`), an image id as it is (`image:alpine`).
 */
export function hookKey(id: string): string {
  return id.startsWith("stage:") ? id.slice("stage:".length) : id;
}

/**
 * A node key saved by an earlier version (a bare stage name or `#index`) as a node id; null for
 * a key that no longer names anything (an old `name#index` of a repeated name).
 */
export function upgradeSavedKey(key: string): string | null {
  if (key.startsWith("stage:") || key.startsWith("image:")) return key;
  if (/^#\d+$/.test(key)) return `stage:${key}`;
  return /^[a-z][a-z0-9_.-]*$/.test(key) ? `stage:${key}` : null;
}

/** How a stage is named in the panels and menus: its name, or `#index` when it has none. */
export function stageName(stage: Pick<GraphStage, "name" | "index">): string {
  return stage.name ?? `#${stage.index}`;
}

/** How a node is named in the panels: a stage's name (or `#index`), an image's reference. */
export function nodeName(graph: Pick<StageGraph, "stages" | "images">, id: string): string {
  if (id.startsWith("image:")) return graph.images.find((i) => i.id === id)?.ref ?? id.slice("image:".length);
  const stage = graph.stages.find((s) => s.id === id);
  return stage === undefined ? hookKey(id) : stageName(stage);
}
