import { useRef, useState } from "react";
import { downloadText } from "../shell/download-text.ts";
import { DownloadIcon } from "../shell/icons.tsx";
import { useStore } from "../state/store.ts";

/**
 * What the editor pane shows when Monaco cannot start (its chunk failed to load, the browser
 * lacks something it needs): the Dockerfile, read-only, to read, copy and download. The graph
 * beside it keeps working, and a file opened or an example picked still shows here.
 */
export function EditorFallback({ error }: { readonly error: Error }) {
  const text = useStore((s) => s.text);
  const sourceName = useStore((s) => s.sourceName);
  const area = useRef<HTMLTextAreaElement>(null);
  const [copy, setCopy] = useState<"idle" | "copied" | "manual">("idle");

  async function copyText() {
    try {
      await navigator.clipboard.writeText(text);
      setCopy("copied");
    } catch {
      // No clipboard permission: select it all, so Ctrl+C is one key away.
      area.current?.focus();
      area.current?.select();
      setCopy("manual");
    }
  }

  return (
    <div className="editor-fallback" data-testid="editor-fallback">
      <div className="editor-fallback-bar" role="alert">
        <p>
          <strong>The editor could not start</strong> ({error.message}). Your Dockerfile is shown read-only below; the graph still
          follows it. Reload the page to edit again.
        </p>
        <div className="editor-fallback-actions">
          <button type="button" className="button" onClick={() => void copyText()}>
            Copy
          </button>
          <button type="button" className="button" onClick={() => downloadText(text, sourceName)}>
            <DownloadIcon />
            Download
          </button>
          <button type="button" className="button quiet" onClick={() => window.location.reload()}>
            Reload
          </button>
          <span className="editor-fallback-status" role="status">
            {copy === "copied" ? "Copied to the clipboard." : copy === "manual" ? "Selected: press Ctrl+C (⌘C) to copy." : ""}
          </span>
        </div>
      </div>
      <textarea
        ref={area}
        className="editor-fallback-text"
        data-testid="editor-fallback-text"
        aria-label="Dockerfile (read-only)"
        readOnly
        spellCheck={false}
        wrap="off"
        value={text}
      />
    </div>
  );
}
