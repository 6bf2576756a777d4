/**
 * What the actions open on screen: the toast, the command list, the node menu, the rename field,
 * the connect dialog, a question. Never saved: none of it is document or view state.
 */
import { create } from "zustand";

/** A short message where the user is looking: beside a node, or at the top of the canvas. */
export interface Toast {
  readonly message: string;
  readonly kind: "info" | "refused";
  /** The node to show it beside; null: the top of the canvas. */
  readonly near: string | null;
  readonly nonce: number;
}

/** A question before a change the user may not mean (deleting a stage others use). */
export interface Confirmation {
  readonly title: string;
  readonly detail: readonly string[];
  readonly confirmLabel: string;
  readonly near: string | null;
  readonly onConfirm: () => void;
}

export interface NodeMenu {
  /** The node (or, for `kind: "edge"`, the canvas edge) it was opened on. */
  readonly node: string;
  readonly kind?: "node" | "edge";
  /** Where it opens, in page coordinates. */
  readonly x: number;
  readonly y: number;
}

/**
 * A connection being made: from the source node to the target stage (null: the dialog asks for
 * it, as when the connection starts from the keyboard), and what to ask.
 */
export interface ConnectRequest {
  readonly source: string;
  readonly target: string | null;
}

/** One field a prompt asks for: free text, or a choice. */
export type PromptField =
  | { readonly kind: "text"; readonly id: string; readonly label: string; readonly initial: string; readonly placeholder?: string }
  | { readonly kind: "choice"; readonly id: string; readonly label: string; readonly initial: string; readonly options: readonly { readonly value: string; readonly label: string }[] };

/**
 * A small form before a change that needs words from the user (a new base image, a name).
 * `onSubmit` returns null when it did the change, else the reason to show in the form.
 */
export interface PromptRequest {
  readonly title: string;
  readonly fields: readonly PromptField[];
  readonly submitLabel: string;
  readonly near: string | null;
  readonly onSubmit: (values: Readonly<Record<string, string>>) => string | null;
}

export interface UiState {
  readonly toast: Toast | null;
  readonly paletteOpen: boolean;
  readonly menu: NodeMenu | null;
  /** The node whose title is being renamed in place. */
  readonly renaming: string | null;
  readonly connecting: ConnectRequest | null;
  readonly confirmation: Confirmation | null;
  readonly prompt: PromptRequest | null;
  /** The edge picked on the canvas (its canvas id), for Delete and its menu. */
  readonly selectedEdge: string | null;
  readonly showToast: (message: string, kind?: Toast["kind"], near?: string | null) => void;
  readonly dismissToast: () => void;
  readonly setPaletteOpen: (open: boolean) => void;
  readonly openMenu: (menu: NodeMenu | null) => void;
  readonly setRenaming: (node: string | null) => void;
  readonly setConnecting: (request: ConnectRequest | null) => void;
  readonly confirm: (confirmation: Confirmation | null) => void;
  readonly ask: (prompt: PromptRequest | null) => void;
  readonly selectEdge: (edge: string | null) => void;
}

export const useUi = create<UiState>()((set) => ({
  toast: null,
  paletteOpen: false,
  menu: null,
  renaming: null,
  connecting: null,
  confirmation: null,
  prompt: null,
  selectedEdge: null,
  showToast: (message, kind = "info", near = null) => set((s) => ({ toast: { message, kind, near, nonce: (s.toast?.nonce ?? 0) + 1 } })),
  dismissToast: () => set({ toast: null }),
  setPaletteOpen: (paletteOpen) => set({ paletteOpen }),
  openMenu: (menu) => set({ menu }),
  setRenaming: (renaming) => set({ renaming }),
  setConnecting: (connecting) => set({ connecting }),
  confirm: (confirmation) => set({ confirmation }),
  ask: (prompt) => set({ prompt }),
  selectEdge: (selectedEdge) => set({ selectedEdge }),
}));
