/**
 * What the SVG picture is drawn with: the canvas's colours for both themes (kept in step with
 * web/styles.css and web/canvas/canvas.css), its fonts, text measured without a DOM, and XML
 * escaping for every text that comes from a Dockerfile.
 */

export type SvgTheme = "light" | "dark";

export interface Palette {
  readonly background: string;
  readonly surface: string;
  readonly text: string;
  readonly muted: string;
  readonly border: string;
  readonly nodeBorder: string;
  readonly header: string;
  readonly keyword: string;
  readonly accent: string;
  readonly accentSoft: string;
  readonly onAccent: string;
  readonly error: string;
  readonly errorSoft: string;
  readonly warning: string;
  readonly warningSoft: string;
  readonly imageBg: string;
  readonly imageBorder: string;
  readonly edge: { readonly from: string; readonly copy: string; readonly mount: string; readonly invalid: string };
}

export const palettes: Readonly<Record<SvgTheme, Palette>> = {
  light: {
    background: "#f3f5f8",
    surface: "#ffffff",
    text: "#111827",
    muted: "#4b5563",
    border: "#dde2ea",
    nodeBorder: "#c9d1dd",
    header: "#f7f9fc",
    keyword: "#1e40af",
    accent: "#1d4ed8",
    accentSoft: "#eaf0ff",
    onAccent: "#ffffff",
    error: "#b91c1c",
    errorSoft: "#fef2f2",
    warning: "#92400e",
    warningSoft: "#fffbeb",
    imageBg: "#eef2f7",
    imageBorder: "#b8c2d1",
    edge: { from: "#64748b", copy: "#0f766e", mount: "#7c3aed", invalid: "#dc2626" },
  },
  dark: {
    background: "#0e1217",
    surface: "#161b22",
    text: "#e6edf3",
    muted: "#a2acb8",
    border: "#2b323c",
    nodeBorder: "#3b4758",
    header: "#1b2431",
    keyword: "#93c5fd",
    accent: "#79a8ff",
    accentSoft: "#1b2a45",
    onAccent: "#0b1220",
    error: "#ff8a80",
    errorSoft: "#3a1d1f",
    warning: "#f0c050",
    warningSoft: "#33290f",
    imageBg: "#1e2836",
    imageBorder: "#475569",
    edge: { from: "#94a3b8", copy: "#2dd4bf", mount: "#c4b5fd", invalid: "#f87171" },
  },
};

/** The canvas's font stacks, with DejaVu named so a rasteriser without system-ui finds one. */
export const SANS = "system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, 'DejaVu Sans', sans-serif";
export const MONO = "ui-monospace, 'SF Mono', 'Cascadia Code', Menlo, Consolas, 'DejaVu Sans Mono', monospace";

/** Average advance of one character, in em: a monospace font's exact one, a sans font's typical one. */
const EM_PER_CHAR = { mono: 0.61, sans: 0.56, bold: 0.6 } as const;

/** How wide `text` runs in `font` at `size` px (an estimate on the generous side: text must not overflow). */
export function measureText(text: string, size: number, font: keyof typeof EM_PER_CHAR): number {
  return [...text].length * size * EM_PER_CHAR[font];
}

/** `text` cut with "…" to run at most `width` px. */
export function fitText(text: string, width: number, size: number, font: keyof typeof EM_PER_CHAR): string {
  const chars = [...text];
  const room = Math.floor(width / (size * EM_PER_CHAR[font]));
  if (chars.length <= room) return text;
  return room <= 1 ? "…" : `${chars.slice(0, room - 1).join("")}…`;
}

/** What XML 1.0 cannot hold at all (most control characters, lone surrogates, U+FFFE/FFFF). */
const NOT_XML = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;
const ENTITIES: Readonly<Record<string, string>> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&apos;" };

/**
 * `text` safe inside an XML element or a quoted attribute: markup characters as entities, and
 * characters XML cannot hold as U+FFFD, so no name or path can end an element or break the file.
 */
export function escapeXml(text: string): string {
  return text.replace(NOT_XML, "\uFFFD").replace(/[&<>"']/g, (ch) => ENTITIES[ch] ?? ch);
}

/** A number as SVG writes it: at most two decimals, no `-0`. */
export function num(value: number): string {
  const rounded = Math.round(value * 100) / 100;
  return Object.is(rounded, -0) ? "0" : String(rounded);
}
