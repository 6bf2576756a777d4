/**
 * Every place the text names a stage (or might): `FROM`, `COPY --from`, `RUN --mount from=`,
 * inside ONBUILD triggers too, each resolved as BuildKit resolves it, with the token that holds
 * the name so an edit can replace exactly that.
 */
import { changesUnderExpansion } from "../model/expand.ts";
import { mountFrom } from "../model/mounts.ts";
import type { DockerfileModel, Stage, TypedInstruction } from "../model/types.ts";
import { resolveBaseName, resolveCopyFrom, resolveMountFrom } from "../graph/resolve.ts";
import type { Resolution } from "../graph/resolve.ts";
import type { StageGraph } from "../graph/types.ts";
import type { InstructionNode, TextRange } from "../syntax/types.ts";

export interface StageReference {
  readonly kind: "from" | "copy" | "mount";
  /** The stage the reference is written in (for an ONBUILD trigger: the stage holding the ONBUILD). */
  readonly stage: number;
  /** The top-level instruction (the ONBUILD line for a trigger). */
  readonly node: InstructionNode;
  readonly inTrigger: boolean;
  /** The value as BuildKit reads it. */
  readonly value: string;
  /** The source text of the value, to replace; null when it cannot be mapped to the source. */
  readonly range: TextRange | null;
  /** The stage it names, read as BuildKit does with no build arguments; null for an image, scratch, or an error. */
  readonly resolves: number | null;
  /** `--from=N`: a stage by index. */
  readonly numeric: boolean;
  /** A FROM whose name holds a variable: which stage it names depends on build arguments. */
  readonly variable: boolean;
}

/** Lowercased name → index over all stages, the last duplicate winning (BuildKit's `statesByName`). */
export function stageNameTable(stages: readonly Stage[]): Map<string, number> {
  const names = new Map<string, number>();
  for (const stage of stages) if (stage.name !== null) names.set(stage.name, stage.index);
  return names;
}

function stageOf(resolution: Resolution): number | null {
  return resolution.kind === "stage" ? resolution.index : null;
}

/** Every stage reference of the file, in file order. */
export function collectReferences(model: DockerfileModel, graph: StageGraph): StageReference[] {
  const escape = model.tree.escape;
  const names = stageNameTable(model.stages);
  const earlier = new Map<string, number>();
  const refs: StageReference[] = [];

  const addInstruction = (stage: Stage, instruction: TypedInstruction, node: InstructionNode, inTrigger: boolean): void => {
    if (instruction.kind === "copy" && instruction.from !== null) {
      const { value, node: flag } = instruction.from;
      const resolution = resolveCopyFrom(value, names, model.stages.length, escape);
      const numeric = /^\d+$/.test(value);
      refs.push({ kind: "copy", stage: stage.index, node, inTrigger, value, range: flag.valueRange, resolves: stageOf(resolution), numeric, variable: false });
    } else if (instruction.kind === "run") {
      for (const mount of instruction.mounts) {
        const from = mountFrom(mount);
        if (from === null || from.value === null) continue;
        const resolution = changesUnderExpansion(from.value, escape) ? null : resolveMountFrom(from.value, names);
        const resolves = resolution === null ? null : stageOf(resolution);
        refs.push({ kind: "mount", stage: stage.index, node, inTrigger, value: from.value, range: from.valueRange, resolves, numeric: false, variable: false });
      }
    } else if (instruction.kind === "onbuild" && instruction.trigger !== null) {
      addInstruction(stage, instruction.trigger, node, true);
    }
  };

  for (const stage of model.stages) {
    const image = stage.from.image;
    if (image !== null) {
      const variable = changesUnderExpansion(image.value, escape);
      const base = graph.stages[stage.index]?.base;
      const resolves = variable ? (base?.kind === "stage" ? base.index : null) : stageOf(resolveBaseName(image.value, earlier));
      refs.push({ kind: "from", stage: stage.index, node: stage.from.node, inTrigger: false, value: image.value, range: image.range, resolves, numeric: false, variable });
    }
    if (stage.name !== null) earlier.set(stage.name, stage.index);
    for (const instruction of stage.instructions) addInstruction(stage, instruction, instruction.node, false);
  }
  return refs;
}

/** How a reference is written, for messages: `FROM`, `COPY --from`, `RUN --mount from=`. */
export function describeReferenceKind(kind: StageReference["kind"]): string {
  return kind === "from" ? "FROM" : kind === "copy" ? "COPY --from" : "RUN --mount from=";
}
