import { useEffect, useLayoutEffect, useMemo, useRef, useState } from "react";
import { useExplainStore } from "../explain/explain-store.ts";
import { useAnalysis } from "../state/analysis.ts";
import { useStore } from "../state/store.ts";
import { EditorBinding } from "./editor-binding.ts";
import { registerLanguageHelp } from "./language-help.ts";
import { registerQuickFixes } from "./quick-fixes.ts";
import { showRerunMarks } from "./rerun-marks.ts";
import { installTestHook } from "./test-hook.ts";
import { applyTheme } from "./themes.ts";

/**
 * The Monaco editor, bound to the store by EditorBinding. Loaded lazily (see EditorPane), in
 * its own chunk with Monaco.
 */
export default function DockerfileEditor() {
  const host = useRef<HTMLDivElement>(null);
  const [binding, setBinding] = useState<EditorBinding | null>(null);
  const analysis = useAnalysis();
  const theme = useStore((s) => s.theme);
  const reveal = useStore((s) => s.reveal);
  const highlight = useStore((s) => s.highlight);

  // Before the editor exists and before paint, so it never shows in Monaco's own theme.
  useLayoutEffect(() => applyTheme(theme), [theme]);

  // Before paint, so the plain-text preview gives way to the editor without a blank frame.
  useLayoutEffect(() => {
    if (host.current === null) return;
    registerLanguageHelp();
    registerQuickFixes();
    const created = new EditorBinding(host.current);
    const removeHook = installTestHook(created);
    setBinding(created);
    return () => {
      removeHook();
      created.dispose();
      setBinding(null);
    };
  }, []);

  useEffect(() => binding?.showAnalysis(analysis), [binding, analysis]);
  useEffect(() => {
    if (reveal !== null) binding?.reveal(reveal);
  }, [binding, reveal]);
  useEffect(() => binding?.highlight(highlight), [binding, highlight]);
  const marks = useExplainStore((s) => s.marks);
  const text = useStore((s) => s.text);
  const rerunMarks = useMemo(() => binding?.editor.createDecorationsCollection() ?? null, [binding]);
  useEffect(() => {
    if (rerunMarks !== null) showRerunMarks(rerunMarks, marks, text);
  }, [rerunMarks, marks, text]);

  return <div ref={host} className="editor" />;
}
