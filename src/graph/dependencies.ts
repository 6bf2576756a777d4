/**
 * The edges of the graph, stage by stage as BuildKit's `buildStageDependencyGraph` finds them:
 * the base, the ONBUILD triggers of a base stage (run first, in the child), then each
 * `COPY --from` and `RUN --mount from=` in order.
 */
import { goQuote } from "../syntax/go-quote.ts";
import type { TextRange } from "../syntax/types.ts";
import { walkStageVariables } from "../model/args.ts";
import type { BuildArgs, StageVariables } from "../model/args.ts";
import type { DiagnosticList } from "../model/diagnostics.ts";
import { expandWord } from "../model/expand.ts";
import { checkImageReference } from "../model/image-reference.ts";
import { mountFrom } from "../model/mounts.ts";
import type { CopyInstruction, DockerfileModel, RunInstruction, Stage, TypedInstruction } from "../model/types.ts";
import type { ResolvedFrom } from "./from-lines.ts";
import { resolveCopyFrom, resolveMountFrom } from "./resolve.ts";
import type { Resolution } from "./resolve.ts";
import type { EdgeSource, GraphEdge } from "./types.ts";

/** An edge before ids and reasons are given (they need every stage and every diagnostic). */
export type RawEdge = Omit<GraphEdge, "id" | "sourceId" | "targetId" | "diagnostic" | "reason">;

export interface EdgeContext {
  readonly model: DockerfileModel;
  readonly bases: readonly ResolvedFrom[];
  readonly globals: ReadonlyMap<string, string>;
  readonly buildArgs: BuildArgs;
  readonly diagnostics: DiagnosticList;
}

/** The name BuildKit gives a stage in messages. */
export function stageLabel(stage: Stage): string {
  return stage.name ?? `stage-${stage.index}`;
}

/** What the edges of one stage are built against. */
interface StageScope {
  readonly stage: Stage;
  readonly names: ReadonlyMap<string, number>;
  readonly stageCount: number;
  readonly escape: "\\" | "`";
  readonly diagnostics: DiagnosticList;
  readonly triggers: ReadonlySet<TypedInstruction>;
  readonly edges: RawEdge[];
}

/** Lowercased name → index over all stages, the last duplicate winning (BuildKit's `statesByName`). */
function nameTable(stages: readonly Stage[]): Map<string, number> {
  const names = new Map<string, number>();
  for (const stage of stages) if (stage.name !== null) names.set(stage.name, stage.index);
  return names;
}

const noTriggers: ReadonlySet<TypedInstruction> = new Set();

function triggersOf(stage: Stage | undefined): ReadonlySet<TypedInstruction> {
  if (stage === undefined) return noTriggers;
  const triggers = new Set<TypedInstruction>();
  for (const i of stage.instructions) if (i.kind === "onbuild" && i.trigger !== null) triggers.add(i.trigger);
  return triggers.size === 0 ? noTriggers : triggers;
}

/** Turn a resolution into an edge source, reporting what BuildKit rejects. ONBUILD errors surface when the child is built. */
function toSource(scope: StageScope, value: string, range: TextRange, onbuild: boolean, resolution: Resolution): EdgeSource | null {
  const when = onbuild ? "build" : "parse";
  switch (resolution.kind) {
    case "error":
      scope.diagnostics.error(resolution.code, resolution.message, range, scope.stage.index, when);
      return null;
    case "scratch":
      return null;
    case "stage":
      return { kind: "stage", index: resolution.index };
    case "image": {
      const problem = checkImageReference(value);
      if (problem !== null) {
        scope.diagnostics.error("InvalidImageReference", `failed to parse stage name ${goQuote(value)}: ${problem}`, range, scope.stage.index, when);
      }
      return { kind: "image", ref: resolution.ref };
    }
  }
}

/**
 * BuildKit dispatches stages in file order, so a stage used before it is built fails. ONBUILD
 * triggers are the exception for the child itself: BuildKit marks it dispatched before running them.
 */
function isForward(scope: StageScope, source: EdgeSource, onbuild: boolean): boolean {
  if (source.kind !== "stage") return false;
  return onbuild ? source.index > scope.stage.index : source.index >= scope.stage.index;
}

function isValidSource(source: EdgeSource): boolean {
  return source.kind === "stage" || checkImageReference(source.ref) === null;
}

function expandPath(scope: StageScope, env: ReadonlyMap<string, string>, word: string): string {
  const result = expandWord(word, env, { escape: scope.escape, keepUnset: true });
  return result.ok ? result.value : word;
}

function addCopy(scope: StageScope, instruction: CopyInstruction, env: ReadonlyMap<string, string>, onbuild: boolean): void {
  const from = instruction.from;
  if (from === null) return;
  const { stage } = scope;
  const resolution = resolveCopyFrom(from.value, scope.names, scope.stageCount, scope.escape);
  const source = toSource(scope, from.value, from.node.range, onbuild, resolution);
  if (source === null) return;
  const forward = isForward(scope, source, onbuild);
  if (forward && source.kind === "stage" && source.index !== stage.index) {
    const message = `cannot copy from stage ${goQuote(from.value)}, it needs to be defined before current stage ${goQuote(stageLabel(stage))}`;
    scope.diagnostics.error("StageUsedBeforeDefined", message, from.node.range, stage.index, "build");
  }
  scope.edges.push({
    kind: "copy",
    source,
    target: stage.index,
    line: instruction.line,
    range: from.node.range,
    instruction,
    sources: instruction.sources.map((s) => expandPath(scope, env, s.value)),
    dest: instruction.dest === null ? undefined : expandPath(scope, env, instruction.dest.value),
    valid: !forward && isValidSource(source),
    onbuild,
  });
}

function addMounts(scope: StageScope, instruction: RunInstruction, env: ReadonlyMap<string, string>, onbuild: boolean): void {
  const { stage } = scope;
  for (const mount of instruction.mounts) {
    const from = mountFrom(mount);
    const value = from?.value ?? "";
    if (/\$./.test(value)) continue; // BuildKit rejects it while parsing (reported by the model)
    const range = from?.range ?? mount.flag.range;
    const source = toSource(scope, value, range, onbuild, resolveMountFrom(value, scope.names));
    if (source === null) continue;
    const forward = isForward(scope, source, onbuild);
    const target = mount.target?.value;
    if (forward && source.kind === "stage" && source.index !== stage.index) {
      const message = `cannot mount from stage ${goQuote(value)} to ${goQuote(target ?? "")}, stage needs to be defined before current command`;
      scope.diagnostics.error("StageUsedBeforeDefined", message, range, stage.index, "build");
    }
    const mountSource = mount.kind === "bind" || mount.kind === "cache" ? mount.source?.value : undefined;
    scope.edges.push({
      kind: "mount",
      source,
      target: stage.index,
      line: instruction.line,
      range,
      instruction,
      sources: typeof mountSource === "string" ? [expandPath(scope, env, mountSource)] : undefined,
      dest: typeof target === "string" ? expandPath(scope, env, target) : undefined,
      valid: !forward && isValidSource(source),
      onbuild,
    });
  }
}

function addBaseEdge(edges: RawEdge[], stage: Stage, resolved: ResolvedFrom | undefined): void {
  const base = resolved?.base;
  if (resolved === undefined || base === undefined || base.kind === "scratch" || (base.kind === "image" && base.ref === "")) return;
  edges.push({
    kind: "from",
    source: base.kind === "stage" ? { kind: "stage", index: base.index } : { kind: "image", ref: base.ref },
    target: stage.index,
    line: stage.line,
    range: resolved.range,
    instruction: stage.from,
    sources: undefined,
    dest: undefined,
    valid: resolved.valid,
    onbuild: false,
  });
}

/**
 * Every edge of the graph, in file order per stage. Validity of stage sources that form cycles
 * is settled later; everything else (forward references, bad indexes, bad images) here.
 */
export function collectEdges(ctx: EdgeContext): RawEdge[] {
  const { model, bases, diagnostics } = ctx;
  const escape = model.tree.escape;
  const names = nameTable(model.stages);
  const finalVariables: Map<string, string>[] = [];
  const edges: RawEdge[] = [];
  const variables: StageVariables = { globals: ctx.globals, buildArgs: ctx.buildArgs, escape };
  const empty = new Map<string, string>();

  for (const stage of model.stages) {
    const resolved = bases[stage.index];
    addBaseEdge(edges, stage, resolved);
    const base = resolved?.base;
    const parentIndex = base?.kind === "stage" ? base.index : -1;
    const triggers = triggersOf(model.stages[parentIndex]);
    const scope: StageScope = { stage, names, stageCount: model.stages.length, escape, diagnostics, triggers, edges };
    const start = finalVariables[parentIndex] ?? empty;
    const instructions = triggers.size === 0 ? stage.instructions : [...triggers, ...stage.instructions];
    finalVariables[stage.index] = walkStageVariables(
      instructions,
      start,
      variables,
      (instruction, env) => {
        if (instruction.kind === "copy") addCopy(scope, instruction, env, triggers.has(instruction));
        else if (instruction.kind === "run" && instruction.mounts.length > 0) addMounts(scope, instruction, env, triggers.has(instruction));
      },
      // BuildKit expands a stage's ARG and ENV values while it builds the stage: only that build fails.
      (problem) => diagnostics.error("ExpansionError", problem.message, problem.range, stage.index, "build"),
    );
  }
  return edges;
}
