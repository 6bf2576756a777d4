/**
 * The cache overlay in the editor: the lines of every instruction that re-runs get a red bar
 * in the gutter and a tint. Store offsets become Monaco ranges only through text-map.ts.
 */
import type { ExplainMarks } from "../explain/explain-store.ts";
import { monaco } from "./monaco-setup.ts";
import { indexLinesCached, toLineSpan } from "./text-map.ts";

export const RERUN_CLASS = "sc-rerun-line";

/** Marks the re-run instructions, if the marks are of the text the editor shows; else clears. */
export function showRerunMarks(collection: monaco.editor.IEditorDecorationsCollection, marks: ExplainMarks, text: string): void {
  if (marks.rerun.length === 0 || marks.source !== text) {
    collection.clear();
    return;
  }
  const lines = indexLinesCached(text);
  collection.set(
    marks.rerun.map((r) => {
      // The instruction's range ends after its newline: stop on its last character.
      const span = toLineSpan(lines, r.start, Math.max(r.start, r.end - 1));
      return {
        range: new monaco.Range(span.startLine, 1, span.endLine, 1),
        options: {
          isWholeLine: true,
          className: RERUN_CLASS,
          linesDecorationsClassName: `${RERUN_CLASS}-gutter`,
          overviewRuler: { color: "#dc2626", position: monaco.editor.OverviewRulerLane.Left },
        },
      };
    }),
  );
}
