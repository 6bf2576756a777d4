import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { App } from "./App.tsx";
import { ErrorBoundary } from "./ErrorBoundary.tsx";
import { RootFallback, saveSessionNow } from "./shell/RootFallback.tsx";
import { syncTheme } from "./shell/theme.ts";
import { EXAMPLES } from "./examples/index.ts";
import { warmAtIdle } from "./state/analysis.ts";
import { startAutosave } from "./state/persist.ts";
import { useStore } from "./state/store.ts";
import { installStoreTestHook } from "./state/test-hook.ts";
import { watchShareLinks } from "./share/open-share.ts";
import "./styles.css";

const root = document.getElementById("root");
if (root === null) throw new Error("index.html has no #root element");

syncTheme();
startAutosave(useStore);
installStoreTestHook();
watchShareLinks();

createRoot(root).render(
  <StrictMode>
    <ErrorBoundary what="Stagecraft" onError={saveSessionNow} fallback={(error) => <RootFallback error={error} />}>
      <App />
    </ErrorBoundary>
  </StrictMode>,
);

// The first keystrokes should find the core optimised, not cold: exercise it while the page is idle.
warmAtIdle(EXAMPLES.map((example) => example.text));
