/**
 * Node and edge identity: the one key the canvas, the panels, the editor cursor, saved positions
 * and test hooks use for a graph node. `web/` never builds keys of its own.
 *
 * - stage: `stage:<name>` for the first stage with a (lowercased) name, `stage:<name>~2`, `~3`, …
 *   for later stages that reuse it (an error BuildKit reports, but the canvas still needs distinct
 *   keys), `stage:#<index>` for an unnamed stage. BuildKit's stage names match
 *   `[a-z][a-z0-9-_.]*`, so neither `~` nor `#` can come from a name and the forms never collide.
 * - image: `image:<ref>` with the expanded reference; a reference longer than 200 characters is cut
 *   and suffixed with `~` and a hash of the whole, so a key is never huge (and, being longer than
 *   200 characters, can never equal the key of a short reference).
 * - edge: `<kind>:<source id>-><target id>`, `~2`, `~3`, … for repeats, so an edge keeps its id
 *   while lines above it change.
 */
import type { Stage } from "../model/types.ts";
import type { EdgeSource, GraphStage, ImageNode, StageGraph } from "./types.ts";

const MAX_REF_IN_ID = 200;

/** FNV-1a over UTF-16 code units, as 8 hex digits: short, stable, no dependency. */
function shortHash(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0).toString(16).padStart(8, "0");
}

/** The id of the image node for an (expanded) reference. */
export function imageId(ref: string): string {
  const key = ref.length > MAX_REF_IN_ID ? `${ref.slice(0, MAX_REF_IN_ID)}~${shortHash(ref)}` : ref;
  return `image:${key}`;
}

/** The ids of all stages, in order (a name's first stage gets the plain id). */
export function stageIds(stages: readonly Pick<Stage, "name" | "index">[]): string[] {
  const seen = new Map<string, number>();
  return stages.map((stage) => {
    if (stage.name === null) return `stage:#${stage.index}`;
    const count = (seen.get(stage.name) ?? 0) + 1;
    seen.set(stage.name, count);
    return count === 1 ? `stage:${stage.name}` : `stage:${stage.name}~${count}`;
  });
}

/** The id of an edge's source node, given the stage ids. */
export function sourceId(source: EdgeSource, stageIdList: readonly string[]): string {
  return source.kind === "image" ? imageId(source.ref) : (stageIdList[source.index] ?? `stage:#${source.index}`);
}

/** Hands out `base`, then `base~2`, `base~3`, … so that every id is unique. */
export class UniqueIds {
  private readonly used = new Set<string>();
  /**
   * Per base, the first suffix that may still be free. Ids are only ever added, so every suffix
   * below it stays taken; without it 10,000 parallel edges re-counted from 2 each (quadratic).
   */
  private readonly nextSuffix = new Map<string, number>();

  take(base: string): string {
    if (!this.used.has(base)) {
      this.used.add(base);
      return base;
    }
    let n = this.nextSuffix.get(base) ?? 2;
    while (this.used.has(`${base}~${n}`)) n++;
    this.nextSuffix.set(base, n + 1);
    const id = `${base}~${n}`;
    this.used.add(id);
    return id;
  }
}


export type GraphNodeRef = { readonly kind: "stage"; readonly stage: GraphStage } | { readonly kind: "image"; readonly image: ImageNode };

const lookups = new WeakMap<StageGraph, ReadonlyMap<string, GraphNodeRef>>();

/**
 * The stage or image node with this id (`GraphStage.id`, `ImageNode.id`, `GraphEdge.sourceId`,
 * `GraphEdge.targetId`), or null when the graph has none. Built once per graph, then constant time.
 *
 * @example
 * const node = findGraphNode(graph, selectedId);
 * if (node?.kind === "stage") scrollTo(node.stage.line);
 */
export function findGraphNode(graph: StageGraph, id: string): GraphNodeRef | null {
  let table = lookups.get(graph);
  if (table === undefined) {
    const map = new Map<string, GraphNodeRef>();
    for (const stage of graph.stages) map.set(stage.id, { kind: "stage", stage });
    for (const image of graph.images) map.set(image.id, { kind: "image", image });
    lookups.set(graph, map);
    table = map;
  }
  return table.get(id) ?? null;
}
