/**
 * What the Export menu writes, from the store as it is: the Dockerfile's exact text, and the
 * picture, diagrams and handout the core renders (the same code as `stagecraft export`). The
 * picture puts every node where the canvas shows it.
 */
import { renderDot, renderHandout, renderMermaid, renderSvg, stageGraphToJson, type StageGraph, type SvgPicture } from "../../src/index.ts";
import { analyze } from "../state/analysis.ts";
import type { AppState } from "../state/store.ts";

export type TextExport = "mermaid" | "dot" | "json" | "markdown";

/** Extension and media type of each text export. */
const TEXT_FILES: Readonly<Record<TextExport, { readonly ext: string; readonly type: string }>> = {
  mermaid: { ext: "mmd", type: "text/plain" },
  dot: { ext: "dot", type: "text/vnd.graphviz" },
  json: { ext: "json", type: "application/json" },
  markdown: { ext: "md", type: "text/markdown" },
};

/** Names the app gives text that did not come from a file: a download is then just "Dockerfile". */
const UNNAMED = new Set(["pasted", "untitled", ""]);

/** Characters no common file system takes in a name. */
function safeName(name: string): string {
  return [...name].map((ch) => (ch < " " || '\\/:*?"<>|'.includes(ch) ? "_" : ch)).join("");
}

/** The Dockerfile's download name: the file's own name, or "Dockerfile" for pasted text. */
export function dockerfileName(sourceName: string): string {
  return UNNAMED.has(sourceName) ? "Dockerfile" : safeName(sourceName);
}

/** An export's name after the document: `node-pnpm.Dockerfile` → `node-pnpm.svg`, `Dockerfile` → `Dockerfile.svg`. */
export function exportName(sourceName: string, ext: string): string {
  const base = dockerfileName(sourceName).replace(/\.dockerfile$/i, "");
  return `${base === "" ? "Dockerfile" : base}.${ext}`;
}

function graphOf(state: AppState): StageGraph {
  return analyze(state.text, state.target, state.buildArgs).graph;
}

/** The whole graph as the canvas shows it, in the app's theme. */
export function pictureOf(state: AppState): SvgPicture {
  // The store keys positions by the core's node ids, as the picture does.
  return renderSvg(graphOf(state), { theme: state.theme, positions: state.positions });
}

/** A text export of the current graph, with its file name and media type. */
export function textExport(state: AppState, format: TextExport): { text: string; fileName: string; type: string } {
  const graph = graphOf(state);
  const text =
    format === "mermaid"
      ? renderMermaid(graph)
      : format === "dot"
        ? renderDot(graph)
        : format === "json"
          ? `${JSON.stringify(stageGraphToJson(graph), null, 2)}\n`
          : renderHandout(graph, { title: `${dockerfileName(state.sourceName)}, stage by stage` });
  const file = TEXT_FILES[format];
  return { text, fileName: exportName(state.sourceName, file.ext), type: file.type };
}
