/**
 * Helpers for the edit operation tests: apply a result, check that it parses as well as the
 * input did, and that nothing outside the edited ranges moved.
 */
import { expect } from "vitest";
import { buildStageGraph } from "../graph/build-stage-graph.ts";
import type { StageGraph } from "../graph/types.ts";
import { parseDockerfile } from "../syntax/parse.ts";
import { applyTextEdits } from "../syntax/positions.ts";
import type { DockerfileTree, TextEdit } from "../syntax/types.ts";
import type { EditResult } from "./types.ts";

/** The text after a successful result; fails the test with the operation's reason otherwise. */
export function applyResult(text: string, result: EditResult): string {
  if ("error" in result) throw new Error(`expected edits, got the error: ${result.error}`);
  const after = applyTextEdits(text, result.edits);
  const before = parseDockerfile(text);
  if (before.fatal === null) expect(parseDockerfile(after).fatal, after).toBeNull();
  expectOnlyEditedRangesChanged(text, result.edits, after);
  return after;
}

/** The operation's reason; fails the test when it gave edits. */
export function errorOf(result: EditResult): string {
  if (!("error" in result)) throw new Error(`expected an error, got edits: ${JSON.stringify(result.edits)}`);
  return result.error;
}

/** The text between the edits is the original text, in order: every untouched byte is still there. */
export function expectOnlyEditedRangesChanged(text: string, edits: readonly TextEdit[], after: string): void {
  const sorted = [...edits].sort((a, b) => a.range.start - b.range.start || a.range.end - b.range.end);
  let cursor = 0;
  let at = 0;
  for (const e of sorted) {
    const kept = text.slice(cursor, e.range.start);
    expect(after.slice(at, at + kept.length)).toBe(kept);
    at += kept.length + e.text.length;
    cursor = e.range.end;
  }
  expect(after.slice(at)).toBe(text.slice(cursor));
}

export function graphOf(text: string): StageGraph {
  return buildStageGraph(parseDockerfile(text));
}

export function treeOf(text: string): DockerfileTree {
  return parseDockerfile(text);
}

/** The edges of a graph as readable lines: `copy build -> final`. */
export function edgeLines(graph: StageGraph): string[] {
  const label = (i: number) => graph.stages[i]?.label ?? `?${i}`;
  return graph.edges.map((e) => `${e.kind} ${e.source.kind === "stage" ? label(e.source.index) : e.source.ref} -> ${label(e.target)}${e.valid ? "" : " (invalid)"}`);
}
