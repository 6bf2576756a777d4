/**
 * The stage graph in Graphviz DOT. Node ids are generated; every text from the Dockerfile is a
 * double-quoted DOT string with `\`, `"` and line breaks escaped, so nothing can end it early,
 * and it is never an HTML label, so markup stays text.
 */
import type { StageGraph } from "../graph/types.ts";
import { edgeText, indexImages, nodeId, stageText } from "./labels.ts";

/**
 * Graphviz's scanner refuses a quoted string longer than 16,384 bytes ("longer than 16384?");
 * longer text is written as several strings joined with DOT's `+`, each at most this many UTF-8 bytes.
 */
export const DOT_STRING_LIMIT = 16_000;

function utf8Length(piece: string): number {
  const cp = piece.codePointAt(0) ?? 0;
  return piece.length === 1 && cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
}

/**
 * A DOT double-quoted string. Backslashes are doubled so `\l`, `\N` and friends stay literal.
 * Text longer than `DOT_STRING_LIMIT` becomes `"…" + "…"`, split between escapes, never inside one.
 */
export function quoteDot(text: string): string {
  const parts: string[] = [];
  let out = "";
  let bytes = 0;
  for (const ch of text) {
    let piece: string;
    if (ch === "\\") piece = "\\\\";
    else if (ch === '"') piece = '\\"';
    else if (ch === "\n") piece = "\\n";
    else if (ch === "\r") piece = "";
    else if (ch.charCodeAt(0) < 0x20 || ch === "\u007f") piece = " ";
    else piece = ch;
    // Every piece but a non-ASCII character is ASCII, one to two bytes.
    const size = piece.length === 2 && piece.charCodeAt(0) === 0x5c ? 2 : piece === "" ? 0 : utf8Length(piece);
    if (bytes + size > DOT_STRING_LIMIT) {
      parts.push(out);
      out = "";
      bytes = 0;
    }
    out += piece;
    bytes += size;
  }
  parts.push(out);
  return parts.map((part) => `"${part}"`).join(" + ");
}

/**
 * Render `graph` as DOT: stages as rounded boxes (the target with a double border), images as
 * cylinders, `from` edges solid, `copy` dashed, `mount` bold; stages not built are grey and
 * dashed, invalid edges red.
 *
 * @example
 * renderDot(buildStageGraph(parseDockerfile("FROM alpine AS a\nFROM a\n")))
 */
export function renderDot(graph: StageGraph): string {
  const images = indexImages(graph);
  const lines = ["digraph stages {", "  rankdir=TB;", '  node [shape=box, style="rounded,filled", fillcolor="#eef4ff", fontname="Helvetica"];', '  edge [fontname="Helvetica", fontsize=10];'];
  for (const stage of graph.stages) {
    const attrs = [`label=${quoteDot(stageText(stage, graph))}`];
    if (stage.index === graph.target) attrs.push("peripheries=2", "penwidth=2", 'fillcolor="#dff5e3"');
    if (!stage.reachable) attrs.push('style="rounded,dashed,filled"', 'fillcolor="#fafafa"', "color=gray60", "fontcolor=gray50");
    lines.push(`  s${stage.index} [${attrs.join(", ")}];`);
  }
  graph.images.forEach((image, i) => lines.push(`  i${i} [label=${quoteDot(image.ref)}, shape=cylinder, fillcolor="#f6f6f6"];`));
  for (const edge of graph.edges) {
    const attrs = [`style=${edge.kind === "from" ? "solid" : edge.kind === "copy" ? "dashed" : "bold"}`];
    const text = edgeText(edge);
    if (text !== "") attrs.push(`label=${quoteDot(text)}`);
    if (!edge.valid) attrs.push("color=red", "fontcolor=red");
    lines.push(`  ${nodeId(edge.source, images)} -> s${edge.target} [${attrs.join(", ")}];`);
  }
  lines.push("}");
  return `${lines.join("\n")}\n`;
}
