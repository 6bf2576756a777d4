/** `removeEdge`: undo one connection: the COPY line, the one mount flag, or a new base for FROM. */
import type { GraphEdge } from "../graph/types.ts";
import type { DockerfileTree, InstructionNode, TextRange, Token } from "../syntax/types.ts";
import { changeBase } from "./change-base.ts";
import { readContext } from "./context.ts";
import { instructionSpan, topLevelAt } from "./spans.ts";
import type { EditResult } from "./types.ts";

export interface RemoveEdgeOptions {
  /** For a `from` edge: the image (or earlier stage name) the stage is built on instead. */
  readonly image?: string;
}

const separators = new Set<Token["kind"]>(["whitespace", "continuation", "newline"]);

/**
 * The flag and the blanks that separate it from its neighbour: from the word before it, or, when
 * it comes right after the keyword, up to the word after it. Comments in a continuation stay.
 */
function flagRemoval(tree: DockerfileTree, node: InstructionNode, flag: TextRange): TextRange | null {
  const source = tree.source;
  const lineStart = source.lastIndexOf("\n", flag.start - 1) + 1;
  const escape = tree.escape === "`" ? "`" : "\\\\";
  const rest = new RegExp(`^[ \\t]*${escape}[ \\t]*\\r*\\n`).exec(source.slice(flag.end, flag.end + 200));
  // A flag alone on a continued line goes with its line.
  if (rest !== null && /^[ \t]*$/.test(source.slice(lineStart, flag.start)) && lineStart > node.range.start) {
    return { start: lineStart, end: flag.end + rest[0].length };
  }
  const tokens = node.tokens;
  const at = tokens.findIndex((t) => t.start === flag.start);
  if (at < 0) return null;
  let before = at - 1;
  while (before >= 0 && separators.has(tokens[before]!.kind)) before--;
  const previous = tokens[before];
  if (previous !== undefined && previous.kind !== "keyword") return { start: previous.end, end: flag.end };
  let after = at + 1;
  while (after < tokens.length && separators.has(tokens[after]!.kind)) after++;
  const next = tokens[after];
  if (next !== undefined && next.kind !== "newline") return { start: flag.start, end: next.start };
  return { start: previous?.end ?? flag.start, end: flag.end };
}

/**
 * Removes the connection an edge of the graph stands for:
 * - `copy`: the `COPY` line with its continuation lines, heredocs and the comment block directly above it;
 * - `mount`: that one `--mount` flag and the blank before it;
 * - `from`: a stage needs a base, so the FROM names `options.image` instead (refused without it).
 *
 * @example
 * const edge = buildStageGraph(tree).edges.find((e) => e.kind === "copy");
 * removeEdge(tree, edge);
 */
export function removeEdge(tree: DockerfileTree, edge: Pick<GraphEdge, "kind" | "target" | "range">, options: RemoveEdgeOptions = {}): EditResult {
  if (edge.kind === "from") {
    if (options.image === undefined) return { error: "A stage needs a base: name an image (or scratch) to build it on instead." };
    return changeBase(tree, edge.target, options.image);
  }
  const ctx = readContext(tree);
  const node = topLevelAt(ctx.tree, edge.range.start);
  if (node === null) return { error: "That connection is not in the text any more." };
  const line = node.trigger ?? node;
  if (edge.kind === "copy") {
    if (line.name !== "COPY") return { error: "That connection is not a COPY line any more." };
    const span = instructionSpan(ctx.tree, node);
    return { edits: [{ range: span, text: "" }] };
  }
  const flag = line.flags.find((f) => f.name.toLowerCase() === "mount" && f.range.start <= edge.range.start && edge.range.end <= f.range.end);
  if (flag === undefined) return { error: "That mount is not in the text any more." };
  const range = flagRemoval(ctx.tree, node, flag.range);
  if (range === null) return { error: "That mount could not be found in the text." };
  return { edits: [{ range, text: "" }] };
}
