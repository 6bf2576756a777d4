/**
 * The stage graph for one target and one set of build arguments, as BuildKit would build it.
 */
import { goQuote } from "../syntax/go-quote.ts";
import type { DockerfileTree } from "../syntax/types.ts";
import { analyzeDockerfile } from "../model/analyze.ts";
import { automaticArgs, evaluateGlobalArgs } from "../model/args.ts";
import { DiagnosticList, sortDiagnostics } from "../model/diagnostics.ts";
import { checkImageReference } from "../model/image-reference.ts";
import { withSuggestion } from "../model/suggest.ts";
import type { DockerfileModel, ModelDiagnostic } from "../model/types.ts";
import { inferStageRoles } from "../explain/roles.ts";
import { collectEdges, stageLabel } from "./dependencies.ts";
import type { RawEdge } from "./dependencies.ts";
import { imageId, sourceId, stageIds, UniqueIds } from "./ids.ts";
import { resolveFromLines } from "./from-lines.ts";
import { findEdgesOnCycles, findFirstCycle, findReachable } from "./reachability.ts";
import type { StageDependency } from "./reachability.ts";
import type { GraphDiagnostic, GraphEdge, GraphStage, ImageNode, StageGraph, StageGraphOptions } from "./types.ts";

/** `--target`: a case-insensitive name lookup (unnamed stages cannot be targets); -1 when not found. */
function findTarget(model: DockerfileModel, target: string | undefined, diagnostics: DiagnosticList): number {
  const stages = model.stages;
  if (target === undefined || target === "") return stages.length - 1;
  const wanted = target.toLowerCase();
  let found = -1;
  for (const stage of stages) if (stage.name === wanted) found = stage.index;
  if (found >= 0) return found;
  const message = withSuggestion(`target stage ${goQuote(target)} could not be found`, target, stages.map(stageLabel), true);
  diagnostics.error("UnknownTarget", message, { start: 0, end: 0 }, null, "parse");
  return -1;
}

/** Errors that only fail the build of one stage become warnings when that stage is not built. */
function settleSeverity(d: ModelDiagnostic, reachable: readonly boolean[], builtOn: readonly boolean[]): GraphDiagnostic {
  const { stage, when } = d;
  const fails =
    d.severity !== "error" || stage === null || when === "parse" || (when === "build" ? reachable[stage] === true : builtOn[stage] === true);
  return { code: d.code, severity: fails ? d.severity : "warning", message: d.message, range: d.range, line: d.line, stage };
}

function withValidity(edge: RawEdge, valid: boolean): RawEdge {
  const { kind, source, target, line, range, instruction, sources, dest, onbuild } = edge;
  return { kind, source, target, line, range, instruction, sources, dest, valid, onbuild };
}

function collectImages(edges: readonly RawEdge[]): ImageNode[] {
  const images = new Map<string, ImageNode>();
  for (const edge of edges) {
    if (edge.source.kind !== "image" || images.has(edge.source.ref)) continue;
    images.set(edge.source.ref, { id: imageId(edge.source.ref), ref: edge.source.ref, valid: checkImageReference(edge.source.ref) === null });
  }
  return [...images.values()];
}

/** The diagnostic on an invalid edge's own token: of its stage first, errors first. */
function findEdgeDiagnostic(edge: RawEdge, diagnostics: readonly GraphDiagnostic[]): GraphDiagnostic | null {
  const { start, end } = edge.range;
  const touching = diagnostics.filter((d) => d.range.start === start || (d.range.start < end && start < d.range.end));
  const rank = (d: GraphDiagnostic) => (d.stage === edge.target ? 0 : 2) + (d.severity === "error" ? 0 : 1);
  let best: GraphDiagnostic | null = null;
  for (const d of touching) if (best === null || rank(d) < rank(best)) best = d;
  return best;
}

function edgeReason(edge: RawEdge, diagnostic: GraphDiagnostic | null, stages: readonly GraphStage[]): string | null {
  if (edge.valid) return null;
  if (diagnostic !== null) return diagnostic.message;
  const target = stages[edge.target]?.label ?? `stage-${edge.target}`;
  if (edge.source.kind === "stage") {
    // BuildKit names only the first cycle it meets; the edges of any other cycle get no message of their own.
    if (edge.source.index === edge.target) return `stage ${target} cannot use itself (circular dependency)`;
    const source = stages[edge.source.index]?.label ?? `stage-${edge.source.index}`;
    return `stages ${source} and ${target} depend on each other (circular dependency)`;
  }
  return "BuildKit cannot use this source";
}

/** Ids, source and target ids, and the reason of each invalid edge. */
function finishEdges(edges: readonly RawEdge[], stages: readonly GraphStage[], diagnostics: readonly GraphDiagnostic[]): GraphEdge[] {
  const ids = stages.map((s) => s.id);
  const unique = new UniqueIds();
  return edges.map((edge) => {
    const from = sourceId(edge.source, ids);
    const to = ids[edge.target] ?? `stage:#${edge.target}`;
    const diagnostic = edge.valid ? null : findEdgeDiagnostic(edge, diagnostics);
    return {
      id: unique.take(`${edge.kind}:${from}->${to}`),
      sourceId: from,
      targetId: to,
      ...edge,
      diagnostic,
      reason: edgeReason(edge, diagnostic, stages),
    };
  });
}

/**
 * Derive the stage graph: stages and external images as nodes; `from`, `copy` and `mount`
 * edges; the target and what it needs; every diagnostic BuildKit would give, errors being
 * what would fail this very build.
 *
 * @example
 * const graph = buildStageGraph(parseDockerfile(text), { target: "test", buildArgs: { VARIANT: "alpine" } });
 * graph.stages.filter((s) => s.reachable).map((s) => s.label);
 */
export function buildStageGraph(tree: DockerfileTree, options: StageGraphOptions = {}): StageGraph {
  const model = analyzeDockerfile(tree);
  const buildArgs = options.buildArgs ?? {};
  const escape = tree.escape;
  const diagnostics = new DiagnosticList(tree);
  const stages = model.stages;

  const targetStage = options.target !== undefined && options.target !== "" ? options.target : (stages[stages.length - 1]?.name ?? "default");
  const automatic = automaticArgs(buildArgs, targetStage);
  const scope = evaluateGlobalArgs(model.globalArgs, automatic, buildArgs, escape);
  for (const problem of scope.problems) diagnostics.error("ExpansionError", problem.message, problem.range, null, "parse");

  const bases = resolveFromLines(stages, scope, escape, diagnostics);
  const target = findTarget(model, options.target, diagnostics);
  const edges = collectEdges({ model, bases, globals: scope.env, buildArgs, diagnostics });

  const dependencies: StageDependency[][] = stages.map(() => []);
  const buildKitDependencies: StageDependency[][] = stages.map(() => []);
  edges.forEach((edge, i) => {
    if (edge.kind === "from" || edge.source.kind !== "stage") return;
    dependencies[edge.target]?.push({ source: edge.source.index, edge: i });
    // BuildKit checks cycles before ONBUILD triggers are read.
    if (!edge.onbuild) buildKitDependencies[edge.target]?.push({ source: edge.source.index, edge: i });
  });
  const cycle = findFirstCycle(buildKitDependencies);
  const cycleStage = cycle === null ? undefined : stages[cycle.stage];
  if (cycle !== null && cycleStage !== undefined) {
    const range = edges[cycle.edge]?.range ?? cycleStage.from.node.keywordRange;
    diagnostics.error("CircularDependency", `circular dependency detected on stage: ${stageLabel(cycleStage)}`, range, cycle.stage, "parse");
  }
  const onCycles = findEdgesOnCycles(buildKitDependencies);
  const settledEdges = edges.map((edge, i) => (onCycles.has(i) && edge.valid ? withValidity(edge, false) : edge));

  const baseIndexes = bases.map((b) => (b.base.kind === "stage" ? b.base.index : null));
  const reachable = findReachable(target, baseIndexes, dependencies);
  const builtOn = stages.map(() => false);
  baseIndexes.forEach((base, child) => {
    if (base !== null && reachable[child] === true) builtOn[base] = true;
  });

  const ids = stageIds(stages);
  const partial = stages.map((stage) => {
    const resolved = bases[stage.index];
    return {
      id: ids[stage.index] ?? `stage:#${stage.index}`,
      index: stage.index,
      name: stage.name,
      label: stageLabel(stage),
      line: stage.line,
      range: stage.range,
      stage,
      base: resolved?.base ?? { kind: "scratch" },
      platform: resolved?.platform ?? null,
      reachable: reachable[stage.index] === true,
    };
  });
  const roles = inferStageRoles({ target, stages: partial, edges: settledEdges });
  const graphStages: GraphStage[] = partial.map((s, i) => ({ ...s, role: roles[i]?.role ?? "other", roleReason: roles[i]?.reason ?? "" }));

  const graphDiagnostics = sortDiagnostics([...model.diagnostics, ...diagnostics.items]).map((d) => settleSeverity(d, reachable, builtOn));
  return {
    model,
    target,
    stages: graphStages,
    images: collectImages(settledEdges),
    edges: finishEdges(settledEdges, graphStages, graphDiagnostics),
    diagnostics: graphDiagnostics,
    globalArgs: scope.env,
  };
}
