/**
 * How many times each kind of canvas node has rendered since the page loaded: the benchmark reads
 * these (`window.__stagecraftRenders`) to prove that a keystroke re-renders only the nodes whose
 * own content changed. An increment per render; nothing else.
 */
export type RenderKind = "stage" | "image" | "minimap";

const counts: Record<RenderKind, number> = { stage: 0, image: 0, minimap: 0 };

export function countRender(kind: RenderKind): void {
  counts[kind]++;
}

/** A copy of the counts so far. */
export function readRenderCounts(): Readonly<Record<RenderKind, number>> {
  return { ...counts };
}

if (typeof window !== "undefined") {
  Object.defineProperty(window, "__stagecraftRenders", { get: readRenderCounts, configurable: true });
}
