import { beforeEach, describe, expect, it } from "vitest";
import { clampEditorWidth, DEFAULT_EXAMPLE, DEFAULT_EXAMPLE_NAME, EDITOR_WIDTH_MAX, EDITOR_WIDTH_MIN, useStore } from "./store.ts";

const initial = useStore.getState();

beforeEach(() => useStore.setState(initial, true));

describe("the store", () => {
  it("opens on the default example when nothing was saved", () => {
    const state = useStore.getState();
    expect(state.text).toBe(DEFAULT_EXAMPLE);
    expect(state.sourceName).toBe(DEFAULT_EXAMPLE_NAME);
    expect(state.revision).toBe(0);
    expect(state.sidePanelOpen).toBe(true);
  });

  it("counts every text change and records its origin", () => {
    const { setText } = useStore.getState();
    setText("FROM a\n", "editor");
    setText("FROM a\n", "canvas");
    const state = useStore.getState();
    expect(state.revision).toBe(2);
    expect(state.origin).toBe("canvas");
    expect(state.sourceName).toBe(DEFAULT_EXAMPLE_NAME);
  });

  it("keeps the view when the user types, and starts it afresh when a file is loaded", () => {
    const s = useStore.getState();
    s.pinNode("base", { x: 1, y: 2 });
    s.setTarget("builder");
    s.setBuildArg("NODE_VERSION", "20");
    s.select("base");
    s.setText(`${DEFAULT_EXAMPLE}RUN true\n`, "editor");
    expect(useStore.getState()).toMatchObject({ target: "builder", pinned: ["base"], selected: "base", buildArgs: { NODE_VERSION: "20" }, edited: true });

    s.setText("FROM c\n", "load", "c.Dockerfile");
    expect(useStore.getState()).toMatchObject({
      text: "FROM c\n",
      sourceName: "c.Dockerfile",
      positions: {},
      pinned: [],
      target: null,
      buildArgs: {},
      selected: null,
    });
  });

  it("sets and clears build-arg overrides, an empty value being an override too", () => {
    const { setBuildArg } = useStore.getState();
    setBuildArg("A", "1");
    setBuildArg("B", "");
    expect(useStore.getState().buildArgs).toEqual({ A: "1", B: "" });
    setBuildArg("A", null);
    expect(useStore.getState().buildArgs).toEqual({ B: "" });
    setBuildArg("missing", null);
    expect(useStore.getState().buildArgs).toEqual({ B: "" });
  });

  it("pins a node once, moving it on each drag", () => {
    const { pinNode } = useStore.getState();
    pinNode("a", { x: 1, y: 1 });
    pinNode("a", { x: 5, y: 6 });
    expect(useStore.getState().pinned).toEqual(["a"]);
    expect(useStore.getState().positions).toEqual({ a: { x: 5, y: 6 } });
  });

  it("tidies up by forgetting positions and pins, and fits the view", () => {
    const s = useStore.getState();
    s.setPositions({ a: { x: 1, y: 1 }, b: { x: 2, y: 2 } });
    s.pinNode("a", { x: 3, y: 3 });
    const fit = useStore.getState().fitNonce;
    s.tidyUp();
    expect(useStore.getState()).toMatchObject({ positions: {}, pinned: [], fitNonce: fit + 1 });
    s.fitView();
    expect(useStore.getState().fitNonce).toBe(fit + 2);
  });

  it("keeps the editor width between its bounds", () => {
    const { setEditorWidth } = useStore.getState();
    setEditorWidth(0.55);
    expect(useStore.getState().editorWidth).toBe(0.55);
    setEditorWidth(5);
    expect(useStore.getState().editorWidth).toBe(EDITOR_WIDTH_MAX);
    setEditorWidth(-1);
    expect(useStore.getState().editorWidth).toBe(EDITOR_WIDTH_MIN);
    expect(clampEditorWidth(Number.NEGATIVE_INFINITY)).toBe(EDITOR_WIDTH_MIN);
  });

  it("makes each reveal request distinct, even for the same range", () => {
    const { revealRange } = useStore.getState();
    revealRange(3, 9);
    const first = useStore.getState().reveal;
    revealRange(3, 9);
    const second = useStore.getState().reveal;
    expect(first).toMatchObject({ start: 3, end: 9 });
    expect(second).toMatchObject({ start: 3, end: 9 });
    expect(second?.nonce).not.toBe(first?.nonce);
  });

  it("links the editor and the canvas: selection, cursor stage, highlight", () => {
    const s = useStore.getState();
    s.select("image:alpine");
    s.setCursorStage("#1");
    s.setHighlight({ start: 1, end: 4 });
    expect(useStore.getState()).toMatchObject({ selected: "image:alpine", cursorStage: "#1", highlight: { start: 1, end: 4 } });
    s.setHighlight(null);
    s.setSidePanelOpen(false);
    s.setTheme("dark");
    expect(useStore.getState()).toMatchObject({ highlight: null, sidePanelOpen: false, theme: "dark" });
  });

  it("makes a new picture of a paste over most of the file, and brings the old one back on undo", () => {
    const s = useStore.getState();
    s.pinNode("base", { x: 1, y: 2 });
    s.setTarget("builder");
    s.setBuildArg("NODE_VERSION", "20");
    s.setViewport({ x: 5, y: 6, zoom: 0.7 });
    const before = useStore.getState();
    const pasted = "FROM golang:1.23 AS build\nRUN go build ./...\nFROM scratch\nCOPY --from=build /app /app\n";
    s.setText(pasted, "editor");
    expect(useStore.getState()).toMatchObject({
      text: pasted,
      sourceName: "pasted",
      edited: false,
      positions: {},
      pinned: [],
      target: null,
      buildArgs: {},
      viewport: null,
      pictureNonce: before.pictureNonce + 1,
    });
    s.setText(`${pasted}RUN true\n`, "editor");
    expect(useStore.getState()).toMatchObject({ sourceName: "pasted", edited: true, pictureNonce: before.pictureNonce + 1 });
    s.setText(pasted, "editor");

    // Undo of the paste: the old text, and its picture with it.
    s.setText(DEFAULT_EXAMPLE, "editor");
    expect(useStore.getState()).toMatchObject({
      sourceName: DEFAULT_EXAMPLE_NAME,
      positions: before.positions,
      pinned: ["base"],
      target: "builder",
      buildArgs: { NODE_VERSION: "20" },
      viewport: { x: 5, y: 6, zoom: 0.7 },
      pictureNonce: before.pictureNonce + 2,
    });
    // And redo: the pasted picture again.
    s.setText(pasted, "editor");
    expect(useStore.getState()).toMatchObject({ sourceName: "pasted", pinned: [], target: null });
  });

  it("treats a load as a new picture always, and a cleared editor as an untitled one", () => {
    const s = useStore.getState();
    s.setText(`${DEFAULT_EXAMPLE}# more\n`, "load", "mine.Dockerfile");
    expect(useStore.getState()).toMatchObject({ sourceName: "mine.Dockerfile", edited: false, pictureNonce: 1 });
    s.setText("", "editor");
    expect(useStore.getState()).toMatchObject({ sourceName: "untitled", pictureNonce: 2 });
    s.setText("F", "editor");
    expect(useStore.getState()).toMatchObject({ sourceName: "untitled", edited: true, pictureNonce: 2 });
  });
});

describe("applyEdits", () => {
  it("changes the text by the edits, tagged with their origin and label", () => {
    useStore.getState().setText("FROM a AS build\nFROM build\n", "load");
    const result = useStore.getState().applyEdits(
      [
        { range: { start: 10, end: 15 }, text: "make" },
        { range: { start: 21, end: 26 }, text: "make" },
      ],
      "canvas",
      "Rename stage build",
    );
    expect(result).toEqual({ ok: true });
    const state = useStore.getState();
    expect(state.text).toBe("FROM a AS make\nFROM make\n");
    expect(state.origin).toBe("canvas");
    expect(state.change).toMatchObject({ origin: "canvas", label: "Rename stage build", before: "FROM a AS build\nFROM build\n", revision: state.revision });
  });

  it("changes nothing when the edits cannot apply, and nothing for edits that change nothing", () => {
    useStore.getState().setText("FROM a\n", "load");
    const before = useStore.getState();
    expect(useStore.getState().applyEdits([{ range: { start: 3, end: 99 }, text: "" }], "lint").ok).toBe(false);
    expect(useStore.getState().applyEdits([{ range: { start: 0, end: 4 }, text: "FROM" }], "lint").ok).toBe(true);
    expect(useStore.getState().revision).toBe(before.revision);
    expect(useStore.getState().text).toBe("FROM a\n");
  });

  it("forgets the edits on a whole-text change, so nobody replays stale ones", () => {
    useStore.getState().applyEdits([{ range: { start: 0, end: 0 }, text: "# x\n" }], "canvas");
    expect(useStore.getState().change).not.toBeNull();
    useStore.getState().setText("FROM b\n", "editor");
    expect(useStore.getState().change).toBeNull();
  });

  it("hands undo and redo to the connected editor, and knows nothing to undo without one", () => {
    const calls: string[] = [];
    const s = useStore.getState();
    s.undo();
    s.connectHistory({ undo: () => calls.push("undo"), redo: () => calls.push("redo") });
    s.setHistoryState(true, false);
    useStore.getState().undo();
    useStore.getState().redo();
    expect(calls).toEqual(["undo", "redo"]);
    expect(useStore.getState().canUndo).toBe(true);
    s.connectHistory(null);
    expect(useStore.getState()).toMatchObject({ canUndo: false, canRedo: false });
  });
});
