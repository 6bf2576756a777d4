import { useEffect, useLayoutEffect, useRef, useState, type KeyboardEvent, type RefObject } from "react";
import { showInvisibles } from "../../src/index.ts";
import { useUi } from "./ui-state.ts";

/**
 * Where to put an overlay beside `near` (a node id) inside `root`: below the node, or above it
 * when the overlay (`self`, measured) would not fit below; the top of the canvas when the node
 * is not drawn.
 */
export function useAnchor(
  root: RefObject<HTMLElement | null>,
  near: string | null,
  nonce: unknown,
  self?: RefObject<HTMLElement | null>,
): { left: number; top: number } | null {
  const [at, setAt] = useState<{ left: number; top: number } | null>(null);
  useLayoutEffect(() => {
    const box = root.current?.getBoundingClientRect();
    const node = near === null ? null : root.current?.querySelector(`[data-id="${CSS.escape(near)}"]`);
    if (box === undefined || node === null || node === undefined) {
      setAt(null);
      return;
    }
    const r = node.getBoundingClientRect();
    const own = self?.current?.getBoundingClientRect();
    const width = own?.width ?? 340;
    const height = own?.height ?? 112;
    const below = r.bottom - box.top + 8;
    const above = r.top - box.top - height - 8;
    const top = below + height <= box.height - 8 || above < 8 ? below : above;
    setAt({ left: Math.max(8, Math.min(r.left - box.left, box.width - width - 8)), top: Math.max(8, Math.min(top, box.height - height - 8)) });
  }, [root, near, nonce, self]);
  return at;
}

/** In a dialog's form, Enter on a select applies the form (Chromium would open the list instead). */
export function submitOnEnterInSelect(event: KeyboardEvent<HTMLFormElement>): void {
  if (event.key !== "Enter" || !(event.target instanceof HTMLSelectElement)) return;
  event.preventDefault();
  event.currentTarget.requestSubmit();
}

/** A refused gesture's reason (or a note on a change) beside the node it was about; gone after a while. */
export function CanvasToast({ root }: { readonly root: RefObject<HTMLElement | null> }) {
  const toast = useUi((s) => s.toast);
  const dismiss = useUi((s) => s.dismissToast);
  const at = useAnchor(root, toast?.near ?? null, toast?.nonce);
  useEffect(() => {
    if (toast === null) return;
    const timer = setTimeout(dismiss, 6000);
    return () => clearTimeout(timer);
  }, [toast, dismiss]);
  return (
    <div className="canvas-toast-region" role="status" aria-live="polite">
      {toast !== null && (
        <div
          className={`canvas-toast canvas-toast--${toast.kind}`}
          data-testid="toast"
          style={at === null ? undefined : { left: at.left, top: at.top, transform: "none" }}
        >
          <p>{showInvisibles(toast.message)}</p>
          <button type="button" className="button icon-only quiet" aria-label="Dismiss" onClick={dismiss}>
            ×
          </button>
        </div>
      )}
    </div>
  );
}

/** The question before a change the user may not mean; Escape or Cancel leaves everything as it was. */
export function ConfirmDialog({ root }: { readonly root: RefObject<HTMLElement | null> }) {
  const confirmation = useUi((s) => s.confirmation);
  const close = useUi((s) => s.confirm);
  const at = useAnchor(root, confirmation?.near ?? null, confirmation);
  const returnFocus = useRef<Element | null>(null);
  useEffect(() => {
    if (confirmation !== null) returnFocus.current = document.activeElement;
  }, [confirmation]);
  if (confirmation === null) return null;
  const finish = (confirmed: boolean) => {
    close(null);
    if (confirmed) confirmation.onConfirm();
    if (returnFocus.current instanceof HTMLElement && returnFocus.current.isConnected) returnFocus.current.focus();
  };
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === "Escape") {
      event.preventDefault();
      finish(false);
    }
  };
  return (
    <div
      className="canvas-dialog"
      role="alertdialog"
      aria-modal="true"
      aria-labelledby="confirm-title"
      data-testid="confirm-dialog"
      style={at === null ? undefined : { left: at.left, top: at.top, transform: "none" }}
      onKeyDown={onKeyDown}
    >
      <p className="canvas-dialog__title" id="confirm-title">
        {showInvisibles(confirmation.title)}
      </p>
      {confirmation.detail.map((line) => (
        <p key={line} className="canvas-dialog__detail">
          {showInvisibles(line)}
        </p>
      ))}
      <div className="canvas-dialog__buttons">
        <button type="button" className="button" autoFocus onClick={() => finish(false)}>
          Cancel
        </button>
        <button type="button" className="button danger" onClick={() => finish(true)}>
          {confirmation.confirmLabel}
        </button>
      </div>
    </div>
  );
}

/** A dialog form's error line and its Cancel and submit buttons. */
export function FormFooter({ error, errorTestId, onCancel, submitLabel, submitTestId }: {
  readonly error: string | null;
  readonly errorTestId: string;
  readonly onCancel: () => void;
  readonly submitLabel: string;
  readonly submitTestId: string;
}) {
  return (
    <>
      {error !== null && (
        <p className="canvas-dialog__error" role="alert" data-testid={errorTestId}>
          {error}
        </p>
      )}
      <div className="canvas-dialog__buttons">
        <button type="button" className="button" onClick={onCancel}>
          Cancel
        </button>
        <button type="submit" className="button primary" data-testid={submitTestId}>
          {submitLabel}
        </button>
      </div>
    </>
  );
}

/** A dialog that only tells something (why it cannot go on), with a Close button that has the focus. */
export function DialogMessage({ titleId, title, detail, onClose }: { readonly titleId: string; readonly title: string; readonly detail: string; readonly onClose: () => void }) {
  return (
    <>
      <p className="canvas-dialog__title" id={titleId}>
        {title}
      </p>
      <p className="canvas-dialog__detail" role="alert">
        {detail}
      </p>
      <div className="canvas-dialog__buttons">
        <button type="button" className="button" autoFocus onClick={onClose}>
          Close
        </button>
      </div>
    </>
  );
}
