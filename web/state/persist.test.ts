import { afterEach, describe, expect, it, vi } from "vitest";
import { createStore } from "zustand/vanilla";
import {
  parseSession,
  restoreSession,
  saveSession,
  STORAGE_KEY,
  startAutosave,
  toSession,
  VIEW_LIMITS,
  writeSession,
  type Autosave,
  type SavedSession,
} from "./persist.ts";
import { useSaveStatus } from "./save-status.ts";
import type { AppState } from "./store.ts";

const FULL: SavedSession = {
  text: "FROM alpine AS a\n",
  sourceName: "a.Dockerfile",
  target: "a",
  buildArgs: { VARIANT: "slim" },
  positions: { "stage:a": { x: 10, y: 20 }, "image:alpine": { x: 0, y: -40 } },
  pinned: ["stage:a"],
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
    const session = parseSession(JSON.stringify({ ...FULL, buildArgs: ["x"], positions: [{ x: 1, y: 2 }], pinned: ["stage:a", 3, null, "stage:b"] }));
    expect(session?.buildArgs).toEqual({});
    expect(session?.positions).toEqual({});
    expect(session?.pinned).toEqual(["stage:a", "stage:b"]);
  });

  it("refuses positions that are not finite numbers", () => {
    // JSON cannot hold Infinity; a huge exponent parses to it.
    const raw = JSON.stringify({ ...FULL, positions: { a: { x: 1, y: 2 } } }).replace("\"y\":2", "\"y\":1e999");
    expect(parseSession(raw)?.positions).toEqual({});
    expect(parseSession(JSON.stringify({ ...FULL, positions: { a: null } }))?.positions).toEqual({});
  });
});

describe("node keys saved by earlier versions", () => {
  it("reads a bare stage name or #index as the stage's id, and drops keys that name nothing now", () => {
    const positions = { build: { x: 1, y: 2 }, "#2": { x: 3, y: 4 }, "build#3": { x: 5, y: 6 }, "image:alpine": { x: 7, y: 8 } };
    const session = parseSession(JSON.stringify({ ...FULL, positions, pinned: ["build", "build#3", "#2"] }));
    expect(session?.positions).toEqual({ "stage:build": { x: 1, y: 2 }, "stage:#2": { x: 3, y: 4 }, "image:alpine": { x: 7, y: 8 } });
    expect(session?.pinned).toEqual(["stage:build", "stage:#2"]);
  });
});

describe("view state is bounded", () => {
  it("drops positions outside a sane range (a node at 1e300 would hang the first fit)", () => {
    const positions = { "stage:a": { x: 1e300, y: 0 }, "stage:b": { x: 0, y: -2e6 }, "stage:c": { x: -999_999, y: 999_999 } };
    expect(parseSession(JSON.stringify({ ...FULL, positions }))?.positions).toEqual({ "stage:c": { x: -999_999, y: 999_999 } });
  });

  it("drops over-long keys, names and values, and caps the number of entries", () => {
    const long = `image:${"x".repeat(VIEW_LIMITS.keyLength)}`;
    const many = Object.fromEntries(Array.from({ length: VIEW_LIMITS.entries + 10 }, (_, i) => [`stage:s${i}`, { x: i, y: 0 }]));
    const session = parseSession(
      JSON.stringify({
        ...FULL,
        positions: { ...many, [long]: { x: 1, y: 1 } },
        pinned: [long, "stage:a", ...Object.keys(many)],
        buildArgs: { [long]: "v", V: "x".repeat(VIEW_LIMITS.valueLength + 1), OK: "1" },
        target: long,
        sourceName: long,
      }),
    );
    expect(Object.keys(session?.positions ?? {})).toHaveLength(VIEW_LIMITS.entries);
    expect(session?.positions[long]).toBeUndefined();
    expect(session?.pinned).toHaveLength(VIEW_LIMITS.entries);
    expect(session?.pinned[0]).toBe("stage:a");
    expect(session?.buildArgs).toEqual({ OK: "1" });
    expect(session?.target).toBeNull();
    expect(session?.sourceName).toBe("Dockerfile");
  });

  it("never lets a `__proto__` key reach the prototype", () => {
    const session = parseSession('{"text":"FROM a","buildArgs":{"__proto__":{"polluted":"1"},"A":"1"}}');
    expect(session?.buildArgs).toEqual({ A: "1" });
    expect(Object.getPrototypeOf(session?.buildArgs)).toBe(Object.prototype);
  });

  it("bounds what it writes too, so view state never outgrows the storage", () => {
    const items = new Map<string, string>();
    vi.stubGlobal("localStorage", { setItem: (k: string, v: string) => void items.set(k, v) });
    const huge = `image:${"x".repeat(4 * 1024 * 1024)}`;
    expect(writeSession({ ...FULL, positions: { [huge]: { x: 1, y: 1 }, "stage:a": { x: 1, y: 2 } }, pinned: [huge] })).toBeNull();
    expect(items.get(STORAGE_KEY)!.length).toBeLessThan(1000);
    expect(parseSession(items.get(STORAGE_KEY)!)?.positions).toEqual({ "stage:a": { x: 1, y: 2 } });
    vi.unstubAllGlobals();
  });
});

describe("saving and restoring", () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    vi.useRealTimers();
  });

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
    const items = stubStorage();
    const page = fakePage();
    const setItem = vi.spyOn(localStorage, "setItem");
    const store = fakeStore();
    const running = startAutosave(store);
    for (const text of ["F", "FR", "FRO", "FROM"]) store.setState({ text });
    expect(setItem).not.toHaveBeenCalled();
    vi.advanceTimersByTime(300);
    expect(setItem).toHaveBeenCalledTimes(1);
    expect(JSON.parse(items.get(STORAGE_KEY)!)).toEqual(toSession(store.getState()));

    store.setState({ theme: "light" });
    page.events.dispatchEvent(new Event("pagehide"));
    expect(setItem).toHaveBeenCalledTimes(2);
    expect(JSON.parse(items.get(STORAGE_KEY)!).theme).toBe("light");

    running.stop();
    store.setState({ text: "FROM b" });
    vi.advanceTimersByTime(300);
    expect(setItem).toHaveBeenCalledTimes(2);
  });
});

/** A store with the saved fields, as zustand builds it (subscribe, getState, setState). */
function fakeStore() {
  return createStore<AppState>()(
    (set) =>
      ({
        ...FULL,
        origin: "load",
        revision: 0,
        selected: null,
        setText: (text: string, origin: AppState["origin"], sourceName?: string) =>
          set((state) => ({ text, origin, revision: state.revision + 1, sourceName: sourceName ?? state.sourceName, positions: {}, pinned: [], target: null })),
      }) as unknown as AppState,
  );
}

/** Window and document events in Node, so autosave's listeners can be driven. */
function fakePage() {
  vi.useFakeTimers();
  const events = new EventTarget();
  vi.stubGlobal("addEventListener", events.addEventListener.bind(events));
  vi.stubGlobal("removeEventListener", events.removeEventListener.bind(events));
  vi.stubGlobal("document", new EventTarget());
  /** What the browser fires in this tab when another tab writes `key`. */
  const otherTabWrites = (value: string | null, key: string | null = STORAGE_KEY) =>
    events.dispatchEvent(Object.assign(new Event("storage"), { key, newValue: value }));
  return { events, otherTabWrites };
}

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

describe("saving never fails silently", () => {
  let running: Autosave | null = null;
  afterEach(() => {
    running?.stop();
    running = null;
    useSaveStatus.setState({ problem: null, conflict: null, adopted: false });
    vi.unstubAllGlobals();
    vi.useRealTimers();
  });

  it("says why a write was refused: storage full, turned off, or throwing", () => {
    vi.stubGlobal("localStorage", {
      setItem: () => {
        throw new DOMException("The quota has been exceeded.", "QuotaExceededError");
      },
    });
    expect(writeSession(FULL)).toMatch(/^the browser's storage for this page is full \(this session needs \d+ KB\)$/);
    vi.stubGlobal("localStorage", undefined);
    expect(writeSession(FULL)).toBe("this browser does not let the page store anything (storage is turned off)");
    vi.stubGlobal("localStorage", {
      setItem: () => {
        throw new Error("SecurityError: access denied");
      },
    });
    expect(writeSession(FULL)).toBe("the browser refused to store it (SecurityError: access denied)");
  });

  it("reports a failed autosave until a save succeeds, retrying on the next change", () => {
    const items = stubStorage();
    fakePage();
    let full = true;
    const setItem = localStorage.setItem.bind(localStorage);
    vi.spyOn(localStorage, "setItem").mockImplementation((key, value) => {
      if (full) throw new DOMException("full", "QuotaExceededError");
      setItem(key, value);
    });
    const store = fakeStore();
    running = startAutosave(store);
    store.setState({ text: "FROM a\n" });
    vi.advanceTimersByTime(300);
    expect(useSaveStatus.getState().problem).toMatch(/storage for this page is full/);
    expect(items.has(STORAGE_KEY)).toBe(false);

    // Nothing changed, but "Try again" writes again.
    running.flush();
    expect(useSaveStatus.getState().problem).toMatch(/full/);
    full = false;
    store.setState({ text: "FROM b\n" });
    vi.advanceTimersByTime(300);
    expect(useSaveStatus.getState().problem).toBeNull();
    expect(parseSession(items.get(STORAGE_KEY)!)?.text).toBe("FROM b\n");
  });

  it("takes in another tab's newer text when this tab has no changes of its own, and says so", () => {
    stubStorage();
    const page = fakePage();
    const store = fakeStore();
    running = startAutosave(store);
    page.otherTabWrites(JSON.stringify({ ...FULL, text: "FROM other\n", target: null }));
    expect(store.getState().text).toBe("FROM other\n");
    expect(store.getState().origin).toBe("load");
    expect(store.getState().target).toBeNull();
    expect(useSaveStatus.getState()).toMatchObject({ adopted: true, conflict: null });
    // Taking it in is not a change of this tab's to write back.
    const setItem = vi.spyOn(localStorage, "setItem");
    vi.advanceTimersByTime(300);
    expect(setItem).not.toHaveBeenCalled();
  });

  it("never overwrites another tab's newer text while this tab has unsaved changes: it asks", () => {
    const items = stubStorage();
    const page = fakePage();
    const store = fakeStore();
    running = startAutosave(store);
    store.setState({ text: "FROM mine\n" });
    const theirs = JSON.stringify({ ...FULL, text: "FROM theirs\n" });
    items.set(STORAGE_KEY, theirs);
    page.otherTabWrites(theirs);
    expect(useSaveStatus.getState().conflict?.text).toBe("FROM theirs\n");
    expect(store.getState().text).toBe("FROM mine\n");

    // Neither the pending save, a further change nor hiding the page writes over theirs.
    store.setState({ text: "FROM mine 2\n" });
    vi.advanceTimersByTime(300);
    page.events.dispatchEvent(new Event("pagehide"));
    expect(items.get(STORAGE_KEY)).toBe(theirs);

    running.keepMine();
    expect(useSaveStatus.getState().conflict).toBeNull();
    expect(parseSession(items.get(STORAGE_KEY)!)?.text).toBe("FROM mine 2\n");
  });

  it("loads the other tab's version when the user picks it", () => {
    stubStorage();
    const page = fakePage();
    const store = fakeStore();
    running = startAutosave(store);
    store.setState({ text: "FROM mine\n" });
    page.otherTabWrites(JSON.stringify({ ...FULL, text: "FROM theirs\n" }));
    running.loadTheirs();
    expect(store.getState().text).toBe("FROM theirs\n");
    expect(useSaveStatus.getState().conflict).toBeNull();
  });

  it("settles a conflict by itself when the other tab comes round to this tab's text", () => {
    stubStorage();
    const page = fakePage();
    const store = fakeStore();
    running = startAutosave(store);
    store.setState({ text: "FROM mine\n" });
    page.otherTabWrites(JSON.stringify({ ...FULL, text: "FROM theirs\n" }));
    page.otherTabWrites(JSON.stringify({ ...FULL, text: "FROM mine\n" }));
    expect(useSaveStatus.getState().conflict).toBeNull();
  });

  it("writes this tab's session back when another tab clears storage", () => {
    const items = stubStorage();
    const page = fakePage();
    const store = fakeStore();
    running = startAutosave(store);
    page.otherTabWrites(null, null);
    expect(parseSession(items.get(STORAGE_KEY)!)?.text).toBe(FULL.text);
  });
});
