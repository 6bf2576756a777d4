/**
 * What every edit operation reads first: the model and the graph (with no build arguments, as
 * BuildKit reads the file by default), the file's style and every stage reference. Memoised per
 * tree, so a gesture that tries several operations reads the file once.
 */
import { analyzeDockerfile } from "../model/analyze.ts";
import type { DockerfileModel, Stage } from "../model/types.ts";
import { buildStageGraph } from "../graph/build-stage-graph.ts";
import type { GraphEdge, StageGraph } from "../graph/types.ts";
import { parseDockerfile } from "../syntax/parse.ts";
import { applyTextEdits } from "../syntax/positions.ts";
import type { DockerfileTree, TextEdit, TextRange } from "../syntax/types.ts";
import { collectReferences } from "./references.ts";
import type { StageReference } from "./references.ts";
import { readStyle } from "./style.ts";
import type { TextStyle } from "./style.ts";

export interface EditContext {
  readonly tree: DockerfileTree;
  readonly model: DockerfileModel;
  readonly graph: StageGraph;
  readonly style: TextStyle;
  readonly references: readonly StageReference[];
}

const contexts = new WeakMap<DockerfileTree, EditContext>();

export function readContext(tree: DockerfileTree): EditContext {
  let ctx = contexts.get(tree);
  if (ctx === undefined) {
    const model = analyzeDockerfile(tree);
    const graph = buildStageGraph(tree);
    ctx = { tree, model, graph, style: readStyle(tree), references: collectReferences(model, graph) };
    contexts.set(tree, ctx);
  }
  return ctx;
}

/** How a stage is called in messages: its name, or `#index` when it has none. */
export function nameOf(stage: Pick<Stage, "name" | "index">): string {
  return stage.name ?? `#${stage.index}`;
}

/** The stage at `index`, or a message saying there is none. */
export function findStage(ctx: EditContext, index: number): Stage | string {
  const stage = Number.isInteger(index) ? ctx.model.stages[index] : undefined;
  if (stage !== undefined) return stage;
  const count = ctx.model.stages.length;
  return count === 0 ? "The file has no stage yet." : `There is no stage #${index}: the file has ${count} stage${count === 1 ? "" : "s"} (#0 to #${count - 1}).`;
}

const validStageName = /^[a-z][a-z0-9-_.]*$/;
const reservedStageNames = new Set(["context", "scratch"]);

/**
 * Why `name` cannot name a stage, or null when it can: BuildKit's rule (`[a-z][a-z0-9-_.]*`
 * after lowercasing), lowercase as BuildKit's checks ask, not reserved, not taken by another stage.
 */
export function checkStageName(ctx: EditContext, name: string, except: number | null): string | null {
  if (name === "") return "A stage name cannot be empty.";
  if (!validStageName.test(name.toLowerCase())) {
    return `"${name}" is not a valid stage name: it must start with a letter and use only letters, digits, "-", "_" and ".".`;
  }
  if (name !== name.toLowerCase()) return `Stage names are lowercase in BuildKit: use "${name.toLowerCase()}".`;
  if (reservedStageNames.has(name)) return `"${name}" is reserved by BuildKit and cannot name a stage.`;
  const taken = ctx.model.stages.find((s) => s.name === name && s.index !== except);
  if (taken !== undefined) return `Stage #${taken.index} is already named "${name}".`;
  return null;
}

/**
 * Edits that keep every `COPY --from=N` pointing at the same stage when stages move: `moved(old)`
 * gives a stage's new index (null when it goes away: such references are left as they are).
 */
export function renumberIndexReferences(ctx: EditContext, moved: (old: number) => number | null): TextEdit[] {
  const edits: TextEdit[] = [];
  const seen = new Set<number>();
  for (const ref of ctx.references) {
    if (!ref.numeric || ref.resolves === null || ref.range === null || seen.has(ref.range.start)) continue;
    const now = moved(ref.resolves);
    if (now === null || now === ref.resolves) continue;
    seen.add(ref.range.start);
    edits.push({ range: ref.range, text: String(now) });
  }
  return edits;
}

function inside(range: TextRange, outer: TextRange): boolean {
  return range.start >= outer.start && range.end <= outer.end;
}

/** Splits edits into those inside `outer` and the rest. */
export function splitEdits(edits: readonly TextEdit[], outer: TextRange): { inside: TextEdit[]; outside: TextEdit[] } {
  const result = { inside: [] as TextEdit[], outside: [] as TextEdit[] };
  for (const e of edits) (inside(e.range, outer) ? result.inside : result.outside).push(e);
  return result;
}


function edgeKey(kind: string, source: string, target: number): string {
  return `${kind} ${source} -> ${target}`;
}

/** Where an edge of the graph goes after an operation: its source stage (or image) and target stage; null when it goes away. */
export type EdgeMapping = (edge: GraphEdge) => { readonly source: number | string; readonly target: number } | null;

/**
 * The safety net of the operations that move text: applies `edits`, reads the new graph, and
 * checks that its edges are exactly the old ones mapped by `map`, plus `added` (keys from
 * `addedEdgeKey`). After-edges for which `skip` holds are not compared (and old ones it maps to
 * null are not expected). Returns a message naming the first edge that would change meaning, or
 * null when none does.
 */
export function checkEdgesMapped(
  ctx: EditContext,
  edits: readonly TextEdit[],
  map: EdgeMapping,
  added: readonly string[] = [],
  skip: (edge: GraphEdge) => boolean = () => false,
): string | null {
  const text = applyTextEdits(ctx.tree.source, edits);
  const after = buildStageGraph(parseDockerfile(text));
  const expected = new Map<string, number>();
  const bump = (key: string, by: number) => expected.set(key, (expected.get(key) ?? 0) + by);
  for (const edge of ctx.graph.edges) {
    const to = map(edge);
    if (to !== null) bump(addedEdgeKey(edge.kind, to.source, to.target), 1);
  }
  for (const key of added) bump(key, 1);
  for (const edge of after.edges) {
    if (skip(edge)) continue;
    const key = addedEdgeKey(edge.kind, edge.source.kind === "stage" ? edge.source.index : edge.source.ref, edge.target);
    if ((expected.get(key) ?? 0) <= 0) return `${edge.instruction.node.name} on line ${edge.line} would then refer to something else.`;
    bump(key, -1);
  }
  for (const [key, count] of expected) if (count > 0) return `A connection (${key}) would be lost.`;
  return null;
}

/**
 * `checkEdgesMapped` for operations that move whole stages: stage indexes are mapped by `moved`
 * (null: the stage is gone, and so are the edges that touch it).
 */
export function checkEdgesKept(ctx: EditContext, edits: readonly TextEdit[], moved: (old: number) => number | null, added: readonly string[] = []): string | null {
  return checkEdgesMapped(
    ctx,
    edits,
    (edge) => {
      const target = moved(edge.target);
      const source = edge.source.kind === "stage" ? moved(edge.source.index) : edge.source.ref;
      return target === null || source === null ? null : { source, target };
    },
    added,
  );
}

/** The key `checkEdgesKept` uses for an edge that an operation adds on purpose. */
export function addedEdgeKey(kind: string, source: number | string, target: number): string {
  return edgeKey(kind, typeof source === "number" ? `#${source}` : source, target);
}
