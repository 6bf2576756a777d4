/**
 * The stage graph as a standalone SVG picture: the whole graph as the canvas shows it (boxes,
 * pills, edges routed and labelled the same way) with its legend, light or dark. Pure string
 * building, no DOM: the CLI writes it, the app downloads it, and PNGs are rasterised from it.
 */
import type { StageGraph } from "../graph/types.ts";
import { LABEL_HEIGHT, measureLabelWidth, pointAt, shapeCurve, shapeLoop, shapeRouted, type EdgeShape } from "../layout/edge-geometry.ts";
import type { Point } from "../layout/types.ts";
import { describeScene, placeScene, type Scene, type SceneEdge, type SceneLayout, type SceneOptions } from "./scene.ts";
import { drawImage, drawStage } from "./svg-nodes.ts";
import { MONO, SANS, escapeXml, num, palettes, type Palette, type SvgTheme } from "./svg-style.ts";
import { showInvisibles } from "./visible-text.ts";

export interface SvgOptions extends SceneOptions {
  readonly theme?: SvgTheme;
  /** Node positions by node id (the canvas's); nodes without one are placed by the layout. */
  readonly positions?: Readonly<Record<string, Point>>;
}

export interface SvgPicture {
  readonly svg: string;
  /** The picture's size in CSS pixels (its `width` and `height`). */
  readonly width: number;
  readonly height: number;
}

/** A PNG of the picture holds this many pixels per CSS pixel: sharp on dense screens and in print. */
export const PNG_SCALE = 2;

const MARGIN = 24;
const LEGEND_ROW = 18;

interface Box {
  minX: number;
  minY: number;
  maxX: number;
  maxY: number;
}

function grow(box: Box, x: number, y: number, width = 0, height = 0): void {
  box.minX = Math.min(box.minX, x);
  box.minY = Math.min(box.minY, y);
  box.maxX = Math.max(box.maxX, x + width);
  box.maxY = Math.max(box.maxY, y + height);
}

interface Size {
  readonly width: number;
  readonly height: number;
}

function shapeEdge(edge: SceneEdge, layout: SceneLayout, sizes: ReadonlyMap<string, Size>): EdgeShape | null {
  const s = layout.positions[edge.source];
  const t = layout.positions[edge.target];
  const sSize = sizes.get(edge.source);
  const tSize = sizes.get(edge.target);
  if (s === undefined || t === undefined || sSize === undefined || tSize === undefined) return null;
  const end = layout.routing.ends.get(edge.id) ?? { source: 0, target: 0 };
  const channel = layout.routing.routes.get(edge.id)?.channel ?? null;
  const tx = t.x + tSize.width / 2;
  if (edge.selfLoop) return shapeLoop(tx, t.y, tSize.width, tSize.height);
  const sx = s.x + sSize.width / 2 + end.source;
  const sy = s.y + sSize.height;
  return channel !== null ? shapeRouted(sx, sy, tx + end.target, t.y, channel) : shapeCurve(sx, sy, tx + end.target, t.y);
}

function edgeColor(edge: Pick<SceneEdge, "kind" | "valid">, p: Palette): string {
  return edge.valid ? p.edge[edge.kind] : p.edge.invalid;
}

/** Stroke attributes of a line of this kind (canvas.css `.graph-edge--*`). */
function lineStyle(edge: Pick<SceneEdge, "kind" | "valid">, p: Palette): string {
  const color = edgeColor(edge, p);
  if (edge.kind === "copy") return `stroke="${color}" stroke-width="2" stroke-dasharray="7 5"`;
  if (edge.kind === "mount") return `stroke="${color}" stroke-width="2.4" stroke-dasharray="0.1 5.5" stroke-linecap="round"`;
  return `stroke="${color}" stroke-width="2"`;
}

function drawEdge(edge: SceneEdge, shape: EdgeShape, p: Palette): string {
  const faded = edge.dimmed ? ' opacity="0.35"' : "";
  return `<g class="edge" data-kind="${edge.kind}"${faded}><path d="${shape.path}" fill="none" ${lineStyle(edge, p)}/><path d="${shape.arrow}" fill="${edgeColor(edge, p)}"/></g>`;
}

function drawLabel(edge: SceneEdge, text: string, at: Point, p: Palette): string {
  const width = measureLabelWidth(text);
  const height = LABEL_HEIGHT - 2;
  const border = edge.valid ? (edge.kind === "mount" ? p.edge.mount : p.edge.copy) : p.edge.invalid;
  const faded = edge.dimmed ? ' opacity="0.45"' : "";
  return [
    `<g class="edge-label"${faded}>`,
    `<rect x="${num(at.x - width / 2)}" y="${num(at.y - height / 2)}" width="${width}" height="${height}" rx="${height / 2}" fill="${edge.valid ? p.surface : p.errorSoft}" stroke="${border}"/>`,
    `<text x="${num(at.x)}" y="${num(at.y + 4)}" text-anchor="middle" font-family="${MONO}" font-size="11" fill="${edge.valid ? p.text : p.error}" xml:space="preserve">${escapeXml(showInvisibles(text))}</text>`,
    "</g>",
  ].join("");
}

/** The legend (web/canvas/Legend.tsx): what line styles and node looks mean, two columns. */
function drawLegend(x: number, y: number, p: Palette): { svg: string; width: number; height: number } {
  const entries: { text: string; edge?: Pick<SceneEdge, "kind" | "valid">; swatch?: "target" | "unbuilt" }[] = [
    { text: "FROM", edge: { kind: "from", valid: true } },
    { text: "COPY --from", edge: { kind: "copy", valid: true } },
    { text: "RUN --mount", edge: { kind: "mount", valid: true } },
    { text: "invalid", edge: { kind: "copy", valid: false } },
    { text: "target", swatch: "target" },
    { text: "not built", swatch: "unbuilt" },
  ];
  const column = 130;
  const width = 2 * column + 10;
  const height = 3 * LEGEND_ROW + 12;
  const out = [`<g class="legend"><rect x="${x}" y="${y}" width="${width}" height="${height}" rx="8" fill="${p.surface}" stroke="${p.border}"/>`];
  entries.forEach((entry, i) => {
    const ex = x + 10 + (i % 2) * column;
    const ey = y + 6 + Math.floor(i / 2) * LEGEND_ROW + LEGEND_ROW / 2;
    if (entry.edge !== undefined) {
      out.push(`<path d="M${ex + 1},${ey} H${ex + 26}" fill="none" ${lineStyle(entry.edge, p)}/>`);
      out.push(`<path d="M${ex + 25},${ey - 4} L${ex + 33},${ey} L${ex + 25},${ey + 4} Z" fill="${edgeColor(entry.edge, p)}"/>`);
    } else if (entry.swatch === "target") {
      out.push(`<rect x="${ex + 5}" y="${ey - 6}" width="24" height="12" rx="3" fill="${p.surface}" stroke="${p.accent}" stroke-width="2"/>`);
    } else {
      out.push(`<rect x="${ex + 5}" y="${ey - 6}" width="24" height="12" rx="3" fill="${p.surface}" stroke="${p.muted}" stroke-width="1.5" stroke-dasharray="3 2" opacity="0.6"/>`);
    }
    out.push(`<text x="${ex + 40}" y="${ey + 4}" font-family="${SANS}" font-size="11.5" fill="${p.muted}">${escapeXml(entry.text)}</text>`);
  });
  out.push("</g>");
  return { svg: out.join(""), width, height };
}

/**
 * Draw a placed scene. Coordinates are the canvas's, shifted so the picture starts at its margin.
 */
export function drawScene(scene: Scene, layout: SceneLayout, theme: SvgTheme = "light"): SvgPicture {
  const p = palettes[theme];
  const sizes = new Map<string, Size>([...scene.stages, ...scene.images].map((n) => [n.id, n]));
  const box: Box = { minX: Infinity, minY: Infinity, maxX: -Infinity, maxY: -Infinity };
  for (const [id, size] of sizes) {
    const at = layout.positions[id];
    if (at !== undefined) grow(box, at.x, at.y, size.width, size.height);
  }
  const edges: string[] = [];
  const labels: string[] = [];
  for (const edge of scene.edges) {
    const shape = shapeEdge(edge, layout, sizes);
    if (shape === null) continue;
    for (const cubic of shape.cubics) for (const point of cubic) grow(box, point.x, point.y);
    edges.push(drawEdge(edge, shape, p));
    const route = layout.routing.routes.get(edge.id);
    const text = route === undefined ? edge.label : route.label;
    if (text === null) continue;
    const at = pointAt(shape, route?.labelAt ?? 0.5);
    const width = measureLabelWidth(text);
    grow(box, at.x - width / 2, at.y - LABEL_HEIGHT / 2, width, LABEL_HEIGHT);
    labels.push(drawLabel(edge, text, at, p));
  }
  if (box.minX === Infinity) Object.assign(box, { minX: 0, minY: 0, maxX: 0, maxY: 0 });
  const legendY = box.maxY - box.minY + MARGIN + (sizes.size > 0 ? 24 : 0);
  const legend = drawLegend(MARGIN, legendY, p);
  const width = Math.ceil(Math.max(box.maxX - box.minX, legend.width) + 2 * MARGIN);
  const height = Math.ceil(legendY + legend.height + MARGIN);
  const shift = `translate(${num(MARGIN - box.minX)},${num(MARGIN - box.minY)})`;
  const nodes = [
    ...scene.images.map((image) => {
      const at = layout.positions[image.id];
      return at === undefined ? "" : drawImage(image, at, p);
    }),
    ...scene.stages.map((stage, i) => {
      const at = layout.positions[stage.id];
      return at === undefined ? "" : drawStage(stage, at, `stage-clip-${i}`, p);
    }),
  ];
  const svg = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="${SANS}">`,
    `<title>Dockerfile stage graph: ${scene.stages.length} stage${scene.stages.length === 1 ? "" : "s"}</title>`,
    `<rect width="${width}" height="${height}" fill="${p.background}"/>`,
    `<g transform="${shift}">`,
    `<g class="edges">${edges.join("")}</g>`,
    `<g class="nodes">${nodes.join("")}</g>`,
    `<g class="labels">${labels.join("")}</g>`,
    "</g>",
    legend.svg,
    "</svg>",
    "",
  ].join("\n");
  return { svg, width, height };
}

/**
 * The whole graph as an SVG picture, laid out as the canvas lays it out (or at `positions`).
 *
 * @example
 * const { svg } = renderSvg(buildStageGraph(parseDockerfile(text)), { theme: "dark" });
 */
export function renderSvg(graph: StageGraph, options: SvgOptions = {}): SvgPicture {
  const scene = describeScene(graph, options);
  return drawScene(scene, placeScene(scene, options.positions), options.theme ?? "light");
}
