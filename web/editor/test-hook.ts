/**
 * `window.__stagecraftEditor`: what browser tests read from Monaco that its DOM does not show
 * reliably (the whole text, the selection, markers, our decorations). Read-only, present only
 * while an editor is mounted, in dev and production builds alike.
 */
import type { Severity } from "../../src/index.ts";
import { DECORATION, type EditorBinding } from "./editor-binding.ts";
import { MARKER_OWNER, severityName } from "./markers.ts";
import { monaco } from "./monaco-setup.ts";
import { RERUN_CLASS } from "./rerun-marks.ts";

export interface EditorTestHook {
  /** The text in the editor. */
  getValue(): string;
  /** The primary selection (1-based lines and columns); null before the editor has one. */
  getSelection(): { startLine: number; startColumn: number; endLine: number; endColumn: number } | null;
  /** Our diagnostic markers, in source order. */
  getMarkers(): Array<{ line: number; endLine: number; severity: Severity; message: string; code: string }>;
  /** Our decorations (classes in DECORATION): the cursor stage's gutter bar, the highlight. */
  getDecorations(): Array<{ className: string; startLine: number; endLine: number }>;
  /** Whether the editor has the keyboard focus. */
  hasFocus(): boolean;
}

declare global {
  interface Window {
    __stagecraftEditor?: EditorTestHook;
  }
}

const OUR_CLASSES = new Set<string>([...Object.values(DECORATION), RERUN_CLASS]);

function markerCode(code: monaco.editor.IMarker["code"]): string {
  if (code === undefined) return "";
  return typeof code === "string" ? code : code.value;
}

/** Installs the hook for `binding`; the returned function removes it (if it is still ours). */
export function installTestHook(binding: EditorBinding): () => void {
  const { editor, model } = binding;
  const hook: EditorTestHook = {
    getValue: () => model.getValue(),
    getSelection: () => {
      const s = editor.getSelection();
      return s === null ? null : { startLine: s.startLineNumber, startColumn: s.startColumn, endLine: s.endLineNumber, endColumn: s.endColumn };
    },
    getMarkers: () =>
      monaco.editor
        .getModelMarkers({ owner: MARKER_OWNER, resource: model.uri })
        .map((m) => ({ line: m.startLineNumber, endLine: m.endLineNumber, severity: severityName(m.severity), message: m.message, code: markerCode(m.code) }))
        .sort((a, b) => a.line - b.line),
    getDecorations: () =>
      (editor.getDecorationsInRange(model.getFullModelRange()) ?? []).flatMap((d) =>
        [d.options.className, d.options.linesDecorationsClassName]
          .filter((c): c is string => typeof c === "string" && OUR_CLASSES.has(c))
          .map((className) => ({ className, startLine: d.range.startLineNumber, endLine: d.range.endLineNumber })),
      ),
    hasFocus: () => editor.hasTextFocus(),
  };
  window.__stagecraftEditor = hook;
  return () => {
    if (window.__stagecraftEditor === hook) delete window.__stagecraftEditor;
  };
}
