/**
 * Hover docs and completions in the editor, from the core (`hoverAt`, `completionsAt`): this
 * file only turns model positions into offsets and core items into Monaco's. It parses the
 * model's own text, so its offsets are the model's even when the store text has a BOM or CRLF.
 */
import { buildStageGraph, completionsAt, hoverAt, parseDockerfile, type CompletionKind, type DockerfileTree } from "../../src/index.ts";
import { monaco } from "./monaco-setup.ts";

let registered = false;
let lastText: string | null = null;
let lastTree: DockerfileTree | null = null;

function treeOf(model: monaco.editor.ITextModel): DockerfileTree {
  const text = model.getValue();
  if (text !== lastText || lastTree === null) {
    lastTree = parseDockerfile(text);
    lastText = text;
  }
  return lastTree;
}

function toRange(model: monaco.editor.ITextModel, start: number, end: number): monaco.Range {
  const a = model.getPositionAt(start);
  const b = model.getPositionAt(end);
  return new monaco.Range(a.lineNumber, a.column, b.lineNumber, b.column);
}

const kinds: Record<CompletionKind, monaco.languages.CompletionItemKind> = {
  instruction: monaco.languages.CompletionItemKind.Keyword,
  flag: monaco.languages.CompletionItemKind.Property,
  stage: monaco.languages.CompletionItemKind.Reference,
  mount: monaco.languages.CompletionItemKind.Field,
};

/** Registers the providers once for the `dockerfile` language. */
export function registerLanguageHelp(): void {
  if (registered) return;
  registered = true;
  monaco.languages.registerHoverProvider("dockerfile", {
    provideHover: (model, position) => {
      const hover = hoverAt(treeOf(model), model.getOffsetAt(position));
      if (hover === null) return null;
      return { range: toRange(model, hover.range.start, hover.range.end), contents: [{ value: hover.markdown }] };
    },
  });
  monaco.languages.registerCompletionItemProvider("dockerfile", {
    triggerCharacters: ["-", "=", " ", ","],
    provideCompletionItems: (model, position) => {
      const tree = treeOf(model);
      const found = completionsAt(tree, model.getOffsetAt(position), buildStageGraph(tree));
      if (found === null) return { suggestions: [] };
      const range = toRange(model, found.range.start, found.range.end);
      return {
        suggestions: found.items.map((item, i) => ({
          label: item.label,
          kind: kinds[item.kind],
          insertText: item.insertText,
          detail: item.detail,
          documentation: { value: item.documentation },
          range,
          sortText: String(i).padStart(3, "0"),
          // Keep the list open after `--from=`: retrigger once a flag or mount field ends in `=`.
          ...(item.insertText.endsWith("=") || item.insertText.endsWith(",") ? { command: { id: "editor.action.triggerSuggest", title: "" } } : {}),
        })),
      };
    },
  });
}
