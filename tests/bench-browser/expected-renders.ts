/**
 * What a keystroke should re-render, worked out in Node with the app's own mapping: the node
 * payloads (stages and images) that are not the very objects of the text before the key. The
 * benchmark compares the page's render counts with these.
 */
import { buildStageGraph, parseDockerfile } from "../../src/index.ts";
import { describeGraph, type CanvasModel } from "../../web/canvas/describe-graph.ts";

/** For each successive text, how many node payloads changed from the one before it. */
export function countChangedPayloads(texts: readonly string[]): number[] {
  let previous: CanvasModel | null = null;
  const counts: number[] = [];
  for (const text of texts) {
    const model: CanvasModel = describeGraph(buildStageGraph(parseDockerfile(text)), previous);
    if (previous !== null) {
      const before = new Set<object>([...previous.stages, ...previous.images]);
      counts.push([...model.stages, ...model.images].filter((payload) => !before.has(payload)).length);
    }
    previous = model;
  }
  return counts;
}

/** `text` after typing `key` `count` times at the end of its 1-based `line`, each step. */
export function typedTexts(text: string, line: number, key: string, count: number): string[] {
  const lines = text.split("\n");
  const texts = [text];
  for (let i = 1; i <= count; i++) {
    const copy = [...lines];
    copy[line - 1] = `${copy[line - 1]}${key.repeat(i)}`;
    texts.push(copy.join("\n"));
  }
  return texts;
}
