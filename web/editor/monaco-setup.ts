/**
 * Monaco, bundled with the app: the bare editor API, the Dockerfile grammar and the editor
 * features a workshop uses (find, clipboard, context menu, comment toggle, line moves, hovers
 * so a squiggle explains itself, and code actions for quick fixes). Importing `monaco-editor` itself would pull in every language
 * and its language service. Only the lazily loaded editor imports this module, so none of it
 * delays the first graph; and the editor is created from this bundle directly, so nothing is ever
 * fetched from a CDN.
 */
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
import "monaco-editor/features/hover/register";
import "monaco-editor/features/suggest/register";
// Quick fixes for lint findings: the light bulb and Ctrl+. (web/editor/quick-fixes.ts).
import "monaco-editor/features/codeAction/register";

self.MonacoEnvironment = {
  getWorker: () => new EditorWorker(),
};

export { monaco };
