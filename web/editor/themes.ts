/**
 * Monaco's two themes, "stagecraft-light" and "stagecraft-dark", coloured from the app's CSS
 * variables so the editor sits in its pane like the rest of the page. Monaco takes only hex
 * colours; a variable in another notation falls back to the palette below.
 */
import type { Theme } from "../state/store.ts";
import { monaco } from "./monaco-setup.ts";

interface Palette {
  readonly surface: string;
  readonly text: string;
  readonly muted: string;
  readonly border: string;
  readonly accent: string;
  readonly accentSoft: string;
  readonly error: string;
  readonly warning: string;
  readonly info: string;
}

// What web/styles.css declares; used until (or where) the variables cannot be read as hex.
const FALLBACK: Record<Theme, Palette> = {
  light: {
    surface: "#ffffff",
    text: "#111827",
    muted: "#4b5563",
    border: "#dde2ea",
    accent: "#1d4ed8",
    accentSoft: "#eff4ff",
    error: "#b91c1c",
    warning: "#92400e",
    info: "#1e40af",
  },
  dark: {
    surface: "#161b22",
    text: "#e6edf3",
    muted: "#8b949e",
    border: "#30363d",
    accent: "#58a6ff",
    accentSoft: "#1c2a3d",
    error: "#f87171",
    warning: "#fbbf24",
    info: "#60a5fa",
  },
};

const VARIABLES: Record<keyof Palette, string> = {
  surface: "--surface",
  text: "--text",
  muted: "--text-muted",
  border: "--border",
  accent: "--accent",
  accentSoft: "--accent-soft",
  error: "--error",
  warning: "--warning",
  info: "--info",
};

/** `#rgb` or `#rrggbb` as `#rrggbb`; null for anything else. */
function toHex6(value: string): string | null {
  const v = value.trim().toLowerCase();
  if (/^#[0-9a-f]{6}$/.test(v)) return v;
  if (/^#[0-9a-f]{3}$/.test(v)) return `#${[...v.slice(1)].map((c) => c + c).join("")}`;
  return null;
}

/** The palette the page shows now, when <html> is already in `theme`; else the fallback. */
function readPalette(theme: Theme): Palette {
  const fallback = FALLBACK[theme];
  if (document.documentElement.dataset["theme"] !== theme) return fallback;
  const style = getComputedStyle(document.documentElement);
  const entries = Object.entries(VARIABLES).map(([key, variable]) => [
    key,
    toHex6(style.getPropertyValue(variable)) ?? fallback[key as keyof Palette],
  ]);
  return Object.fromEntries(entries) as unknown as Palette;
}

function themeData(theme: Theme, p: Palette): monaco.editor.IStandaloneThemeData {
  const dark = theme === "dark";
  return {
    base: dark ? "vs-dark" : "vs",
    inherit: true,
    // Instruction keywords in the accent, as the canvas and the panels show them.
    // vs-dark's comment green (#608b4e) is under 4.5:1 on our dark surfaces; this one is 6.6:1 or better.
    rules: [{ token: "keyword", foreground: p.accent.slice(1) }, ...(dark ? [{ token: "comment", foreground: "86c06f" }] : [])],
    colors: {
      "editor.background": p.surface,
      "editor.foreground": p.text,
      "editorGutter.background": p.surface,
      "editorLineNumber.foreground": p.muted,
      "editorLineNumber.activeForeground": p.text,
      "editor.lineHighlightBackground": p.accentSoft,
      "editor.lineHighlightBorder": `${p.accentSoft}00`,
      "editor.selectionBackground": `${p.accent}${dark ? "55" : "33"}`,
      // A stage revealed from the canvas is selected while the canvas keeps the focus.
      "editor.inactiveSelectionBackground": `${p.accent}${dark ? "40" : "26"}`,
      "editorIndentGuide.background1": p.border,
      "editorWidget.background": p.surface,
      "editorWidget.border": p.border,
      "editorHoverWidget.background": p.surface,
      "editorHoverWidget.border": p.border,
      "editorHoverWidget.foreground": p.text,
      "editorError.foreground": p.error,
      "editorWarning.foreground": p.warning,
      "editorInfo.foreground": p.info,
      "editorOverviewRuler.border": `${p.border}00`,
      focusBorder: p.accent,
    },
  };
}

/** Shows the editor in `theme`, coloured from the page's variables for that theme. */
export function applyTheme(theme: Theme): void {
  const name = `stagecraft-${theme}`;
  monaco.editor.defineTheme(name, themeData(theme, readPalette(theme)));
  monaco.editor.setTheme(name);
}
