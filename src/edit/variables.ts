/**
 * Which variables an instruction mentions and which ones a stage declares above a place: what
 * moveInstruction and splitStage need to tell whether an ARG still reaches a line.
 */
import type { StageGraph } from "../graph/types.ts";
import type { Stage, TypedInstruction } from "../model/types.ts";
import type { DockerfileTree } from "../syntax/types.ts";

const nameStart = /[A-Za-z_]/;
const nameChar = /[A-Za-z0-9_]/;

/**
 * The names `$NAME` and `${NAME…}` in an instruction's text (after the keyword, continuation
 * lines and heredoc bodies included), skipping escaped `$` and single-quoted text as BuildKit's
 * word expansion and the shell do. It reads the text, not a shell parse, so a `$NAME` in a
 * comment inside a continuation counts too: the callers only use it for notes and to re-declare
 * ARGs, where one name too many is harmless.
 */
export function variablesIn(tree: DockerfileTree, instruction: TypedInstruction): Set<string> {
  const node = instruction.node;
  return variablesInText(tree.source.slice(node.keywordRange.end, node.range.end), tree.escape);
}

/** The names `$NAME` and `${NAME…}` in `text` (see `variablesIn`). */
export function variablesInText(text: string, escape: "\\" | "`"): Set<string> {
  const names = new Set<string>();
  let quoted = false;
  let doubleQuoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (c === escape && !quoted) i++;
    else if (c === '"' && !quoted) doubleQuoted = !doubleQuoted;
    else if (c === "'" && !doubleQuoted) quoted = !quoted;
    else if (c === "\n") quoted = doubleQuoted = false;
    else if (c === "$" && !quoted) {
      const brace = text[i + 1] === "{" ? 1 : 0;
      let end = i + 1 + brace;
      if (!nameStart.test(text[end] ?? "")) continue;
      while (nameChar.test(text[end] ?? "")) end++;
      names.add(text.slice(i + 1 + brace, end));
      i = end - 1;
    }
  }
  return names;
}

/** The names ARG declares in `instructions`. */
export function argNames(instructions: readonly TypedInstruction[]): Set<string> {
  const names = new Set<string>();
  for (const i of instructions) if (i.kind === "arg") for (const d of i.declarations) names.add(d.name.value);
  return names;
}

/** The names ENV sets in `instructions`. */
function envNames(instructions: readonly TypedInstruction[], into: Set<string>): void {
  for (const i of instructions) if (i.kind === "env") for (const p of i.pairs) into.add(p.key.value);
}

/**
 * The variables a line placed before `stage.instructions[index]` can see: what the stage's ARG
 * and ENV lines above set, and the ENV of the stages it is built on (ENV carries over
 * `FROM <stage>`, ARG does not).
 */
export function variablesVisible(graph: StageGraph, stage: Stage, above: readonly TypedInstruction[]): Set<string> {
  const names = argNames(above);
  envNames(above, names);
  const seen = new Set<number>([stage.index]);
  for (let base = graph.stages[stage.index]?.base; base?.kind === "stage" && !seen.has(base.index); base = graph.stages[base.index]?.base) {
    seen.add(base.index);
    envNames(graph.model.stages[base.index]?.instructions ?? [], names);
  }
  return names;
}
