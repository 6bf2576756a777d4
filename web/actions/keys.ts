/**
 * Shortcut notation: `Mod+Shift+P`, `F2`, `Delete`. `Mod` is Ctrl, or ⌘ on a Mac; a key is
 * `KeyboardEvent.key` (letters in any case). Pure, so it is tested without a browser.
 */

export interface KeyLike {
  readonly key: string;
  readonly ctrlKey: boolean;
  readonly metaKey: boolean;
  readonly shiftKey: boolean;
  readonly altKey: boolean;
}

interface Chord {
  readonly key: string;
  readonly mod: boolean;
  readonly shift: boolean;
  readonly alt: boolean;
}

function parseChord(notation: string): Chord {
  const parts = notation.split("+");
  const key = parts.pop() ?? "";
  return { key: key.toLowerCase(), mod: parts.includes("Mod"), shift: parts.includes("Shift"), alt: parts.includes("Alt") };
}

export function isMac(): boolean {
  return typeof navigator !== "undefined" && /Mac|iPhone|iPad/.test(navigator.platform);
}

/** Whether `event` is the chord `notation` (with no modifier more or less). */
export function matchesKey(notation: string, event: KeyLike, mac = isMac()): boolean {
  const chord = parseChord(notation);
  const mod = mac ? event.metaKey : event.ctrlKey;
  const other = mac ? event.ctrlKey : event.metaKey;
  return event.key.toLowerCase() === chord.key && mod === chord.mod && !other && event.shiftKey === chord.shift && event.altKey === chord.alt;
}

/** How a shortcut is shown: `Ctrl+Shift+P`, or `⌘⇧P` on a Mac. */
export function formatKey(notation: string, mac = isMac()): string {
  const parts = notation.split("+");
  if (!mac) return parts.map((p) => (p === "Mod" ? "Ctrl" : p)).join("+");
  const symbols: Record<string, string> = { Mod: "⌘", Shift: "⇧", Alt: "⌥" };
  return parts.map((p) => symbols[p] ?? p).join("");
}
