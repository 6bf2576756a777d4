/**
 * The stage graph as a Mermaid flowchart. Every piece of text from the Dockerfile goes inside
 * a quoted label with all but a few plain characters written as Mermaid entity codes (`#34;`),
 * so no name or path (quotes, brackets, `-->`, HTML, newlines) can break out of it.
 */
import type { StageGraph } from "../graph/types.ts";
import { edgeText, indexImages, nodeId, stageText } from "./labels.ts";

// `:` is not plain: Mermaid reads `name:value` pairs in its style pre-processing, which can
// garble a label such as `node:20-alpine` (`#58;` shows the same colon).
const plain = /[A-Za-z0-9 _.,/@+=-]/;

/** A Mermaid quoted string: `"` + text with every other character as `#<code point>;` + `"`. */
export function quoteMermaid(text: string): string {
  let out = '"';
  for (const ch of text) out += plain.test(ch) ? ch : `#${ch.codePointAt(0) ?? 0};`;
  return `${out}"`;
}

/**
 * Render `graph` as Mermaid: stages as boxes (the target doubled), images as stadiums,
 * `from` edges solid, `copy` dotted, `mount` thick; stages not built are dimmed and invalid
 * edges red.
 *
 * @example
 * renderMermaid(buildStageGraph(parseDockerfile("FROM alpine AS a\nFROM a\n")))
 */
export function renderMermaid(graph: StageGraph): string {
  const images = indexImages(graph);
  const lines = ["flowchart TB"];
  for (const stage of graph.stages) {
    const label = quoteMermaid(stageText(stage, graph));
    lines.push(stage.index === graph.target ? `  s${stage.index}[[${label}]]` : `  s${stage.index}[${label}]`);
  }
  graph.images.forEach((image, i) => lines.push(`  i${i}([${quoteMermaid(image.ref)}])`));
  const invalid: number[] = [];
  graph.edges.forEach((edge, i) => {
    const from = nodeId(edge.source, images);
    const to = `s${edge.target}`;
    const text = edgeText(edge);
    const label = text === "" ? "" : `|${quoteMermaid(text)}|`;
    const arrow = edge.kind === "from" ? "-->" : edge.kind === "copy" ? "-.->" : "==>";
    lines.push(`  ${from} ${arrow}${label} ${to}`);
    if (!edge.valid) invalid.push(i);
  });
  lines.push("  classDef stage fill:#eef4ff,stroke:#3b6fd8,color:#10213f");
  lines.push("  classDef target fill:#dff5e3,stroke:#1d8a3a,stroke-width:3px,color:#0d2e16");
  lines.push("  classDef image fill:#f6f6f6,stroke:#888,color:#333");
  lines.push("  classDef unbuilt fill:#fafafa,stroke:#bbb,color:#999,stroke-dasharray:4 3");
  const ids = (pick: (s: StageGraph["stages"][number]) => boolean) => graph.stages.filter(pick).map((s) => `s${s.index}`);
  const groups: [string, string[]][] = [
    ["stage", ids((s) => s.reachable && s.index !== graph.target)],
    ["target", ids((s) => s.index === graph.target)],
    ["unbuilt", ids((s) => !s.reachable)],
    ["image", graph.images.map((_, i) => `i${i}`)],
  ];
  for (const [name, members] of groups) if (members.length > 0) lines.push(`  class ${members.join(",")} ${name}`);
  if (invalid.length > 0) lines.push(`  linkStyle ${invalid.join(",")} stroke:#d11,color:#d11`);
  return `${lines.join("\n")}\n`;
}
