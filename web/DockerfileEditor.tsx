import Editor, { type OnMount } from "@monaco-editor/react";
import { useEffect, useRef } from "react";
import "./monaco-setup.ts";
import { useDocument } from "./store.ts";
import { TextPreview } from "./TextPreview.tsx";

type CodeEditor = Parameters<OnMount>[0];

// Kept in step with --font-mono in styles.css; Monaco measures glyphs itself and needs the list.
const MONO_FONTS = "ui-monospace, \"SF Mono\", \"Cascadia Code\", Menlo, Consolas, \"DejaVu Sans Mono\", monospace";

/**
 * The Monaco editor bound to the store. It writes every keystroke to the store as an
 * 'editor' change and takes in only changes of another origin, so it never echoes itself.
 * Loaded lazily (see EditorPane), in its own chunk with Monaco.
 */
export default function DockerfileEditor() {
  const editorRef = useRef<CodeEditor | null>(null);
  const setText = useDocument((s) => s.setText);

  useEffect(
    () =>
      useDocument.subscribe((state) => {
        const editor = editorRef.current;
        const model = editor?.getModel();
        if (!editor || !model || state.origin === "editor" || model.getValue() === state.text) return;
        // An edit operation rather than setValue keeps the load on the undo stack.
        editor.pushUndoStop();
        editor.executeEdits("load", [{ range: model.getFullModelRange(), text: state.text }]);
        editor.pushUndoStop();
        editor.setPosition({ lineNumber: 1, column: 1 });
        editor.revealLine(1);
      }),
    [],
  );

  return (
    <Editor
      className="editor"
      defaultLanguage="dockerfile"
      defaultPath="Dockerfile"
      defaultValue={useDocument.getState().text}
      theme="stagecraft-light"
      loading={<TextPreview />}
      onMount={(editor) => {
        editorRef.current = editor;
        // The store may have moved on (a file loaded) while Monaco was loading.
        const text = useDocument.getState().text;
        if (editor.getValue() !== text) editor.setValue(text);
      }}
      onChange={(value = "") => {
        // Applying a load fires this too; the text then already equals the store's.
        if (value !== useDocument.getState().text) setText(value, "editor");
      }}
      options={{
        ariaLabel: "Dockerfile editor",
        fontFamily: MONO_FONTS,
        fontSize: 14,
        lineHeight: 21,
        minimap: { enabled: false },
        scrollBeyondLastLine: false,
        renderLineHighlight: "line",
        padding: { top: 12, bottom: 12 },
        automaticLayout: true,
        tabSize: 4,
        insertSpaces: true,
        wordWrap: "off",
        fixedOverflowWidgets: true,
        scrollbar: { verticalScrollbarSize: 10, horizontalScrollbarSize: 10 },
      }}
    />
  );
}
