import { useState } from "react";
import { autosave, saveSession, toSession } from "../state/persist.ts";
import { useStore } from "../state/store.ts";

/** Saves the session at once: after a crash the autosave timer may never fire. */
export function saveSessionNow(): void {
  const running = autosave();
  // Autosave knows when saving would overwrite another tab's newer text; without it, save directly.
  if (running !== null) running.flush();
  else saveSession(toSession(useStore.getState()));
}

/**
 * What the page shows when something failed outside every inner boundary. The text is safe in
 * the browser's storage; the user can reload, or copy the text out first.
 */
export function RootFallback({ error }: { readonly error: Error }) {
  const [copy, setCopy] = useState<"idle" | "copied" | "manual">("idle");
  const text = useStore.getState().text;

  async function copyText() {
    try {
      await navigator.clipboard.writeText(text);
      setCopy("copied");
    } catch {
      // No clipboard permission (or no secure context): let the user copy it by hand.
      setCopy("manual");
    }
  }

  function reloadWithoutView() {
    // Keep the text, forget the view: a bad saved layout or target must not crash every reload.
    const state = useStore.getState();
    saveSession({ ...toSession(state), positions: {}, pinned: [], target: null, buildArgs: {} });
    window.location.reload();
  }

  return (
    <div className="root-failure" role="alert">
      <div className="root-failure-card">
        <h1>Stagecraft ran into a problem</h1>
        <p>Your Dockerfile is safe: it is saved in this browser and comes back when you reload.</p>
        <p className="failure-detail">{error.message}</p>
        <div className="root-failure-actions">
          <button type="button" className="button primary" onClick={() => window.location.reload()}>
            Reload
          </button>
          <button type="button" className="button" onClick={() => void copyText()}>
            Copy Dockerfile text
          </button>
          <button type="button" className="button" onClick={reloadWithoutView}>
            Reload with a fresh layout
          </button>
        </div>
        {copy === "copied" && <p className="root-failure-status">Copied to the clipboard.</p>}
        {copy === "manual" && (
          <>
            <label htmlFor="rescue-text" className="root-failure-status">
              The clipboard is not available here: select the text and copy it.
            </label>
            <textarea id="rescue-text" className="rescue-text" readOnly value={text} onFocus={(event) => event.currentTarget.select()} autoFocus />
          </>
        )}
      </div>
    </div>
  );
}
