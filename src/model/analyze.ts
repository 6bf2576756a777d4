/**
 * The syntax tree → the model: typed instructions grouped into stages, the global ARGs, and
 * what BuildKit's instruction layer would reject (`instructions.Parse`). Its warnings (stage
 * name checks and the like) are lint rules (`src/lint/rules/`).
 */
import type { DockerfileTree, InstructionNode, TextRange } from "../syntax/types.ts";
import { DiagnosticList, fromParserDiagnostic, sortDiagnostics } from "./diagnostics.ts";
import { typeInstruction } from "./instructions.ts";
import type { ArgInstruction, DockerfileModel, FromInstruction, Stage, TypedInstruction } from "./types.ts";

/** Where each FROM's stage starts: the first line of the comment block directly above it, else the FROM itself. */
function findStageStarts(tree: DockerfileTree): Map<InstructionNode, number> {
  const starts = new Map<InstructionNode, number>();
  let commentsFrom: number | null = null;
  for (const node of tree.nodes) {
    if (node.kind === "comment") {
      commentsFrom ??= node.range.start;
      continue;
    }
    if (node.kind === "instruction" && node.name === "FROM") starts.set(node, commentsFrom ?? node.range.start);
    commentsFrom = null;
  }
  return starts;
}

interface StageDraft {
  readonly from: FromInstruction;
  readonly instructions: TypedInstruction[];
}

function finishStage(draft: StageDraft, index: number, start: number): Stage {
  const last = draft.instructions[draft.instructions.length - 1];
  const range: TextRange = { start, end: (last ?? draft.from).node.range.end };
  return {
    index,
    name: draft.from.stageName,
    from: draft.from,
    instructions: draft.instructions,
    range,
    line: draft.from.line,
    comments: draft.from.node.comments,
  };
}

// One entry: the graph is re-derived for another target or build args of the same tree. A
// WeakMap keyed by every tree ever parsed made garbage collection dominate the whole pipeline.
let cachedTree: DockerfileTree | null = null;
let cachedModel: DockerfileModel | null = null;

/**
 * Build the model of a parsed Dockerfile. Pure and memoised per tree, so the graph can be
 * re-derived for other build arguments or targets without retyping the file.
 *
 * @example
 * const model = analyzeDockerfile(parseDockerfile("ARG V=3\nFROM alpine:$V AS base\nRUN ls\n"));
 * model.stages[0].name;            // "base"
 * model.globalArgs.length;         // 1
 */
export function analyzeDockerfile(tree: DockerfileTree): DockerfileModel {
  if (tree === cachedTree && cachedModel !== null) return cachedModel;
  const diagnostics = new DiagnosticList(tree);
  const globalArgs: ArgInstruction[] = [];
  const drafts: StageDraft[] = [];
  const instructions: TypedInstruction[] = [];
  for (const node of tree.instructions) {
    const isFrom = node.name === "FROM";
    const stage = isFrom ? drafts.length : drafts.length - 1;
    const typed = typeInstruction(node, { source: tree.source, diagnostics, stage: stage < 0 ? null : stage, inTrigger: false });
    instructions.push(typed);
    const current = drafts[drafts.length - 1];
    if (typed.kind === "from") drafts.push({ from: typed, instructions: [] });
    else if (current !== undefined) current.instructions.push(typed);
    else if (typed.kind === "arg") globalArgs.push(typed);
    else if (typed.kind !== "unknown") diagnostics.error("NoBuildStage", "no build stage in current context", node.keywordRange, null, "parse");
  }

  const starts = findStageStarts(tree);
  const stages = drafts.map((draft, index) => finishStage(draft, index, starts.get(draft.from.node) ?? draft.from.node.range.start));

  const owner = (d: { readonly range: TextRange }) => stageAtOffset(stages, d.range.start);
  const parserDiagnostics = tree.diagnostics.map((d) => fromParserDiagnostic(d, owner(d)));
  if (tree.fatal !== null) parserDiagnostics.push(fromParserDiagnostic(tree.fatal, owner(tree.fatal)));
  const first = tree.instructions[0];
  if (tree.source === "") {
    diagnostics.error("EmptyDockerfile", "the Dockerfile cannot be empty", { start: 0, end: 0 }, null, "parse");
    parserDiagnostics.length = 0;
  } else if (stages.length === 0 && first !== undefined) {
    diagnostics.error("NoStages", "dockerfile contains no stages to build", first.keywordRange, null, "parse");
  }

  const model: DockerfileModel = {
    tree,
    globalArgs,
    stages,
    instructions,
    diagnostics: sortDiagnostics([...parserDiagnostics, ...diagnostics.items]),
  };
  cachedTree = tree;
  cachedModel = model;
  return model;
}

/** The stage whose block (its comment block and FROM through the line before the next one) holds `offset`. */
function stageAtOffset(stages: readonly Stage[], offset: number): number | null {
  let found: number | null = null;
  for (const stage of stages) {
    if (stage.range.start > offset) break;
    found = stage.index;
  }
  return found;
}
