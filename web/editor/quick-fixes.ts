/**
 * Lint quick fixes as Monaco code actions: the light bulb and Ctrl+. offer, for each finding under
 * the cursor, its fix (preferred) and its suppression. Choosing one runs a command that applies
 * the edits through the store (`applyQuickFix`), never Monaco's own workspace edit, so the change
 * has an origin and is one undo step like every other change to the text.
 */
import type { QuickFix } from "../../src/index.ts";
import { currentAnalysis } from "../state/analysis.ts";
import { applyQuickFix } from "../state/quick-fix.ts";
import { useStore } from "../state/store.ts";
import { monaco } from "./monaco-setup.ts";
import { indexLinesCached, toRange } from "./text-map.ts";

const COMMAND = "stagecraft.applyQuickFix";

let registered = false;

function toMonacoRange(r: { startLineNumber: number; startColumn: number; endLineNumber: number; endColumn: number }): monaco.Range {
  return new monaco.Range(r.startLineNumber, r.startColumn, r.endLineNumber, r.endColumn);
}

/** Registers the command and the code action provider once for the `dockerfile` language. */
export function registerQuickFixes(): void {
  if (registered) return;
  registered = true;
  monaco.editor.registerCommand(COMMAND, (_accessor, fix: QuickFix, source: string) => {
    applyQuickFix(fix, source);
  });
  monaco.languages.registerCodeActionProvider(
    "dockerfile",
    {
      provideCodeActions: (_model, range, context) => {
        const analysis = currentAnalysis();
        const source = analysis.tree.source;
        // The text is ahead of the analysis (a key was just typed): offer nothing until it catches up.
        if (useStore.getState().text !== source) return { actions: [], dispose: () => {} };
        const lines = indexLinesCached(source);
        const actions: monaco.languages.CodeAction[] = [];
        const offered = new Set<string>();
        for (const problem of analysis.problems) {
          if (problem.fix === undefined && problem.suppress === undefined) continue;
          const at = toMonacoRange(toRange(lines, problem.range.start, problem.range.end));
          if (!monaco.Range.areIntersectingOrTouching(at, range)) continue;
          const marker = context.markers.find((m) => m.code === problem.code && m.startLineNumber === at.startLineNumber && m.message === problem.message);
          const diagnostics = marker === undefined ? undefined : [marker];
          for (const [fix, preferred] of [
            [problem.fix, true],
            [problem.suppress, false],
          ] as const) {
            if (fix === undefined) continue;
            // Two rules can want the same change (JSONArgsRecommended and DL3025 on one CMD): offer it once.
            const key = `${fix.title}\u0000${JSON.stringify(fix.edits)}`;
            if (offered.has(key)) continue;
            offered.add(key);
            actions.push({ title: fix.title, kind: "quickfix", isPreferred: preferred, diagnostics, command: { id: COMMAND, title: fix.title, arguments: [fix, source] } });
          }
        }
        return { actions, dispose: () => {} };
      },
    },
    { providedCodeActionKinds: ["quickfix"] },
  );
}
