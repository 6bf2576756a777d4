/**
 * Stage graphs of any size shaped like real multi-stage files (moby's has 59 stages): a few
 * external images, `from` chains that branch off shared bases, and a band of `copy` edges
 * gathering artifacts into late stages. For the tests and the benchmark; the app does not use it.
 */
import type { LayoutEdge, LayoutGraph, LayoutNode } from "./types.ts";

/** A small deterministic generator (LCG), so every run lays out the very same graph. */
function createRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

/**
 * A graph of `stages` stage nodes (260 px wide, 80–220 px tall) plus one image node per 20
 * stages (48 px tall). Every stage has one `from` edge, from an image or an earlier stage; about
 * half have `copy` edges from up to three earlier stages, and one in ten a `mount` edge.
 */
export function generateStageGraph(stages: number, seed = 1): LayoutGraph {
  const random = createRandom(seed);
  const pick = (count: number) => Math.min(count - 1, Math.floor(random() * count));
  const nodes: LayoutNode[] = [];
  const edges: LayoutEdge[] = [];
  const images = Math.max(1, Math.ceil(stages / 20));
  for (let i = 0; i < images; i++) nodes.push({ id: `image-${i}`, width: 260, height: 48 });
  for (let i = 0; i < stages; i++) {
    const id = `stage-${i}`;
    nodes.push({ id, width: 260, height: 80 + 10 * pick(15) });
    // Real files mostly build on a recent stage: choose among the last eight.
    const base = i === 0 || random() < 0.25 ? `image-${pick(images)}` : `stage-${i - 1 - pick(Math.min(i, 8))}`;
    edges.push({ source: base, target: id, kind: "from" });
    if (i > 0 && random() < 0.5) {
      const copies = 1 + pick(3);
      for (let c = 0; c < copies; c++) edges.push({ source: `stage-${pick(i)}`, target: id, kind: "copy" });
    }
    if (i > 0 && random() < 0.1) edges.push({ source: `stage-${pick(i)}`, target: id, kind: "mount" });
  }
  return { nodes, edges };
}
