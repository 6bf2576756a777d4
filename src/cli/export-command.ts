/**
 * `stagecraft export FILE --format svg|png|mermaid|dot|json|markdown`: the same pictures,
 * diagrams and handout the app's Export menu downloads, from the same core code.
 *
 * PNG is the SVG rasterised by resvg (`@resvg/resvg-js`, a Rust renderer shipped as a prebuilt
 * Node add-on in its npm package: no browser, no network, no system library). It is imported
 * here only, so it never reaches the browser bundle, and esbuild leaves it external in the CLI
 * bundle (a native add-on cannot be bundled).
 */
import { createRequire } from "node:module";
import { PNG_SCALE, renderDot, renderHandout, renderMermaid, renderSvg, stageGraphToJson } from "../index.ts";
import type { StageGraph, SvgTheme } from "../index.ts";
import { MONO, SANS } from "../export/svg-style.ts";
import type { OptionSpec } from "./command-spec.ts";

export const exportFormats = ["svg", "png", "mermaid", "dot", "json", "markdown"] as const;
export type ExportFormat = (typeof exportFormats)[number];

export const exportOptions: readonly OptionSpec[] = [
  { kind: "value", name: "format", valueName: "FORMAT", summary: "what to write", choices: exportFormats, defaultValue: "svg" },
  { kind: "value", name: "theme", valueName: "THEME", summary: "colours of the SVG and PNG picture", choices: ["light", "dark"], defaultValue: "light" },
  { kind: "value", name: "output", short: "o", valueName: "OUT", summary: "write to this file instead of stdout" },
];

interface Resvg {
  render(): { asPng(): Uint8Array };
}
type ResvgModule = { Resvg: new (svg: string, options: object) => Resvg };

/** Loaded on first use: the other formats never pay for the native add-on. */
function loadResvg(): ResvgModule {
  return createRequire(import.meta.url)("@resvg/resvg-js") as ResvgModule;
}

/**
 * `svg` rasterised at `PNG_SCALE`. resvg takes a family it cannot match from the start of a
 * browser's font stack (`ui-monospace`) rather than the DejaVu further on, so the code font came
 * out proportional: the stacks are narrowed to the fonts a Linux machine has, as a browser would
 * resolve them.
 */
export function rasterizeSvg(svg: string): Uint8Array {
  const { Resvg } = loadResvg();
  const local = svg.split(`font-family="${MONO}"`).join(`font-family="'DejaVu Sans Mono', monospace"`).split(`font-family="${SANS}"`).join(`font-family="'DejaVu Sans', sans-serif"`);
  const font = { loadSystemFonts: true, defaultFontFamily: "DejaVu Sans" };
  return new Resvg(local, { fitTo: { mode: "zoom", value: PNG_SCALE }, font }).render().asPng();
}

/** The requested export of an already built graph. */
export function renderExport(format: ExportFormat, graph: StageGraph, theme: SvgTheme): string | Uint8Array {
  switch (format) {
    case "svg":
      return renderSvg(graph, { theme }).svg;
    case "png":
      return rasterizeSvg(renderSvg(graph, { theme }).svg);
    case "mermaid":
      return renderMermaid(graph);
    case "dot":
      return renderDot(graph);
    case "json":
      return `${JSON.stringify(stageGraphToJson(graph), null, 2)}\n`;
    case "markdown":
      return renderHandout(graph);
  }
}
