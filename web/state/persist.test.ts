import { afterEach, describe, expect, it, vi } from "vitest";
import { parseSession, restoreSession, saveSession, STORAGE_KEY, startAutosave, toSession, type SavedSession } from "./persist.ts";
import type { AppState } from "./store.ts";

const FULL: SavedSession = {
  text: "FROM alpine AS a\n",
  sourceName: "a.Dockerfile",
  target: "a",
  buildArgs: { VARIANT: "slim" },
  positions: { a: { x: 10, y: 20 }, "image:alpine": { x: 0, y: -40 } },
  pinned: ["a"],
  viewport: { x: -20, y: 40, zoom: 0.5 },
  theme: "dark",
  editorWidth: 0.5,
  sidePanelOpen: false,
};

describe("parseSession", () => {
  it("round-trips a complete session", () => {
    expect(parseSession(JSON.stringify(FULL))).toEqual(FULL);
  });

  it("returns null for nothing stored, corrupt JSON, and JSON that is not an object", () => {
    expect(parseSession(null)).toBeNull();
    expect(parseSession("")).toBeNull();
    expect(parseSession("{\"text\": \"FROM a\"")).toBeNull();
    expect(parseSession("not json")).toBeNull();
    expect(parseSession("null")).toBeNull();
    expect(parseSession("42")).toBeNull();
    expect(parseSession("\"FROM a\"")).toBeNull();
  });

  it("returns null without a text: the text is what a session is for", () => {
    expect(parseSession(JSON.stringify({ ...FULL, text: undefined }))).toBeNull();
    expect(parseSession(JSON.stringify({ ...FULL, text: 12 }))).toBeNull();
    expect(parseSession(JSON.stringify({ ...FULL, text: null }))).toBeNull();
  });

  it("keeps an empty text: the user may have cleared the editor", () => {
    expect(parseSession(JSON.stringify({ text: "" }))?.text).toBe("");
  });

  it("fills every missing field with its default (a partial session, or an older version)", () => {
    expect(parseSession(JSON.stringify({ text: "FROM a" }))).toEqual({
      text: "FROM a",
      sourceName: "Dockerfile",
      target: null,
      buildArgs: {},
      positions: {},
      pinned: [],
      viewport: null,
      theme: "light",
      editorWidth: 0.42,
      sidePanelOpen: true,
    });
  });

  it("drops each field of the wrong type on its own and keeps the rest", () => {
    const session = parseSession(
      JSON.stringify({
        ...FULL,
        sourceName: 7,
        target: ["a"],
        buildArgs: { VARIANT: 1 },
        positions: { a: { x: "10", y: 20 } },
        theme: "sepia",
        editorWidth: "0.5",
        sidePanelOpen: "no",
      }),
    );
    expect(session).toEqual({
      ...FULL,
      sourceName: "Dockerfile",
      target: null,
      buildArgs: {},
      positions: {},
      theme: "light",
      editorWidth: 0.42,
      sidePanelOpen: true,
    });
  });

  it("refuses arrays where records belong and keeps only the strings of pinned", () => {
    const session = parseSession(JSON.stringify({ ...FULL, buildArgs: ["x"], positions: [{ x: 1, y: 2 }], pinned: ["a", 3, null, "b"] }));
    expect(session?.buildArgs).toEqual({});
    expect(session?.positions).toEqual({});
    expect(session?.pinned).toEqual(["a", "b"]);
  });

  it("refuses positions that are not finite numbers", () => {
    // JSON cannot hold Infinity; a huge exponent parses to it.
    const raw = JSON.stringify({ ...FULL, positions: { a: { x: 1, y: 2 } } }).replace("\"y\":2", "\"y\":1e999");
    expect(parseSession(raw)?.positions).toEqual({});
    expect(parseSession(JSON.stringify({ ...FULL, positions: { a: null } }))?.positions).toEqual({});
  });
});

describe("saving and restoring", () => {
  afterEach(() => vi.unstubAllGlobals());

  function stubStorage() {
    const items = new Map<string, string>();
    const storage = {
      getItem: (key: string) => items.get(key) ?? null,
      setItem: (key: string, value: string) => void items.set(key, value),
      removeItem: (key: string) => void items.delete(key),
    };
    vi.stubGlobal("localStorage", storage);
    return items;
  }

  it("restores what it saved", () => {
    const items = stubStorage();
    expect(saveSession(FULL)).toBe(true);
    expect(items.has(STORAGE_KEY)).toBe(true);
    expect(restoreSession()).toEqual(FULL);
  });

  it("reports a refused write instead of throwing (quota, privacy mode)", () => {
    vi.stubGlobal("localStorage", {
      getItem: () => {
        throw new Error("denied");
      },
      setItem: () => {
        throw new Error("QuotaExceededError");
      },
    });
    expect(saveSession(FULL)).toBe(false);
    expect(restoreSession()).toBeNull();
  });

  it("autosaves once after a burst of changes, and at once when the page is hidden", () => {
    vi.useFakeTimers();
    const items = stubStorage();
    const listeners = new Set<(state: AppState) => void>();
    let state = { ...FULL } as unknown as AppState;
    const events = new EventTarget();
    vi.stubGlobal("addEventListener", events.addEventListener.bind(events));
    vi.stubGlobal("removeEventListener", events.removeEventListener.bind(events));
    vi.stubGlobal("document", new EventTarget());
    const setItem = vi.spyOn(localStorage, "setItem");

    const stop = startAutosave(
      (listener) => {
        listeners.add(listener);
        return () => listeners.delete(listener);
      },
      () => state,
    );
    for (const text of ["F", "FR", "FRO", "FROM"]) {
      state = { ...state, text } as AppState;
      for (const listener of listeners) listener(state);
    }
    expect(setItem).not.toHaveBeenCalled();
    vi.advanceTimersByTime(300);
    expect(setItem).toHaveBeenCalledTimes(1);
    expect(JSON.parse(items.get(STORAGE_KEY)!)).toEqual(toSession(state));

    state = { ...state, theme: "light" } as AppState;
    for (const listener of listeners) listener(state);
    events.dispatchEvent(new Event("pagehide"));
    expect(setItem).toHaveBeenCalledTimes(2);
    expect(JSON.parse(items.get(STORAGE_KEY)!).theme).toBe("light");

    stop();
    expect(listeners.size).toBe(0);
    vi.useRealTimers();
  });
});
