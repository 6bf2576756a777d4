/** Text edits shared by several quick fixes. */
import type { InstructionNode, TextEdit, TextRange } from "../syntax/types.ts";
import type { CommandInstruction } from "../model/types.ts";
import type { QuickFix } from "./types.ts";

const plainWord = /^[A-Za-z0-9_./:=@%+,-]+$/;

/** `CMD a b` → `CMD ["a", "b"]` when every word is plain; null when the shell would do more than split words. */
export function execFormFix(source: string, instruction: CommandInstruction): QuickFix | null {
  if (instruction.command.form !== "shell" || instruction.node.heredocs.length > 0) return null;
  const range = instruction.command.text.range;
  const text = source.slice(range.start, range.end);
  if (/\r|\n/.test(text)) return null;
  const words = text.trim().split(/\s+/);
  if (words.length === 0 || words.some((w) => !plainWord.test(w))) return null;
  return { title: "Use the exec (JSON) form", edits: [{ range, text: `[${words.map((w) => JSON.stringify(w)).join(", ")}]` }] };
}

/** The start of the line holding `offset`. */
export function lineStart(source: string, offset: number): number {
  return source.lastIndexOf("\n", offset - 1) + 1;
}

/** The indentation of the line holding `offset`. */
export function indentAt(source: string, offset: number): string {
  const start = lineStart(source, offset);
  return /^[ \t]*/.exec(source.slice(start, offset))?.[0] ?? "";
}

/** Insert a whole line above the instruction (or above its comment block when `aboveComments`). */
export function insertLineAbove(source: string, node: InstructionNode, text: string): TextEdit {
  const at = lineStart(source, node.keywordRange.start);
  return { range: { start: at, end: at }, text: `${indentAt(source, node.keywordRange.start)}${text}\n` };
}

/** Insert a whole line after the instruction (after its heredocs and continuation lines). */
export function insertLineAfter(source: string, node: InstructionNode, text: string): TextEdit {
  const end = node.range.end;
  const endsWithNewline = end > 0 && source[end - 1] === "\n";
  return { range: { start: end, end }, text: endsWithNewline ? `${text}\n` : `\n${text}` };
}

export function insertAt(offset: number, text: string): TextEdit {
  return { range: { start: offset, end: offset }, text };
}

export function replace(range: TextRange, text: string): TextEdit {
  return { range, text };
}
