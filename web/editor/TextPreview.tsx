import { useStore } from "../state/store.ts";

/** The Dockerfile as plain text, shown in the editor's place until Monaco is ready. */
export function TextPreview() {
  const text = useStore((s) => s.text);
  return (
    <pre className="text-preview" aria-busy="true" aria-label="Dockerfile (editor loading)">
      {text}
    </pre>
  );
}
