/**
 * Quick fixes that silence a finding rather than change what it is about: BuildKit's
 * `# check=skip=RULE` (in the comments right above the instruction, or the file's `# check=`
 * directive for whole-file checks) and hadolint's `# hadolint ignore=RULE`. Each one extends a
 * comment that is already there before it adds a line, because BuildKit reads only the first
 * `check=` comment above an instruction: a second one would change nothing.
 */
import type { DockerfileTree, InstructionNode, TextEdit } from "../syntax/types.ts";
import { offsetToPosition } from "../syntax/positions.ts";
import { firstWord, parseCheckOptions } from "./check-options.ts";
import { insertAt, lineStart } from "./fixes.ts";
import type { LintRule, QuickFix } from "./types.ts";

// BuildKit reads the text after a comment's first byte, so only a `#` in the first column makes
// a comment it (and hadolint) can read: an inserted comment is never indented.
const checkComment = /^(#[ \t]*check[ \t]*=[ \t]*)(\S+)/i;
const hadolintComment = /^(#[ \t]*hadolint[ \t]+ignore[ \t]*=[ \t]*)(\S+)/;

/** The comment lines right above the line starting at `at`, top first, each with where it starts. */
function commentLinesAbove(source: string, at: number): { start: number; text: string }[] {
  const lines: { start: number; text: string }[] = [];
  let end = at;
  while (end > 0) {
    const start = lineStart(source, end - 1);
    const text = source.slice(start, end - 1).replace(/\r$/, "");
    if (!/^[ \t]*#/.test(text)) break;
    lines.unshift({ start, text });
    end = start;
  }
  return lines;
}

/** `skip=A;error=true` with `rule` added to its skip list; null when it cannot be read (BuildKit ignores it then). */
function withSkip(options: string, rule: string): string | null {
  const parsed = parseCheckOptions(options);
  if (!parsed.ok) return null;
  const parts = options.split(";");
  const skip = parts.findIndex((p) => p.trim().startsWith("skip"));
  if (skip < 0) return `skip=${rule};${options}`;
  parts[skip] = `${parts[skip]!.replace(/\s+$/, "")},${rule}`;
  return parts.join(";");
}

/** The edit that adds `rule` to the options word at `at`, or null. */
function extendOptions(at: number, options: string, rule: string): TextEdit | null {
  const text = withSkip(options, rule);
  return text === null ? null : { range: { start: at, end: at + options.length }, text };
}

/** Where a line inserted at `at` would still be read as a parser directive (nothing but directives above it). */
function inDirectiveZone(tree: DockerfileTree, at: number): boolean {
  const { line } = offsetToPosition(tree, at);
  return line === 1 || tree.directives.some((d) => d.line === line - 1);
}

/** The file's `# check=` directive extended with `rule`, or a new one after the other directives. */
function fileSuppression(tree: DockerfileTree, rule: string): QuickFix | null {
  const title = `Skip ${rule} in this file (# check=skip=${rule})`;
  const directive = tree.directives.find((d) => d.key === "check");
  if (directive !== undefined) {
    const edit = extendOptions(directive.valueRange.start, firstWord(directive.value), rule);
    return edit === null ? null : { title, edits: [edit] };
  }
  const last = tree.directives[tree.directives.length - 1];
  const bom = tree.source.charCodeAt(0) === 0xfeff ? 1 : 0;
  const at = last === undefined ? bom : (tree.lineStarts[last.line] ?? tree.source.length);
  const newline = at === tree.source.length && at > 0 && !tree.source.endsWith("\n") ? "\n" : "";
  return { title, edits: [insertAt(at, `${newline}# check=skip=${rule}\n`)] };
}

function instructionSuppression(tree: DockerfileTree, rule: LintRule, node: InstructionNode): QuickFix | null {
  const source = tree.source;
  const at = lineStart(source, node.keywordRange.start);
  const comments = commentLinesAbove(source, at);
  if (rule.origin === "hadolint") {
    const title = `Ignore ${rule.id} on this instruction (# hadolint ignore=${rule.id})`;
    const existing = comments.map((c) => ({ c, m: hadolintComment.exec(c.text) })).find((x) => x.m !== null);
    if (existing?.m) {
      const end = existing.c.start + existing.m[0].length;
      return { title, edits: [insertAt(end, `,${rule.id}`)] };
    }
    return { title, edits: [insertAt(at, `# hadolint ignore=${rule.id}\n`)] };
  }
  const title = `Skip ${rule.id} for this instruction (# check=skip=${rule.id})`;
  for (const c of comments) {
    const m = checkComment.exec(c.text);
    if (m === null || !parseCheckOptions(m[2]!).ok) continue;
    const edit = extendOptions(c.start + m[1]!.length, m[2]!, rule.id);
    return edit === null ? null : { title, edits: [edit] };
  }
  // Right under the directives, a new comment line would be read as the file's directive.
  if (inDirectiveZone(tree, at)) return null;
  return { title, edits: [insertAt(at, `# check=skip=${rule.id}\n`)] };
}

/**
 * The fix that silences `rule` where it fired: on the instruction (`node`) when the rule reads
 * the comments above instructions, else for the whole file. Null when no comment can do it.
 *
 * @example
 * suppressionFor(tree, jsonArgsRecommended, cmdNode)?.edits // [{ range: …, text: "# check=skip=JSONArgsRecommended\n" }]
 */
export function suppressionFor(tree: DockerfileTree, rule: LintRule, node: InstructionNode | undefined): QuickFix | null {
  const local = node !== undefined && rule.phase !== "file" ? instructionSuppression(tree, rule, node) : null;
  if (local !== null || rule.origin === "hadolint") return local;
  return fileSuppression(tree, rule.id);
}
