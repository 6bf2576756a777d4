/**
 * Stage boxes and image pills as SVG, drawn as the canvas draws them (StageNode.tsx,
 * ImageNode.tsx): the same rows at the same heights (node-size.ts), the same badges and colours.
 */
import { isCollapsible, countVisibleInstructions } from "../layout/node-size.ts";
import type { Point } from "../layout/types.ts";
import type { SceneImage, SceneStage } from "./scene.ts";
import { formatLineRange } from "./summarize.ts";
import { MONO, SANS, escapeXml, fitText, measureText, num, type Palette } from "./svg-style.ts";
import { showInvisibles } from "./visible-text.ts";

const HEADER = 34;
const BASE_ROW = 24;
const ROW = 20;
const PAD = 10;

/** The canvas's line icons (web/canvas/Icons.tsx), 14 px, in a 16-unit box. */
const ICONS = {
  image: '<rect x="1.5" y="4" width="13" height="8.5" rx="1.2"/><path d="M4.5 6.3v4M7 6.3v4M9.5 6.3v4M12 6.3v4"/>',
  stage: '<path d="M8 12.5V3.5M4.5 7 8 3.5 11.5 7"/><path d="M2.5 13.5h11"/>',
  scratch: '<rect x="2.5" y="2.5" width="11" height="11" rx="1.5" stroke-dasharray="2.2 2"/>',
  error: '<circle cx="8" cy="8" r="6.2"/><path d="M8 4.8v3.7M8 11.1v.1"/>',
  warning: '<path d="M8 2.2 14.3 13.3H1.7Z"/><path d="M8 6.4v3.2M8 11.4v.1"/>',
} as const;

function icon(kind: keyof typeof ICONS, x: number, y: number, size: number, color: string): string {
  const scale = num(size / 16);
  return `<g transform="translate(${num(x)},${num(y)}) scale(${scale})" fill="none" stroke="${color}" stroke-width="1.6" stroke-linecap="round" stroke-linejoin="round">${ICONS[kind]}</g>`;
}

/** Dockerfile text as it may appear in the picture: invisibles written out, then escaped. */
function show(text: string): string {
  return escapeXml(showInvisibles(text));
}

interface Pill {
  readonly text: string;
  readonly fill: string;
  readonly color: string;
  readonly stroke?: string;
}

/** A badge at `x` on the header's middle line; returns its width. */
function drawPill(out: string[], pill: Pill, x: number, middle: number): number {
  const width = measureText(pill.text, 11, "bold") + 14;
  const stroke = pill.stroke === undefined ? "" : ` stroke="${pill.stroke}"`;
  out.push(`<rect x="${num(x)}" y="${num(middle - 9)}" width="${num(width)}" height="18" rx="9" fill="${pill.fill}"${stroke}/>`);
  out.push(`<text x="${num(x + 7)}" y="${num(middle + 4)}" font-family="${SANS}" font-size="11" font-weight="600" fill="${pill.color}">${escapeXml(pill.text)}</text>`);
  return width;
}

function drawMarkers(out: string[], stage: SceneStage, right: number, middle: number, p: Palette): number {
  let x = right;
  const marks = [
    { count: stage.warnings, kind: "warning" as const, color: p.warning, fill: p.warningSoft },
    { count: stage.errors, kind: "error" as const, color: p.error, fill: p.errorSoft },
  ];
  for (const mark of marks) {
    if (mark.count === 0) continue;
    const text = String(mark.count);
    const width = 4 + 14 + 3 + measureText(text, 12, "bold") + 6;
    x -= width;
    out.push(`<rect x="${num(x)}" y="${num(middle - 9)}" width="${num(width)}" height="18" rx="9" fill="${mark.fill}"/>`);
    out.push(icon(mark.kind, x + 4, middle - 7, 14, mark.color));
    out.push(`<text x="${num(x + 21)}" y="${num(middle + 4)}" font-family="${SANS}" font-size="12" font-weight="650" fill="${mark.color}">${text}</text>`);
    x -= 6;
  }
  return right - x;
}

function drawBase(out: string[], stage: SceneStage, x: number, y: number, width: number, p: Palette): void {
  const middle = y + BASE_ROW / 2;
  const baseline = middle + 4;
  let right = x + width - PAD;
  const lines = formatLineRange(stage.lines.start, stage.lines.end);
  right -= measureText(lines, 11, "mono");
  out.push(`<text x="${num(x + width - PAD)}" y="${num(baseline)}" text-anchor="end" font-family="${MONO}" font-size="11" fill="${p.muted}">${escapeXml(lines)}</text>`);
  if (stage.platform !== null) {
    const platform = fitText(showInvisibles(stage.platform), 90, 10.5, "mono");
    const w = measureText(platform, 10.5, "mono") + 10;
    right -= 6 + w;
    out.push(`<rect x="${num(right)}" y="${num(middle - 8)}" width="${num(w)}" height="16" rx="4" fill="none" stroke="${p.border}"/>`);
    out.push(`<text x="${num(right + 5)}" y="${num(baseline)}" font-family="${MONO}" font-size="10.5" fill="${p.muted}">${escapeXml(platform)}</text>`);
  }
  const room = right - 6 - (x + PAD + 19);
  const textX = x + PAD + 19;
  const base = stage.base;
  if (base.kind === "image") {
    out.push(icon("image", x + PAD, middle - 7, 14, p.muted));
    const ref = fitText(showInvisibles(base.ref === "" ? "(no base)" : base.ref), room, 12, "mono");
    out.push(`<text x="${num(textX)}" y="${num(baseline)}" font-family="${MONO}" font-size="12" fill="${p.text}">${escapeXml(ref)}</text>`);
  } else if (base.kind === "stage") {
    out.push(icon("stage", x + PAD, middle - 7, 14, p.muted));
    const label = fitText(showInvisibles(base.label), room - measureText("FROM ", 12, "sans"), 12, "bold");
    out.push(
      `<text x="${num(textX)}" y="${num(baseline)}" font-family="${SANS}" font-size="12" fill="${p.muted}">FROM <tspan font-weight="600" fill="${p.text}">${escapeXml(label)}</tspan></text>`,
    );
  } else {
    out.push(icon("scratch", x + PAD, middle - 7, 14, p.muted));
    out.push(`<text x="${num(textX)}" y="${num(baseline)}" font-family="${SANS}" font-size="12" fill="${p.muted}">scratch</text>`);
  }
}

/** One stage box with its top-left corner at `at`; `clip` is a document-unique id. */
export function drawStage(stage: SceneStage, at: Point, clip: string, p: Palette): string {
  const { x, y } = at;
  const { width, height } = stage;
  const out: string[] = [];
  const stroke = stage.isTarget ? p.accent : stage.errors > 0 ? p.error : stage.warnings > 0 ? p.warning : p.nodeBorder;
  const dashed = stage.reachable ? "" : ' stroke-dasharray="5 4"';
  out.push(`<g class="stage" data-kind="stage"${stage.reachable ? "" : ' opacity="0.5"'}>`);
  out.push(`<title>${show(`Stage ${stage.title}${stage.isTarget ? " (target)" : ""}${stage.reachable ? "" : " (not built)"}`)}</title>`);
  out.push(`<clipPath id="${clip}"><rect x="${num(x)}" y="${num(y)}" width="${width}" height="${height}" rx="10"/></clipPath>`);
  out.push(`<rect x="${num(x)}" y="${num(y)}" width="${width}" height="${height}" rx="10" fill="${p.surface}"/>`);
  out.push(`<g clip-path="url(#${clip})">`);
  const headerFill = !stage.reachable ? "none" : stage.isTarget ? p.accentSoft : p.header;
  out.push(`<rect x="${num(x)}" y="${num(y)}" width="${width}" height="${HEADER}" fill="${headerFill}"/>`);
  out.push(`<path d="M${num(x)},${num(y + HEADER - 0.5)} h${width}" stroke="${p.border}"/>`);
  const middle = y + HEADER / 2;
  const markers = drawMarkers(out, stage, x + width - PAD, middle, p);
  const pills: Pill[] = [];
  if (stage.role !== "unknown") pills.push({ text: stage.role, fill: p.background, color: p.muted, stroke: p.border });
  if (stage.isTarget) pills.push({ text: "target", fill: p.accent, color: p.onAccent });
  const pillsWidth = pills.reduce((sum, pill) => sum + measureText(pill.text, 11, "bold") + 14 + 6, 0);
  const title = fitText(showInvisibles(stage.title), Math.max(40, width - 2 * PAD - markers - pillsWidth - 6), 14.5, "bold");
  out.push(`<text x="${num(x + PAD)}" y="${num(middle + 5)}" font-family="${SANS}" font-size="14.5" font-weight="650" fill="${p.text}">${escapeXml(title)}</text>`);
  let px = x + PAD + measureText(title, 14.5, "bold") + 6;
  for (const pill of pills) px += drawPill(out, pill, px, middle) + 6;
  drawBase(out, stage, x, y + HEADER, width, p);
  const shown = countVisibleInstructions(stage.instructions.length, stage.expanded);
  const listTop = y + HEADER + BASE_ROW;
  if (shown > 0) out.push(`<path d="M${num(x)},${num(listTop + 0.5)} h${width}" stroke="${p.border}"/>`);
  stage.instructions.slice(0, shown).forEach((instruction, i) => {
    const baseline = listTop + 4 + i * ROW + 14;
    const rest = fitText(showInvisibles(` ${instruction.text}`), width - 2 * PAD - measureText(instruction.keyword, 12, "mono"), 12, "mono");
    out.push(
      `<text x="${num(x + PAD)}" y="${num(baseline)}" font-family="${MONO}" font-size="12" fill="${p.muted}" xml:space="preserve"><tspan font-weight="700" fill="${p.keyword}">${escapeXml(instruction.keyword)}</tspan>${escapeXml(rest)}</text>`,
    );
  });
  if (isCollapsible(stage.instructions.length)) {
    const top = y + height - 22;
    const more = stage.instructions.length - shown;
    const text = stage.expanded ? "Show less" : `${more} more instruction${more === 1 ? "" : "s"}`;
    out.push(`<path d="M${num(x)},${num(top + 0.5)} h${width}" stroke="${p.border}" stroke-dasharray="3 3"/>`);
    out.push(`<text x="${num(x + PAD)}" y="${num(top + 15)}" font-family="${SANS}" font-size="12" font-weight="500" fill="${p.accent}">${text}</text>`);
  }
  out.push("</g>");
  const width2 = stage.isTarget ? 2 : 1;
  out.push(`<rect x="${num(x + 0.5)}" y="${num(y + 0.5)}" width="${width - 1}" height="${height - 1}" rx="9.5" fill="none" stroke="${stroke}" stroke-width="${width2}"${dashed}/>`);
  out.push("</g>");
  return out.join("");
}

/** One image pill with its top-left corner at `at`. */
export function drawImage(image: SceneImage, at: Point, p: Palette): string {
  const { x, y } = at;
  const color = image.valid ? p.text : p.error;
  const fill = image.valid ? p.imageBg : p.errorSoft;
  const stroke = image.valid ? p.imageBorder : p.error;
  const faded = image.used ? "" : ' opacity="0.5"';
  const dashed = image.used ? "" : ' stroke-dasharray="5 4"';
  const label = fitText(showInvisibles(image.label), image.width - 50, 12, "mono");
  return [
    `<g class="image" data-kind="image"${faded}>`,
    `<title>${show(`${image.valid ? "External image" : "Not a valid image reference:"} ${image.ref}`)}</title>`,
    `<rect x="${num(x + 0.5)}" y="${num(y + 0.5)}" width="${image.width - 1}" height="${image.height - 1}" rx="${num((image.height - 1) / 2)}" fill="${fill}" stroke="${stroke}"${dashed}/>`,
    icon("image", x + 12, y + image.height / 2 - 8, 16, image.valid ? p.muted : p.error),
    `<text x="${num(x + 36)}" y="${num(y + image.height / 2 + 4)}" font-family="${MONO}" font-size="12" fill="${color}">${escapeXml(label)}</text>`,
    "</g>",
  ].join("");
}
