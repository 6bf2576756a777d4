/**
 * Saving the session in the browser: the text and the view state, so a reload (or a crash)
 * never loses work. Reading is defensive: whatever is stored, a bad value is dropped, never
 * thrown, and the app starts. Writing never fails silently: a refused save is reported in
 * `useSaveStatus` (the shell shows it with a download of the text), and a newer text saved by
 * another tab is never overwritten without the user choosing so.
 */
import type { StoreApi } from "zustand";
import { upgradeSavedKey } from "./node-keys.ts";
import { useSaveStatus } from "./save-status.ts";
import type { AppState, Point, Viewport } from "./store.ts";

export const STORAGE_KEY = "stagecraft:session:v1";

/** What is saved: the text and the view state, exactly as the store holds them. */
export type SavedSession = Pick<
  AppState,
  "text" | "sourceName" | "target" | "buildArgs" | "positions" | "pinned" | "viewport" | "theme" | "editorWidth" | "sidePanelOpen"
>;

const SESSION_FIELDS = ["text", "sourceName", "target", "buildArgs", "positions", "pinned", "theme", "editorWidth", "sidePanelOpen"] as const;

/**
 * Bounds on view state, so it can neither hang the start (a node at x = 1e300 makes the canvas
 * fit an absurd box) nor outgrow the storage (a position keyed by a 4 MB image reference). What
 * falls outside is dropped: the layout places that node afresh. The text is never bounded here.
 */
export const VIEW_LIMITS = {
  /** Canvas coordinates beyond ±1,000,000 px are no place a user dragged a node to. */
  coordinate: 1_000_000,
  /** Longer node keys, target names and build-arg names are dropped. */
  keyLength: 512,
  /** Entries kept in `positions`, `pinned` and `buildArgs` (far beyond any real Dockerfile). */
  entries: 5_000,
  /** A build-arg value longer than this is dropped. */
  valueLength: 64 * 1024,
} as const;

function storage(): Storage | null {
  try {
    return typeof localStorage === "undefined" ? null : localStorage;
  } catch {
    // Some privacy modes throw on the mere access.
    return null;
  }
}

const isKey = (v: unknown): v is string => typeof v === "string" && v.length <= VIEW_LIMITS.keyLength;
const isCoordinate = (v: unknown): v is number => typeof v === "number" && Math.abs(v) <= VIEW_LIMITS.coordinate;
const isPoint = (v: unknown): v is Point => typeof v === "object" && v !== null && isCoordinate((v as Point).x) && isCoordinate((v as Point).y);
const isArgValue = (v: unknown): v is string => typeof v === "string" && v.length <= VIEW_LIMITS.valueLength;

/** The entries of a plain object whose key and value pass, at most `VIEW_LIMITS.entries` of them. */
function boundedRecord<T>(value: unknown, check: (v: unknown) => v is T, mapKey: (key: string) => string | null = (k) => k): Record<string, T> {
  const out: Record<string, T> = {};
  if (typeof value !== "object" || value === null || Array.isArray(value)) return out;
  let kept = 0;
  for (const [key, entry] of Object.entries(value)) {
    if (kept >= VIEW_LIMITS.entries) break;
    // `__proto__` as an own key would set the prototype of `out` instead of adding an entry.
    if (!isKey(key) || key === "__proto__" || !check(entry)) continue;
    const mapped = mapKey(key);
    if (mapped === null || mapped === "__proto__") continue;
    out[mapped] = entry;
    kept++;
  }
  return out;
}

const isViewport = (v: unknown): v is Viewport =>
  typeof v === "object" &&
  v !== null &&
  Number.isFinite((v as Viewport).x) &&
  Number.isFinite((v as Viewport).y) &&
  Number.isFinite((v as Viewport).zoom) &&
  (v as Viewport).zoom > 0;

/** Validates what was stored; each field falls back on its own, and view state is bounded (`VIEW_LIMITS`). */
export function parseSession(raw: string | null): SavedSession | null {
  if (raw === null) return null;
  let data: unknown;
  try {
    data = JSON.parse(raw);
  } catch {
    return null;
  }
  if (typeof data !== "object" || data === null) return null;
  return boundSession(data as Record<string, unknown>);
}

/** A session from untrusted fields: null without a text, every other field checked and bounded. */
export function boundSession(d: Readonly<Record<string, unknown>>): SavedSession | null {
  if (typeof d["text"] !== "string") return null;
  // Node keys saved before they were the core's ids (`build`, `#2`) are read as ids.
  const pinned = Array.isArray(d["pinned"])
    ? d["pinned"].filter(isKey).flatMap((key) => upgradeSavedKey(key) ?? []).slice(0, VIEW_LIMITS.entries)
    : [];
  return {
    text: d["text"],
    sourceName: isKey(d["sourceName"]) ? d["sourceName"] : "Dockerfile",
    target: isKey(d["target"]) ? d["target"] : null,
    buildArgs: boundedRecord(d["buildArgs"], isArgValue),
    positions: boundedRecord(d["positions"], isPoint, upgradeSavedKey),
    pinned,
    viewport: isViewport(d["viewport"]) ? d["viewport"] : null,
    theme: d["theme"] === "dark" ? "dark" : "light",
    editorWidth: typeof d["editorWidth"] === "number" && Number.isFinite(d["editorWidth"]) ? d["editorWidth"] : 0.42,
    sidePanelOpen: typeof d["sidePanelOpen"] === "boolean" ? d["sidePanelOpen"] : true,
  };
}

export function restoreSession(): SavedSession | null {
  try {
    return parseSession(storage()?.getItem(STORAGE_KEY) ?? null);
  } catch {
    return null;
  }
}

export function toSession(state: SavedSession): SavedSession {
  return {
    text: state.text,
    sourceName: state.sourceName,
    target: state.target,
    buildArgs: state.buildArgs,
    positions: state.positions,
    pinned: state.pinned,
    viewport: state.viewport,
    theme: state.theme,
    editorWidth: state.editorWidth,
    sidePanelOpen: state.sidePanelOpen,
  };
}

/** The outcome of a save: null when it was written, else why not, in words for the user. */
export type SaveFailure = string | null;

function isQuotaError(error: unknown): boolean {
  if (!(error instanceof DOMException)) return false;
  // The name is standard; the codes are older Chromium/WebKit (22) and Firefox (1014).
  return error.name === "QuotaExceededError" || error.name === "NS_ERROR_DOM_QUOTA_REACHED" || error.code === 22 || error.code === 1014;
}

/** "512 KB", "3.4 MB" (a UTF-16 string takes two bytes a character in storage). */
function formatStoredSize(chars: number): string {
  const bytes = chars * 2;
  return bytes < 1024 * 1024 ? `${Math.max(1, Math.round(bytes / 1024))} KB` : `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

/** Writes the session (its view state bounded); says why when the browser refused. */
export function writeSession(session: SavedSession): SaveFailure {
  const store = storage();
  if (store === null) return "this browser does not let the page store anything (storage is turned off)";
  const bounded = boundSession(toSession(session)) ?? session;
  let json: string;
  try {
    json = JSON.stringify(bounded);
  } catch (error) {
    return `the session could not be written out (${error instanceof Error ? error.message : String(error)})`;
  }
  try {
    store.setItem(STORAGE_KEY, json);
    return null;
  } catch (error) {
    if (isQuotaError(error)) return `the browser's storage for this page is full (this session needs ${formatStoredSize(json.length)})`;
    return `the browser refused to store it (${error instanceof Error ? error.message : String(error)})`;
  }
}

/** Writes the session; returns false when the browser refused (quota, privacy mode). */
export function saveSession(session: SavedSession): boolean {
  return writeSession(session) === null;
}

export function clearSession(): void {
  try {
    storage()?.removeItem(STORAGE_KEY);
  } catch {
    // Nothing to clear.
  }
}

function sameSession(a: SavedSession, b: SavedSession): boolean {
  return SESSION_FIELDS.every((k) => a[k] === b[k]);
}

/** What the rest of the app may ask of autosave: save now, and settle a conflict with another tab. */
export interface Autosave {
  /** Saves at once (also after a failure, to try again). */
  readonly flush: () => void;
  /** Another tab's version replaces this tab's text and view. */
  readonly loadTheirs: () => void;
  /** This tab's version is saved over the other tab's (which then hears of it). */
  readonly keepMine: () => void;
  readonly stop: () => void;
}

let current: Autosave | null = null;

/** The running autosave (started in main.tsx), or null in tests that render without it. */
export function autosave(): Autosave | null {
  return current;
}

/**
 * Saves the session shortly after each change (coalescing bursts of keystrokes), and at once
 * when the page is hidden or closed; reports failures and other tabs' writes in `useSaveStatus`.
 *
 * Two tabs: when another tab saves a different text, this tab takes it in if it has no unsaved
 * changes of its own (and says so); otherwise it stops saving and asks which version to keep.
 */
export function startAutosave(store: Pick<StoreApi<AppState>, "subscribe" | "getState" | "setState">): Autosave {
  let timer: ReturnType<typeof setTimeout> | null = null;
  let last: SavedSession | null = null;
  // The text as storage holds it, as far as this tab knows: what it started with, saved or took in.
  // While the tab's text equals it, the tab has no changes of its own to lose.
  let storedText: string | null = store.getState().text;
  const status = useSaveStatus;

  const flush = () => {
    if (timer !== null) clearTimeout(timer);
    timer = null;
    // Saving now would silently overwrite the other tab's newer text: the user decides first.
    if (status.getState().conflict !== null) return;
    const next = toSession(store.getState());
    if (last !== null && sameSession(next, last)) return;
    const failure = writeSession(next);
    if (failure === null) {
      last = next;
      storedText = next.text;
    } else {
      // Forget what was last written, so the next change (or "Try again") writes again.
      last = null;
    }
    if (status.getState().problem !== failure) status.setState({ problem: failure });
  };

  const adopt = (theirs: SavedSession) => {
    storedText = theirs.text;
    const { text, ...view } = theirs;
    // A whole-text load, as opening a file is; then that tab's view of it.
    store.getState().setText(text, "load", theirs.sourceName);
    store.setState(view);
    last = toSession(store.getState());
  };

  const onStorage = (event: StorageEvent) => {
    if (event.key !== STORAGE_KEY && event.key !== null) return;
    const theirs = parseSession(event.newValue);
    if (theirs === null) {
      // Cleared elsewhere: write this tab's session back.
      last = null;
      storedText = null;
      flush();
      return;
    }
    const mine = store.getState();
    if (theirs.text === mine.text) {
      storedText = theirs.text;
      if (status.getState().conflict !== null) status.setState({ conflict: null });
      return;
    }
    if (status.getState().conflict === null && mine.text === storedText) {
      adopt(theirs);
      status.setState({ adopted: true });
      return;
    }
    if (timer !== null) clearTimeout(timer);
    timer = null;
    status.setState({ conflict: theirs, adopted: false });
  };

  const unsubscribe = store.subscribe(() => {
    if (timer === null) timer = setTimeout(flush, 250);
  });
  const onHide = () => flush();
  addEventListener("pagehide", onHide);
  addEventListener("storage", onStorage);
  document.addEventListener("visibilitychange", onHide);

  const controller: Autosave = {
    flush,
    loadTheirs: () => {
      const theirs = status.getState().conflict;
      if (theirs === null) return;
      status.setState({ conflict: null });
      adopt(theirs);
    },
    keepMine: () => {
      if (status.getState().conflict === null) return;
      status.setState({ conflict: null });
      last = null;
      flush();
    },
    stop: () => {
      unsubscribe();
      if (timer !== null) clearTimeout(timer);
      removeEventListener("pagehide", onHide);
      removeEventListener("storage", onStorage);
      document.removeEventListener("visibilitychange", onHide);
      if (current === controller) current = null;
    },
  };
  current = controller;
  return controller;
}
