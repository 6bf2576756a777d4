/**
 * One Monaco editor bound to the store: the text both ways (origins keep it from echoing), and
 * the links to the canvas (markers, the stage under the cursor, reveal and highlight requests).
 * Store offsets become Monaco positions only through text-map.ts.
 */
import { stageAtOffset, stageKey, type Analysis } from "../state/analysis.ts";
import { useStore, type AppState, type RevealRequest, type TextChange } from "../state/store.ts";
import { showDiagnostics } from "./markers.ts";
import { monaco } from "./monaco-setup.ts";
import { carryModelEdit, findModelEdit, indexLines, indexLinesCached, toBlockRange, toLineSpan, toOffset, toRange } from "./text-map.ts";

type CodeEditor = monaco.editor.IStandaloneCodeEditor;

// Kept in step with --font-mono in styles.css; Monaco measures glyphs itself and needs the list.
const MONO_FONTS = 'ui-monospace, "SF Mono", "Cascadia Code", Menlo, Consolas, "DejaVu Sans Mono", monospace';

const MODEL_URI = monaco.Uri.parse("inmemory://stagecraft/Dockerfile");

/** Class names of our decorations (styled in editor.css, read by the test hook). */
export const DECORATION = {
  stage: "sc-stage-bar",
  highlight: "sc-highlight",
  highlightLine: "sc-highlight-line",
  highlightGutter: "sc-highlight-gutter",
} as const;

// Amber in both themes, like the highlight itself (editor.css); the overview ruler needs a colour value.
const HIGHLIGHT_RULER = "#f59e0b";

/**
 * The store text the model shows. `model` is null when the model holds exactly that text, else
 * the model's own text: Monaco normalizes mixed line breaks and keeps a byte-order mark apart.
 */
interface Mirror {
  readonly text: string;
  readonly model: string | null;
}

function lineBreakOf(text: string): monaco.editor.EndOfLineSequence {
  return text.includes("\r\n") ? monaco.editor.EndOfLineSequence.CRLF : monaco.editor.EndOfLineSequence.LF;
}

export class EditorBinding {
  readonly editor: CodeEditor;
  readonly model: monaco.editor.ITextModel;
  private mirror: Mirror;
  /** True while we apply a store change, so the model's change event does not send it back. */
  private applying = false;
  /** True while we hand the store a change the user made, so the store's event does not come back. */
  private sending = false;
  private analysis: Analysis | null = null;
  private highlightRange: { start: number; end: number } | null = null;
  private stageLines = "";
  private readonly stageBar: monaco.editor.IEditorDecorationsCollection;
  private readonly highlightMarks: monaco.editor.IEditorDecorationsCollection;
  private readonly disposers: Array<() => void> = [];

  constructor(host: HTMLElement) {
    const text = useStore.getState().text;
    monaco.editor.getModel(MODEL_URI)?.dispose();
    this.model = monaco.editor.createModel(text, "dockerfile", MODEL_URI);
    // A file with no line break yet would otherwise get the platform's (CRLF on Windows).
    if (!text.includes("\r\n")) this.model.setEOL(monaco.editor.EndOfLineSequence.LF);
    this.mirror = this.mirrorOf(text);
    this.editor = monaco.editor.create(host, {
      model: this.model,
      ariaLabel: "Dockerfile editor",
      fontFamily: MONO_FONTS,
      fontSize: 14,
      lineHeight: 21,
      minimap: { enabled: false },
      scrollBeyondLastLine: false,
      renderLineHighlight: "line",
      // Dots in every selected blank would clutter a stage revealed from the canvas.
      renderWhitespace: "trailing",
      padding: { top: 12, bottom: 12 },
      automaticLayout: true,
      tabSize: 4,
      insertSpaces: true,
      wordWrap: "off",
      fixedOverflowWidgets: true,
      lineDecorationsWidth: 14,
      scrollbar: { verticalScrollbarSize: 10, horizontalScrollbarSize: 10 },
    });
    this.stageBar = this.editor.createDecorationsCollection();
    this.highlightMarks = this.editor.createDecorationsCollection();

    const content = this.model.onDidChangeContent((event) => {
      this.sendUserEdit(event.isUndoing || event.isRedoing);
      this.reportHistory();
    });
    const cursor = this.editor.onDidChangeCursorPosition(() => this.updateCursorStage());
    const store = useStore.subscribe((state, previous) => {
      if (state.revision !== previous.revision && !this.sending) this.applyStoreChange(state, previous.text);
    });
    const { connectHistory } = useStore.getState();
    // Through the editor, not the model: Monaco then puts the cursor back where the change was.
    connectHistory({ undo: () => this.editor.trigger("toolbar", "undo", null), redo: () => this.editor.trigger("toolbar", "redo", null) });
    this.reportHistory();
    this.disposers.push(
      () => content.dispose(),
      () => cursor.dispose(),
      store,
      () => connectHistory(null),
    );
  }

  private reportHistory(): void {
    useStore.getState().setHistoryState(this.model.canUndo(), this.model.canRedo());
  }

  dispose(): void {
    for (const dispose of this.disposers) dispose();
    this.editor.dispose();
    this.model.dispose();
  }

  private mirrorOf(text: string): Mirror {
    const model = this.model.getValue();
    return { text, model: model === text ? null : model };
  }

  /** True when the model shows the store's current text, so store offsets apply to it. */
  private inSync(): boolean {
    return this.mirror.text === useStore.getState().text;
  }

  /** A change the user made in Monaco (typing, paste; undo and redo as 'history') goes to the store. */
  private sendUserEdit(history: boolean): void {
    if (this.applying) return;
    const value = this.model.getValue();
    const previous = this.mirror;
    const text = previous.model === null ? value : carryModelEdit(previous.text, previous.model, value);
    this.mirror = { text, model: text === value ? null : value };
    if (text === useStore.getState().text) return;
    this.sending = true;
    try {
      useStore.getState().setText(text, history ? "history" : "editor");
    } finally {
      this.sending = false;
    }
  }

  /**
   * A change from elsewhere. A load replaces the whole text. Edits from `applyEdits` become the
   * same edits as Monaco operations, all in one undo step, so the cursor, the scroll position and
   * the undo stack survive and one Ctrl+Z takes the whole gesture back. Anything else becomes the
   * one operation that covers what changed.
   */
  private applyStoreChange(state: AppState, before: string): void {
    const text = state.text;
    if (text === this.mirror.text) return;
    this.applying = true;
    try {
      this.editor.pushUndoStop();
      if (state.origin === "load") {
        this.model.pushEOL(lineBreakOf(text));
        this.editor.executeEdits(state.origin, [{ range: this.model.getFullModelRange(), text: text.replace(/^\uFEFF/, "") }]);
        this.editor.setPosition({ lineNumber: 1, column: 1 });
        this.editor.revealLine(1);
      } else {
        const change = state.change;
        if (change !== null && change.revision === state.revision && change.before === before && before === this.mirror.text) this.executeChange(change);
        // Whatever the operations left different (line breaks Monaco normalized its own way), in the same step.
        const rest = findModelEdit(this.modelAsStore(), text);
        if (rest !== null) this.editor.executeEdits(state.origin, [{ range: rest.range, text: rest.text, forceMoveMarkers: true }]);
      }
      this.editor.pushUndoStop();
    } finally {
      this.applying = false;
    }
    this.mirror = this.mirrorOf(text);
    this.reportHistory();
  }

  /** The edits of `change` as Monaco operations on the model, which shows `change.before`. */
  private executeChange(change: TextChange): void {
    const lines = indexLines(change.before);
    const operations = change.edits.map((edit) => ({
      range: toRange(lines, edit.range.start, edit.range.end),
      // Monaco keeps a byte-order mark apart from its text; inserting one would show a stray character.
      text: edit.range.start === 0 ? edit.text.replace(/^\uFEFF/, "") : edit.text,
      forceMoveMarkers: true,
    }));
    this.editor.executeEdits(change.origin, operations);
  }

  /**
   * The model's text as a store text, for comparing with the store: the model's own text when
   * the mirror holds none apart, else the store text carried through the model's change.
   */
  private modelAsStore(): string {
    const value = this.model.getValue();
    const { text, model } = this.mirror;
    return model === null ? value : carryModelEdit(text, model, value);
  }

  /** Shows what the analysis found, if it is of the text the model shows now (else a newer one is on its way). */
  showAnalysis(analysis: Analysis): void {
    this.analysis = analysis;
    if (analysis.tree.source !== this.mirror.text) return;
    showDiagnostics(this.model, indexLinesCached(analysis.tree.source), analysis.problems);
    this.updateCursorStage();
    this.renderHighlight(false);
  }

  /** Tells the canvas which stage holds the cursor, and marks that stage's lines in the gutter. */
  private updateCursorStage(): void {
    const analysis = this.analysis;
    const position = this.editor.getPosition();
    // Mid-apply the model is ahead of the mirror; the analysis of the new text will come.
    if (this.applying || analysis === null || position === null || analysis.tree.source !== this.mirror.text) return;
    const lines = indexLinesCached(analysis.tree.source);
    const stage = stageAtOffset(analysis.graph, toOffset(lines, position));
    const span = stage === null ? null : toLineSpan(lines, stage.range.start, stage.range.end);
    const key = span === null ? "" : `${span.startLine}:${span.endLine}`;
    if (key !== this.stageLines) {
      this.stageLines = key;
      this.stageBar.set(
        span === null
          ? []
          : [
              {
                range: new monaco.Range(span.startLine, 1, span.endLine, 1),
                options: { isWholeLine: true, linesDecorationsClassName: DECORATION.stage },
              },
            ],
      );
    }
    const stageName = stage === null ? null : stageKey(stage);
    const store = useStore.getState();
    if (store.cursorStage !== stageName) store.setCursorStage(stageName);
  }

  /**
   * Selects and centres a range (a node clicked on the canvas). The focus stays where it is, so
   * keys keep going to the canvas; Monaco shows the selection in its unfocused colour.
   */
  reveal(request: RevealRequest): void {
    if (!this.inSync()) return;
    const lines = indexLinesCached(this.mirror.text);
    const range = toBlockRange(lines, request.start, request.end);
    const span = toLineSpan(lines, request.start, request.end);
    const selection = new monaco.Selection(range.startLineNumber, range.startColumn, range.endLineNumber, range.endColumn);
    this.editor.setSelection(selection);
    const visible = this.editor.getVisibleRanges()[0];
    const visibleLines = visible === undefined ? 0 : visible.endLineNumber - visible.startLineNumber;
    // A stage taller than the view shows from its first line; a shorter one sits in the middle.
    if (span.endLine - span.startLine + 1 < visibleLines) this.editor.revealRangeInCenter(selection, monaco.editor.ScrollType.Smooth);
    else this.editor.revealRangeAtTop(selection, monaco.editor.ScrollType.Smooth);
  }

  /** Marks a range (an edge hovered on the canvas), or clears the mark for null. */
  highlight(range: { start: number; end: number } | null): void {
    this.highlightRange = range;
    this.renderHighlight(true);
  }

  private renderHighlight(reveal: boolean): void {
    const range = this.highlightRange;
    if (range === null || !this.inSync()) {
      this.highlightMarks.clear();
      return;
    }
    const lines = indexLinesCached(this.mirror.text);
    const exact = toBlockRange(lines, range.start, range.end);
    const span = toLineSpan(lines, range.start, range.end);
    this.highlightMarks.set([
      {
        range: new monaco.Range(span.startLine, 1, span.endLine, 1),
        options: {
          isWholeLine: true,
          className: DECORATION.highlightLine,
          linesDecorationsClassName: DECORATION.highlightGutter,
          overviewRuler: { color: HIGHLIGHT_RULER, position: monaco.editor.OverviewRulerLane.Center },
        },
      },
      { range: exact, options: { className: DECORATION.highlight } },
    ]);
    if (reveal) this.editor.revealRangeInCenterIfOutsideViewport(exact, monaco.editor.ScrollType.Smooth);
  }
}
