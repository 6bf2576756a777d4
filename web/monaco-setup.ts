/**
 * Monaco, bundled with the app: the bare editor API, the Dockerfile grammar and a few
 * editor features a workshop uses (find, clipboard, context menu, comment toggle, line moves).
 * Hovers (+87 kB gzipped) wait until the editor shows diagnostics as markers.
 * Importing `monaco-editor` itself would pull in every language and its language service.
 * This module is imported only by the lazily loaded editor, so none of it delays first paint.
 */
import { loader } from "@monaco-editor/react";
import * as monaco from "monaco-editor/editor/editor.api";
import EditorWorker from "monaco-editor/editor/editor.worker?worker";
import "monaco-editor/languages/definitions/dockerfile/register";
import "monaco-editor/features/codicon/register";
import "monaco-editor/features/find/register";
import "monaco-editor/features/clipboard/register";
import "monaco-editor/features/contextmenu/register";
import "monaco-editor/features/comment/register";
import "monaco-editor/features/bracketMatching/register";
import "monaco-editor/features/wordHighlighter/register";
import "monaco-editor/features/linesOperations/register";

self.MonacoEnvironment = {
  getWorker: () => new EditorWorker(),
};

// Without this the loader fetches Monaco from a CDN.
loader.config({ monaco });

monaco.editor.defineTheme("stagecraft-light", {
  base: "vs",
  inherit: true,
  rules: [],
  colors: {
    "editor.background": "#ffffff",
    "editorLineNumber.foreground": "#6b7280",
    "editorLineNumber.activeForeground": "#111827",
    "editor.lineHighlightBackground": "#f3f6fb",
    "editorIndentGuide.background1": "#e5e7eb",
  },
});

export { monaco };
