import { useRef, useState, type ChangeEvent } from "react";
import { DEFAULT_EXAMPLE, DEFAULT_EXAMPLE_NAME, useDocument } from "./store.ts";

/** The app bar: the name, and the two ways to bring a Dockerfile in. */
export function Header() {
  const setText = useDocument((s) => s.setText);
  const fileInput = useRef<HTMLInputElement>(null);
  const [openError, setOpenError] = useState<string | null>(null);

  async function openFile(event: ChangeEvent<HTMLInputElement>) {
    const input = event.currentTarget;
    const file = input.files?.[0];
    // Clearing lets the same file be chosen again after it was edited on disk.
    input.value = "";
    if (file === undefined) return;
    try {
      setText(await file.text(), "load", file.name);
      setOpenError(null);
    } catch (error) {
      setOpenError(`Could not read ${file.name}: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  return (
    <header className="app-header">
      <div className="brand">
        <img src="/favicon.svg" alt="" width="28" height="28" />
        <h1>Stagecraft</h1>
        <p className="tagline">See the stages of a multi-stage Dockerfile</p>
      </div>
      <div className="actions">
        {openError !== null && (
          <p className="header-error" role="alert">
            {openError}
          </p>
        )}
        <button type="button" className="button" onClick={() => fileInput.current?.click()}>
          Open Dockerfile…
        </button>
        <input
          ref={fileInput}
          type="file"
          className="visually-hidden"
          tabIndex={-1}
          aria-label="Dockerfile to open"
          onChange={(event) => void openFile(event)}
        />
        <button
          type="button"
          className="button"
          onClick={() => {
            setOpenError(null);
            setText(DEFAULT_EXAMPLE, "load", DEFAULT_EXAMPLE_NAME);
          }}
        >
          Load example
        </button>
      </div>
    </header>
  );
}
