/**
 * Hover docs and completions for a position in a Dockerfile, as data: the editor adapter only
 * converts offsets and shows them. Works on half-typed lines: completion reads the text before
 * the cursor, not the parsed tree alone.
 */
import { analyzeDockerfile } from "../model/analyze.ts";
import type { StageGraph } from "../graph/types.ts";
import type { DockerfileTree, InstructionNode, TextRange } from "../syntax/types.ts";
import { findFlagDoc, findInstructionDoc, findMountDoc, formatDoc, instructionDocs, mountDocs } from "./instruction-docs.ts";

export interface Hover {
  readonly range: TextRange;
  /** Markdown. */
  readonly markdown: string;
}

export type CompletionKind = "instruction" | "flag" | "stage" | "mount";

export interface CompletionItem {
  readonly label: string;
  readonly kind: CompletionKind;
  readonly insertText: string;
  /** A short line beside the label (a flag's instruction, a stage's role). */
  readonly detail: string;
  /** Markdown. */
  readonly documentation: string;
}

export interface Completions {
  /** The text the chosen item replaces: the partial word before the cursor. */
  readonly range: TextRange;
  readonly items: readonly CompletionItem[];
}

function instructionAt(tree: DockerfileTree, offset: number): InstructionNode | null {
  for (const node of tree.instructions) {
    if (offset >= node.range.start && offset < node.range.end) return node.trigger !== null && offset >= node.trigger.keywordRange.start ? node.trigger : node;
    if (node.range.start > offset) break;
  }
  return null;
}

function inside(range: TextRange | null, offset: number): range is TextRange {
  return range !== null && offset >= range.start && offset <= range.end;
}

/** The `--mount` field around `offset` in a flag value: its key, and the mount type the value sets. */
function mountFieldAt(source: string, valueRange: TextRange, offset: number): { key: string; type: string; range: TextRange } {
  const value = source.slice(valueRange.start, valueRange.end);
  const at = offset - valueRange.start;
  const start = value.lastIndexOf(",", at - 1) + 1;
  const comma = value.indexOf(",", at);
  const end = comma < 0 ? value.length : comma;
  const field = value.slice(start, end);
  const type = /(?:^|,)type=([a-z]+)/i.exec(value)?.[1] ?? "bind";
  return { key: field.split("=")[0]?.toLowerCase() ?? "", type, range: { start: valueRange.start + start, end: valueRange.start + end } };
}

/**
 * The doc to show when the pointer rests at `offset`: an instruction keyword, a flag, or a
 * field of a `--mount`. Null elsewhere.
 *
 * @example
 * hoverAt(parseDockerfile("FROM alpine\nCOPY --from=a x y\n"), 14)?.markdown; // "**--from** …"
 */
export function hoverAt(tree: DockerfileTree, offset: number): Hover | null {
  const node = instructionAt(tree, offset);
  if (node === null) return null;
  if (inside(node.keywordRange, offset)) {
    const doc = findInstructionDoc(node.name);
    return doc === null ? null : { range: node.keywordRange, markdown: formatDoc(doc) };
  }
  for (const flag of node.flags) {
    if (!inside(flag.range, offset)) continue;
    if (flag.name.toLowerCase() === "mount" && inside(flag.valueRange, offset)) {
      const field = mountFieldAt(tree.source, flag.valueRange, offset);
      const doc = findMountDoc(field.type, field.key === "type" ? null : field.key);
      if (doc !== null) return { range: field.range, markdown: formatDoc(doc) };
    }
    const doc = findFlagDoc(node.name, flag.name);
    return doc === null ? null : { range: flag.range, markdown: `${formatDoc(doc)}\n\n_${node.name} flag_` };
  }
  return null;
}

interface StageName {
  readonly name: string;
  readonly line: number;
  readonly detail: string;
}

function stageNames(tree: DockerfileTree, graph: StageGraph | null, beforeOffset: number): StageName[] {
  const stages = graph?.model.tree === tree ? graph.stages : analyzeDockerfile(tree).stages.map((stage) => ({ stage, role: null }));
  const out: StageName[] = [];
  for (const s of stages) {
    const stage = s.stage;
    if (stage.name === null || stage.from.node.range.start >= beforeOffset) continue;
    const written = stage.from.alias?.value ?? stage.name;
    out.push({ name: written, line: stage.line, detail: s.role === null ? `stage, line ${stage.line}` : `${s.role} stage, line ${stage.line}` });
  }
  return out;
}

/** Start of the logical line holding `offset`: back over lines that end in the escape character. */
function logicalLineStart(source: string, offset: number, escape: string): number {
  let start = source.lastIndexOf("\n", offset - 1) + 1;
  while (start > 0) {
    const prevEnd = start - 1;
    const prevStart = source.lastIndexOf("\n", prevEnd - 1) + 1;
    const prev = source.slice(prevStart, prevEnd).replace(/\r$/, "");
    if (!prev.trimEnd().endsWith(escape) || prev.trimStart().startsWith("#")) break;
    start = prevStart;
  }
  return start;
}

function stageItems(names: readonly StageName[], extra: readonly CompletionItem[] = []): CompletionItem[] {
  return [
    ...names.map((s): CompletionItem => ({ label: s.name, kind: "stage", insertText: s.name, detail: s.detail, documentation: `The stage \`${s.name}\` (line ${s.line}).` })),
    ...extra,
  ];
}

/**
 * What to offer at `offset`: instruction keywords at the start of a line, the flags of the
 * instruction after `--`, stage names after `--from=`, `from=` and `FROM`, and `--mount` types
 * and options. Null where nothing fits.
 *
 * @example
 * completionsAt(parseDockerfile("FROM node AS build\nFROM alpine\nCOPY --from="), 42)?.items.map((i) => i.label); // ["build"]
 */
export function completionsAt(tree: DockerfileTree, offset: number, graph: StageGraph | null = null): Completions | null {
  const source = tree.source;
  const start = logicalLineStart(source, offset, tree.escape);
  const before = source.slice(start, offset).replace(new RegExp(`\\${tree.escape}\\r?\\n`, "g"), " ");
  if (/^\s*#/.test(before)) return null;
  const word = /[^\s]*$/.exec(before)?.[0] ?? "";
  const wordStart = offset - word.length;
  const keyword = /^\s*(\w+)/.exec(before)?.[1]?.toUpperCase() ?? "";
  const onKeyword = /^\s*\w*$/.test(before);
  // ONBUILD's trigger starts a second instruction on the same line.
  const trigger = /^\s*onbuild\s+(\w*)$/i.exec(before);

  if (onKeyword || trigger !== null) {
    const typed = (trigger?.[1] ?? word).toUpperCase();
    return {
      range: { start: offset - (trigger?.[1] ?? word).length, end: offset },
      items: instructionDocs
        .filter((doc) => doc.name.startsWith(typed) && doc.name !== "MAINTAINER")
        .map((doc) => ({ label: doc.name, kind: "instruction", insertText: `${doc.name} `, detail: "instruction", documentation: formatDoc(doc) })),
    };
  }

  const names = stageNames(tree, graph, start);
  const fromFlag = /^--from=(.*)$/i.exec(word);
  if (fromFlag !== null && (keyword === "COPY" || keyword === "ONBUILD")) {
    const typed = fromFlag[1] ?? "";
    return { range: { start: offset - typed.length, end: offset }, items: stageItems(names.filter((n) => n.name.toLowerCase().startsWith(typed.toLowerCase()))) };
  }

  const mount = /^--mount=(.*)$/i.exec(word);
  if (mount !== null && keyword === "RUN") {
    const value = mount[1] ?? "";
    const field = value.slice(value.lastIndexOf(",") + 1);
    const fieldStart = offset - field.length;
    const type = /(?:^|,)type=([a-z]+)/i.exec(value)?.[1]?.toLowerCase() ?? "bind";
    if (/^from=/i.test(field)) {
      const typed = field.slice(5);
      return { range: { start: offset - typed.length, end: offset }, items: stageItems(names.filter((n) => n.name.toLowerCase().startsWith(typed.toLowerCase()))) };
    }
    if (/^type=/i.test(field) || !field.includes("=")) {
      const typeItems = mountDocs.map((m): CompletionItem => ({ label: m.name, kind: "mount", insertText: `${m.name},`, detail: "--mount type", documentation: formatDoc(m) }));
      const options = (mountDocs.find((m) => m.name === `type=${type}`)?.options ?? []).map(
        (o): CompletionItem => ({ label: o.name, kind: "mount", insertText: o.name === "readonly" || o.name === "rw" ? o.name : `${o.name}=`, detail: `type=${type} option`, documentation: formatDoc(o) }),
      );
      const hasType = /(?:^|,)type=/i.test(value.slice(0, value.length - field.length));
      const items = hasType ? options : [...typeItems, ...options];
      return { range: { start: fieldStart, end: offset }, items: items.filter((i) => i.label.toLowerCase().startsWith(field.toLowerCase())) };
    }
    return null;
  }

  if (word.startsWith("-")) {
    const doc = findInstructionDoc(keyword);
    if (doc === null) return null;
    return {
      range: { start: wordStart, end: offset },
      items: doc.flags
        .filter((f) => f.name.startsWith(word.toLowerCase()))
        .map((f) => ({ label: f.name, kind: "flag", insertText: f.name === "--link" || f.name === "--parents" ? f.name : `${f.name}=`, detail: `${doc.name} flag`, documentation: formatDoc(f) })),
    };
  }

  if (keyword === "FROM") {
    // The base is the first word after FROM and its flags.
    const args = before.replace(/^\s*\w+/, "").trim().split(/\s+/).filter((w) => w !== "" && !w.startsWith("--"));
    const typingFirst = args.length === 0 || (args.length === 1 && word !== "");
    if (!typingFirst) {
      if (args.length === 1 && word === "") return { range: { start: offset, end: offset }, items: [{ label: "AS", kind: "instruction", insertText: "AS ", detail: "name this stage", documentation: "Names the stage, so later stages can build on it (`FROM name`) or copy from it (`COPY --from=name`)." }] };
      return null;
    }
    const scratch: CompletionItem = { label: "scratch", kind: "stage", insertText: "scratch", detail: "empty base", documentation: "An empty file system: for static binaries and stages that only collect files." };
    return { range: { start: wordStart, end: offset }, items: stageItems(names, [scratch]).filter((i) => i.label.toLowerCase().startsWith(word.toLowerCase())) };
  }
  return null;
}
