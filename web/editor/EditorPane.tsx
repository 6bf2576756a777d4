import { lazy, Suspense } from "react";
import { ErrorBoundary } from "../ErrorBoundary.tsx";
import { useStore } from "../state/store.ts";
import "./editor.css";
import { EditorFallback } from "./EditorFallback.tsx";
import { TextPreview } from "./TextPreview.tsx";

// Monaco is large: it arrives in its own chunk after the first graph has been drawn.
const DockerfileEditor = lazy(() => import("./DockerfileEditor.tsx"));

/**
 * The editor pane: the Dockerfile in Monaco, its plain text while Monaco loads, and the text
 * read-only (to copy or download) if Monaco cannot start. The host
 * carries React Flow's `nokey` class: React Flow then leaves every key pressed in the editor
 * alone (Monaco takes keys in a div with EditContext, which React Flow would not take for a
 * text field), so no canvas shortcut can swallow a space or a Backspace.
 */
export function EditorPane() {
  const sourceName = useStore((s) => s.sourceName);
  const edited = useStore((s) => s.edited);
  return (
    <section className="pane editor-pane" aria-labelledby="editor-title">
      <div className="pane-header">
        <h2 id="editor-title">Dockerfile</h2>
        <span className="pane-meta" data-testid="source-name">
          {edited ? `${sourceName} · edited` : sourceName}
        </span>
      </div>
      <div className="editor-host nokey" data-testid="editor">
        <ErrorBoundary what="The editor" fallback={(error) => <EditorFallback error={error} />}>
          <Suspense fallback={<TextPreview />}>
            <DockerfileEditor />
          </Suspense>
        </ErrorBoundary>
      </div>
    </section>
  );
}
