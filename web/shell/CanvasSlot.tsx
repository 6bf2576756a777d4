import { useState } from "react";
import { GraphPane } from "../canvas/GraphPane.tsx";
import { ErrorBoundary } from "../ErrorBoundary.tsx";
import { useStore } from "../state/store.ts";

/**
 * The canvas, fenced off: if it fails, the editor and the text stay as they are, and "Reset
 * canvas" forgets the layout (the likeliest culprit) and mounts the canvas afresh.
 */
export function CanvasSlot() {
  const [generation, setGeneration] = useState(0);
  return (
    <ErrorBoundary
      what="The canvas"
      fallback={(error, reset) => (
        <div className="canvas-failure" role="alert">
          <h2>The canvas failed</h2>
          <p>Your Dockerfile is untouched: keep editing it on the left.</p>
          <p className="failure-detail">{error.message}</p>
          <button
            type="button"
            className="button primary"
            onClick={() => {
              const { tidyUp, select } = useStore.getState();
              tidyUp();
              select(null);
              setGeneration((g) => g + 1);
              reset();
            }}
          >
            Reset canvas
          </button>
        </div>
      )}
    >
      <GraphPane key={generation} />
    </ErrorBoundary>
  );
}
