/**
 * Short texts for small boxes: an instruction on one line, a path that fits an edge label.
 * The full text always goes in a tooltip next to the short one.
 */
import type { GraphEdge, GraphStage } from "../graph/types.ts";
import type { TypedInstruction } from "../model/types.ts";

/** One line of a stage's instruction list, as the canvas and the picture show it. */
export type InstructionSummary = {
  /** Upper-case keyword, e.g. `RUN`. */
  readonly keyword: string;
  /** The arguments on one line, whitespace collapsed, cut short when very long. */
  readonly text: string;
  readonly line: number;
};

/** Longer argument texts are cut here: the node shows one line of ~40 characters anyway. */
export const MAX_INSTRUCTION_TEXT = 160;

/** Cut `text` to `max` characters, ending in "…" when it was longer. */
export function elide(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, Math.max(0, max - 1))}…`;
}

/** The keyword and its arguments on one line: continuations joined, runs of blanks collapsed. */
export function summarizeInstruction(instruction: TypedInstruction): InstructionSummary {
  const node = instruction.node;
  let text = node.original.trimStart();
  // BuildKit's Original starts with the keyword as written (any case); the node shows it apart.
  if (text.slice(0, node.keyword.length).toUpperCase() === node.name) text = text.slice(node.keyword.length);
  return { keyword: node.name, text: elide(text.replace(/\s+/g, " ").trim(), MAX_INSTRUCTION_TEXT), line: instruction.line };
}

/**
 * A path shortened to at most `max` characters, keeping its end (the file or folder a reader
 * recognises): `/usr/local/go/bin/gofmt` → `…/bin/gofmt`. Cuts at a slash when one is near.
 */
export function shortenPath(path: string, max = 24): string {
  if (path.length <= max) return path;
  const tail = path.slice(path.length - (max - 1));
  const slash = tail.indexOf("/");
  // Cutting at the slash reads better, unless it throws most of the room away.
  const cut = slash > 0 && slash < tail.length / 2 ? tail.slice(slash) : tail;
  return `…${cut}`;
}

/** The label of a copy edge: its first source, and how many more there are. */
export function labelCopiedPaths(sources: readonly string[] | undefined, dest: string | undefined): string {
  const list = sources ?? [];
  const first = list[0];
  if (first === undefined) return dest !== undefined ? `→ ${shortenPath(dest)}` : "copy";
  return list.length > 1 ? `${shortenPath(first, 20)} +${list.length - 1}` : shortenPath(first);
}

/** `L13–21`, or `L13` for a stage on one line. */
export function formatLineRange(start: number, end: number): string {
  return end > start ? `L${start}–${end}` : `L${start}`;
}

/** What a stage is built on, as a node shows it. */
export type BaseSummary =
  | { readonly kind: "image"; readonly ref: string; readonly raw: string }
  | { readonly kind: "stage"; readonly label: string }
  | { readonly kind: "scratch" };

/** The base of `stage` (one of `stages`) as a node shows it. */
export function summarizeBase(stage: GraphStage, stages: readonly GraphStage[]): BaseSummary {
  const base = stage.base;
  if (base.kind === "image") return { kind: "image", ref: base.ref, raw: base.raw };
  if (base.kind === "stage") return { kind: "stage", label: stages[base.index]?.label ?? `stage-${base.index}` };
  return { kind: "scratch" };
}

/** The short text drawn on an edge: the copied paths, the mount target; null for `from`. */
export function labelGraphEdge(edge: Pick<GraphEdge, "kind" | "sources" | "dest">): string | null {
  if (edge.kind === "from") return null;
  if (edge.kind === "copy") return labelCopiedPaths(edge.sources, edge.dest);
  return edge.dest !== undefined ? `mount ${shortenPath(edge.dest, 18)}` : "mount";
}

/** The label of one drawn edge standing for `count` instructions: `3× /app/dist`. */
export function labelCountedEdge(label: string | null, count: number): string | null {
  return label === null || count === 1 ? label : `${count}× ${label}`;
}

/** 1-based line of the stage's last instruction (its FROM line when it has none). */
export function findLastLine(stage: GraphStage): number {
  const last = stage.stage.instructions[stage.stage.instructions.length - 1];
  return last?.node.endLine ?? stage.stage.from.node.endLine;
}
