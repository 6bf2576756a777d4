import { useMemo } from "react";
import { parseDockerfile } from "../src/index.ts";
import { EditorPane } from "./EditorPane.tsx";
import { Header } from "./Header.tsx";
import { outlineStages } from "./stage-outline.ts";
import { StagePanel } from "./StagePanel.tsx";
import { useDocument } from "./store.ts";

/** The page: header, then the editor beside the stages it describes. */
export function App() {
  const text = useDocument((s) => s.text);
  // Parsing is fast enough to redo on every keystroke; the outline follows the text exactly.
  const tree = useMemo(() => parseDockerfile(text), [text]);
  const stages = useMemo(() => outlineStages(tree), [tree]);
  return (
    <div className="app">
      <Header />
      <main className="workspace">
        <EditorPane />
        <StagePanel stages={stages} diagnostics={tree.diagnostics} />
      </main>
    </div>
  );
}
