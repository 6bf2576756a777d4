/**
 * Writing new text the way the file already writes it: its keyword case, its line ending, its
 * indentation and its escape character.
 */
import type { DockerfileTree, InstructionNode } from "../syntax/types.ts";

export interface TextStyle {
  readonly eol: "\n" | "\r\n";
  readonly lowercase: boolean;
  readonly escape: "\\" | "`";
  /** Whether stages are separated by a blank line (the common way, and the default). */
  readonly blankBetweenStages: boolean;
}

/** The style of a file: its first line ending, the case most of its keywords use. */
export function readStyle(tree: DockerfileTree): TextStyle {
  const newline = tree.source.indexOf("\n");
  const eol = newline > 0 && tree.source[newline - 1] === "\r" ? "\r\n" : "\n";
  let lower = 0;
  let upper = 0;
  for (const node of tree.instructions) {
    if (node.keyword === node.keyword.toLowerCase()) lower++;
    else if (node.keyword === node.keyword.toUpperCase()) upper++;
  }
  return { eol, lowercase: lower > upper, escape: tree.escape, blankBetweenStages: separatesStages(tree) };
}

function separatesStages(tree: DockerfileTree): boolean {
  let froms = 0;
  let blankBefore = 0;
  let sawBlank = false;
  for (const node of tree.nodes) {
    if (node.kind === "blank") sawBlank = true;
    else if (node.kind === "instruction") {
      if (node.name === "FROM" && froms++ > 0 && sawBlank) blankBefore++;
      sawBlank = false;
    }
  }
  return froms < 2 || blankBefore * 2 >= froms - 1;
}

/** An instruction keyword in the file's case. */
export function keyword(style: TextStyle, name: string): string {
  return style.lowercase ? name.toLowerCase() : name.toUpperCase();
}

/** The blanks before an instruction's keyword. */
export function indentOf(tree: DockerfileTree, node: InstructionNode): string {
  const lead = tree.source.slice(node.range.start, node.keywordRange.start);
  return /^[ \t]*$/.test(lead) ? lead : "";
}

/** Whether `text` ends with a line ending (the end of a file may not). */
export function endsWithNewline(text: string): boolean {
  return text.endsWith("\n");
}

/**
 * One path or other word for a shell-form argument list, or null when it cannot be written as a
 * plain word (blanks, quotes, the escape character, a leading `[`): the caller then uses the JSON form.
 */
export function plainWord(style: TextStyle, word: string): string | null {
  if (word === "" || /[\s"']/.test(word) || word.includes(style.escape) || word.startsWith("[")) return null;
  return word;
}

/** `["a", "b"]` as BuildKit's JSON form reads it. */
export function jsonArray(words: readonly string[]): string {
  return `[${words.map((w) => JSON.stringify(w)).join(", ")}]`;
}
