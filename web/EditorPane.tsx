import { lazy, Suspense } from "react";
import { ErrorBoundary } from "./ErrorBoundary.tsx";
import { useDocument } from "./store.ts";
import { TextPreview } from "./TextPreview.tsx";

// Monaco is large: it arrives in its own chunk after the page has painted.
const DockerfileEditor = lazy(() => import("./DockerfileEditor.tsx"));

/** The left pane: the Dockerfile in Monaco, and its plain text while Monaco loads. */
export function EditorPane() {
  const sourceName = useDocument((s) => s.sourceName);
  const edited = useDocument((s) => s.origin === "editor");
  return (
    <section className="pane editor-pane" aria-labelledby="editor-title">
      <div className="pane-header">
        <h2 id="editor-title">Dockerfile</h2>
        <span className="pane-meta" data-testid="source-name">
          {edited ? `${sourceName} · edited` : sourceName}
        </span>
      </div>
      <div className="editor-host">
        <ErrorBoundary what="The editor">
          <Suspense fallback={<TextPreview />}>
            <DockerfileEditor />
          </Suspense>
        </ErrorBoundary>
      </div>
    </section>
  );
}
