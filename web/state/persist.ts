/**
 * Saving the session in the browser: the text and the view state, so a reload (or a crash)
 * never loses work. Reading is defensive: whatever is stored, a bad value is dropped, never
 * thrown, and the app starts.
 */
import type { AppState, Point, Viewport } from "./store.ts";

export const STORAGE_KEY = "stagecraft:session:v1";

/** What is saved: the text and the view state, exactly as the store holds them. */
export type SavedSession = Pick<
  AppState,
  "text" | "sourceName" | "target" | "buildArgs" | "positions" | "pinned" | "viewport" | "theme" | "editorWidth" | "sidePanelOpen"
>;

function storage(): Storage | null {
  try {
    return typeof localStorage === "undefined" ? null : localStorage;
  } catch {
    // Some privacy modes throw on the mere access.
    return null;
  }
}

function isRecordOf<T>(value: unknown, check: (v: unknown) => v is T): value is Record<string, T> {
  return typeof value === "object" && value !== null && !Array.isArray(value) && Object.values(value).every(check);
}

const isString = (v: unknown): v is string => typeof v === "string";
const isViewport = (v: unknown): v is Viewport =>
  typeof v === "object" &&
  v !== null &&
  Number.isFinite((v as Viewport).x) &&
  Number.isFinite((v as Viewport).y) &&
  Number.isFinite((v as Viewport).zoom) &&
  (v as Viewport).zoom > 0;
const isPoint = (v: unknown): v is Point =>
  typeof v === "object" && v !== null && Number.isFinite((v as Point).x) && Number.isFinite((v as Point).y);

/** Validates what was stored; each field falls back on its own. */
export function parseSession(raw: string | null): SavedSession | null {
  if (raw === null) return null;
  let data: unknown;
  try {
    data = JSON.parse(raw);
  } catch {
    return null;
  }
  if (typeof data !== "object" || data === null) return null;
  const d = data as Record<string, unknown>;
  if (typeof d["text"] !== "string") return null;
  return {
    text: d["text"],
    sourceName: isString(d["sourceName"]) ? d["sourceName"] : "Dockerfile",
    target: isString(d["target"]) ? d["target"] : null,
    buildArgs: isRecordOf(d["buildArgs"], isString) ? d["buildArgs"] : {},
    positions: isRecordOf(d["positions"], isPoint) ? d["positions"] : {},
    pinned: Array.isArray(d["pinned"]) ? d["pinned"].filter(isString) : [],
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

export function toSession(state: AppState): SavedSession {
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

/** Writes the session; returns false when the browser refused (quota, privacy mode). */
export function saveSession(session: SavedSession): boolean {
  try {
    storage()?.setItem(STORAGE_KEY, JSON.stringify(session));
    return true;
  } catch {
    return false;
  }
}

export function clearSession(): void {
  try {
    storage()?.removeItem(STORAGE_KEY);
  } catch {
    // Nothing to clear.
  }
}

/**
 * Saves the session shortly after each change (coalescing bursts of keystrokes), and at once
 * when the page is hidden or closed.
 */
export function startAutosave(subscribe: (listener: (state: AppState) => void) => () => void, getState: () => AppState): () => void {
  let timer: ReturnType<typeof setTimeout> | null = null;
  let last: SavedSession | null = null;
  const flush = () => {
    timer = null;
    const next = toSession(getState());
    if (last && Object.keys(next).every((k) => next[k as keyof SavedSession] === last![k as keyof SavedSession])) return;
    last = next;
    saveSession(next);
  };
  const unsubscribe = subscribe(() => {
    if (timer === null) timer = setTimeout(flush, 250);
  });
  const onHide = () => {
    if (timer !== null) clearTimeout(timer);
    flush();
  };
  addEventListener("pagehide", onHide);
  document.addEventListener("visibilitychange", onHide);
  return () => {
    unsubscribe();
    removeEventListener("pagehide", onHide);
    document.removeEventListener("visibilitychange", onHide);
  };
}
