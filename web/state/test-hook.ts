/**
 * `window.__stagecraftStore`: what browser tests may ask of the store without a gesture of their
 * own (applying edits as a quick fix or a lesson step would). Present in every build, like the
 * editor's hook.
 */
import type { TextEdit } from "../../src/index.ts";
import { useStore, type TextOrigin } from "./store.ts";

export interface StoreTestHook {
  applyEdits(edits: readonly TextEdit[], origin: TextOrigin, label?: string): { ok: true } | { ok: false; reason: string };
  getText(): string;
  getSelected(): string | null;
  getOrigin(): TextOrigin;
}

declare global {
  interface Window {
    __stagecraftStore?: StoreTestHook;
  }
}

export function installStoreTestHook(): void {
  window.__stagecraftStore = {
    applyEdits: (edits, origin, label) => useStore.getState().applyEdits(edits, origin, label),
    getText: () => useStore.getState().text,
    getSelected: () => useStore.getState().selected,
    getOrigin: () => useStore.getState().origin,
  };
}
