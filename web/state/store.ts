import { create } from "zustand";
import type { TextEdit } from "../../src/index.ts";
import { EXAMPLES } from "../examples/index.ts";
import { isNewText, keepPicture, nameNewText, type Picture, type Viewport } from "./new-picture.ts";
import { restoreSession, type SavedSession } from "./persist.ts";
import { applyEditsToText, type TextChange, type TextOrigin } from "./text-change.ts";

export type { Viewport } from "./new-picture.ts";
export type { TextChange, TextOrigin } from "./text-change.ts";

export interface Point {
  readonly x: number;
  readonly y: number;
}

export type Theme = "light" | "dark";

/** A request for the editor to reveal and select a range; `nonce` makes repeats distinct. */
export interface RevealRequest {
  readonly start: number;
  readonly end: number;
  readonly nonce: number;
}

export interface DocumentSlice {
  /** The Dockerfile text: the single source of truth of the app. */
  readonly text: string;
  readonly origin: TextOrigin;
  /** Grows by one on every change, so consumers can tell changes apart even when the text repeats. */
  readonly revision: number;
  /** Where the last loaded text came from ("node-pnpm.Dockerfile", a file name, "pasted"). */
  readonly sourceName: string;
  /** Whether the text was changed since it was loaded or pasted. */
  readonly edited: boolean;
  /**
   * Bumped when a change makes a new picture (a load, a paste over most of the file, an undo of
   * one): the canvas then lays out afresh, or shows the picture it had for that text before.
   */
  readonly pictureNonce: number;
  /** The views of the texts replaced by new pictures, newest first: undo brings them back. */
  readonly pictures: readonly Picture[];
  /** The edits of the last change when it came through `applyEdits`; null after a whole-text change. */
  readonly change: TextChange | null;
  /**
   * The one way to change part of the text (a canvas gesture, a quick fix, a lesson step): the
   * edits' ranges refer to the current text. The editor applies them as Monaco edit operations, one
   * undo step per call. Overlapping or out-of-range edits change nothing and return the reason.
   */
  readonly applyEdits: (edits: readonly TextEdit[], origin: TextOrigin, label?: string) => { ok: true } | { ok: false; reason: string };
  /**
   * Replaces the whole text: for loading a new file ('load'), and for the editor reporting what
   * the user typed ('editor', 'history'). Anything else changes the text through `applyEdits`.
   */
  readonly setText: (text: string, origin: TextOrigin, sourceName?: string) => void;
}

/**
 * Undo and redo: one history, Monaco's. The editor connects itself as the driver while it is
 * mounted, so the toolbar's buttons undo typing and gestures alike.
 */
export interface HistorySlice {
  readonly canUndo: boolean;
  readonly canRedo: boolean;
  readonly undo: () => void;
  readonly redo: () => void;
  /** Called by the editor: its undo/redo, or null when it unmounts. */
  readonly connectHistory: (driver: HistoryDriver | null) => void;
  /** Called by the editor after every change of its undo stack. */
  readonly setHistoryState: (canUndo: boolean, canRedo: boolean) => void;
}

export interface HistoryDriver {
  readonly undo: () => void;
  readonly redo: () => void;
}

/**
 * View state that is not Dockerfile: saved beside the text and restored on reload. Node keys
 * are `nodeKey()` values (stage name, `#index` for unnamed stages, `image:REF`), so positions
 * follow a stage through edits that keep its name.
 */
export interface ViewSlice {
  /** `--target` as the user chose it; null means BuildKit's default, the last stage. */
  readonly target: string | null;
  /** `--build-arg` overrides of global ARG defaults. */
  readonly buildArgs: Readonly<Record<string, string>>;
  /** Where each node stands on the canvas (top-left, flow coordinates). */
  readonly positions: Readonly<Record<string, Point>>;
  /** Keys of nodes the user dragged: layout never moves them. */
  readonly pinned: readonly string[];
  /** Pan and zoom of the canvas; null: fit the graph when it is drawn. */
  readonly viewport: Viewport | null;
  readonly theme: Theme;
  /** Width of the editor pane as a fraction of the space the editor and the canvas share. */
  readonly editorWidth: number;
  /** Whether the details panel beside the canvas is open. */
  readonly sidePanelOpen: boolean;
  readonly setTarget: (target: string | null) => void;
  readonly setBuildArg: (name: string, value: string | null) => void;
  readonly setPositions: (positions: Readonly<Record<string, Point>>) => void;
  /** A drag ended: the node stays where the user put it. */
  readonly pinNode: (key: string, at: Point) => void;
  readonly setViewport: (viewport: Viewport) => void;
  /** "Tidy up": forget all positions and pins, so the next layout places everything afresh. */
  readonly tidyUp: () => void;
  readonly setTheme: (theme: Theme) => void;
  readonly setEditorWidth: (fraction: number) => void;
  readonly setSidePanelOpen: (open: boolean) => void;
}

/** Links between the editor and the canvas; not saved. */
export interface LinkSlice {
  /** The node the user selected on the canvas. */
  readonly selected: string | null;
  /** The stage under the editor's cursor. */
  readonly cursorStage: string | null;
  /** A source range to highlight in the editor (an edge being hovered). */
  readonly highlight: { readonly start: number; readonly end: number } | null;
  readonly reveal: RevealRequest | null;
  /** Bumped by "fit to view". */
  readonly fitNonce: number;
  readonly select: (key: string | null) => void;
  readonly setCursorStage: (key: string | null) => void;
  readonly setHighlight: (range: { start: number; end: number } | null) => void;
  readonly revealRange: (start: number, end: number) => void;
  readonly fitView: () => void;
}

export type AppState = DocumentSlice & ViewSlice & LinkSlice & HistorySlice;

/** The built-in example the page opens with. */
export const DEFAULT_EXAMPLE = EXAMPLES[0]!.text;
export const DEFAULT_EXAMPLE_NAME = `${EXAMPLES[0]!.id}.Dockerfile`;

export const EDITOR_WIDTH_MIN = 0.2;
export const EDITOR_WIDTH_MAX = 0.8;

/** Keeps the editor and the canvas both usable, whatever was stored or dragged. */
export function clampEditorWidth(fraction: number): number {
  return Math.min(EDITOR_WIDTH_MAX, Math.max(EDITOR_WIDTH_MIN, fraction));
}

function initialState(saved: SavedSession | null) {
  return {
    text: saved?.text ?? DEFAULT_EXAMPLE,
    origin: "load" as TextOrigin,
    revision: 0,
    sourceName: saved?.sourceName ?? DEFAULT_EXAMPLE_NAME,
    edited: false,
    pictureNonce: 0,
    pictures: [] as readonly Picture[],
    viewport: saved?.viewport ?? null,
    target: saved?.target ?? null,
    buildArgs: saved?.buildArgs ?? {},
    positions: saved?.positions ?? {},
    pinned: saved?.pinned ?? [],
    theme: saved?.theme ?? "light",
    editorWidth: clampEditorWidth(saved?.editorWidth ?? 0.42),
    sidePanelOpen: saved?.sidePanelOpen ?? true,
  };
}

function pictureOf(state: AppState): Picture {
  const { text, sourceName, edited, target, buildArgs, positions, pinned, viewport } = state;
  return { text, sourceName, edited, target, buildArgs, positions, pinned, viewport };
}

/** Held beside the store, not in it: a driver is behaviour, not state to render or save. */
let history: HistoryDriver | null = null;

/** The app's one store, built from slices; components read narrow slices (`useStore((s) => s.text)`). */
export const useStore = create<AppState>()((set, get) => ({
  ...initialState(restoreSession()),
  change: null,
  applyEdits: (edits, origin, label) => {
    const state = get();
    const result = applyEditsToText(state.text, edits, { origin, label: label ?? null, revision: state.revision + 1 });
    if (!result.ok) return result;
    if (result.text !== state.text) set({ text: result.text, origin, revision: result.change.revision, change: result.change, edited: true });
    return { ok: true };
  },
  setText: (text, origin, sourceName) =>
    set((state) => {
      const change = { text, origin, revision: state.revision + 1, change: null };
      if (origin !== "load" && !isNewText(state.text, text)) return { ...change, sourceName: sourceName ?? state.sourceName, edited: true };
      // A new file has nothing in common with the old view: its picture starts afresh, unless
      // this text had one before (an undo of a paste), and the old one is kept for the way back.
      const back = state.pictures.find((p) => p.text === text);
      const view: Omit<Picture, "text"> = back ?? {
        sourceName: sourceName ?? nameNewText(text),
        edited: false,
        target: null,
        buildArgs: {},
        positions: {},
        pinned: [],
        viewport: null,
      };
      return {
        ...change,
        ...view,
        sourceName: sourceName ?? view.sourceName,
        pictures: keepPicture(state.pictures, pictureOf(state)).filter((p) => p.text !== text),
        pictureNonce: state.pictureNonce + 1,
        selected: null,
      };
    }),

  setTarget: (target) => set({ target }),
  setBuildArg: (name, value) =>
    set((state) => {
      const buildArgs = { ...state.buildArgs };
      if (value === null) delete buildArgs[name];
      else buildArgs[name] = value;
      return { buildArgs };
    }),
  setPositions: (positions) => set({ positions }),
  pinNode: (key, at) =>
    set((state) => ({
      positions: { ...state.positions, [key]: at },
      pinned: state.pinned.includes(key) ? state.pinned : [...state.pinned, key],
    })),
  setViewport: (viewport) => set({ viewport }),
  tidyUp: () => set((state) => ({ positions: {}, pinned: [], fitNonce: state.fitNonce + 1 })),
  setTheme: (theme) => set({ theme }),
  setEditorWidth: (fraction) => set({ editorWidth: clampEditorWidth(fraction) }),
  setSidePanelOpen: (sidePanelOpen) => set({ sidePanelOpen }),

  selected: null,
  cursorStage: null,
  highlight: null,
  reveal: null,
  fitNonce: 0,
  select: (selected) => set({ selected }),
  setCursorStage: (cursorStage) => set({ cursorStage }),
  setHighlight: (highlight) => set({ highlight }),
  revealRange: (start, end) => set((state) => ({ reveal: { start, end, nonce: (state.reveal?.nonce ?? 0) + 1 } })),
  fitView: () => set((state) => ({ fitNonce: state.fitNonce + 1 })),

  canUndo: false,
  canRedo: false,
  undo: () => history?.undo(),
  redo: () => history?.redo(),
  connectHistory: (driver) => {
    history = driver;
    if (driver === null) set({ canUndo: false, canRedo: false });
  },
  setHistoryState: (canUndo, canRedo) => {
    if (get().canUndo !== canUndo || get().canRedo !== canRedo) set({ canUndo, canRedo });
  },
}));
