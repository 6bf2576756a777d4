/** Small helpers for writing rules. */
import type { InstructionNode, TextRange } from "../syntax/types.ts";
import type { RunInstruction, TypedInstruction } from "../model/types.ts";
import type { LintContext, LintRule, RulePhase, RuleReport } from "./types.ts";

type RuleBody = Omit<LintRule, "origin" | "severity" | "docs" | "phase"> & { readonly phase?: RulePhase };

/** A BuildKit build check: a warning, documented on docs.docker.com under its kebab-case name. */
export function buildkitRule(body: RuleBody & { readonly docsSlug: string }): LintRule {
  const { docsSlug, ...rest } = body;
  return { origin: "buildkit", severity: "warning", phase: "dispatch", docs: `https://docs.docker.com/go/dockerfile/rule/${docsSlug}/`, ...rest };
}

/** Every instruction of every stage with its stage index (ONBUILD triggers are not run here). */
export function* stageInstructions(ctx: LintContext): Generator<{ instruction: TypedInstruction; stage: number }> {
  for (const stage of ctx.model.stages) for (const instruction of stage.instructions) yield { instruction, stage: stage.index };
}

/** A report on a whole instruction, at its first line as BuildKit reports it. */
export function onInstruction(node: InstructionNode, stage: number | null, message: string, range: TextRange = node.range): RuleReport {
  return { message, range: trimNewline(node, range), line: node.startLine, stage, node };
}

/** An instruction's range without its final newline, so a marker does not spill onto the next line. */
function trimNewline(node: InstructionNode, range: TextRange): TextRange {
  if (range !== node.range) return range;
  const last = node.tokens[node.tokens.length - 1];
  const end = last !== undefined && last.kind === "newline" ? last.start : range.end;
  const first = node.keywordRange.start;
  return { start: first, end: Math.max(first, end) };
}

/** Index of the stage holding `offset` (by FROM position); null before the first FROM. */
export function stageAt(ctx: LintContext, offset: number): number | null {
  let found: number | null = null;
  for (const stage of ctx.model.stages) {
    if (stage.from.node.range.start <= offset) found = stage.index;
    else break;
  }
  return found;
}

type OtherBody = Omit<LintRule, "origin" | "docs" | "phase">;

/** A hadolint rule (written here from its description; hadolint's code is not used). */
export function hadolintRule(body: OtherBody): LintRule {
  return { origin: "hadolint", phase: "dispatch", docs: `https://github.com/hadolint/hadolint/wiki/${body.id}`, ...body };
}

/** One of Stagecraft's own rules, documented in docs/lint-rules.md. */
export function stagecraftRule(body: OtherBody & { readonly anchor: string }): LintRule {
  const { anchor, ...rest } = body;
  return { origin: "stagecraft", phase: "dispatch", docs: `docs/lint-rules.md#${anchor}`, ...rest };
}

/** The RUN instructions of one stage. */
export function runsOf(ctx: LintContext, stage: number): RunInstruction[] {
  return (ctx.model.stages[stage]?.instructions ?? []).filter((i): i is RunInstruction => i.kind === "run");
}
