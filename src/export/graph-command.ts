/**
 * `stagecraft graph FILE [--format json|mermaid|dot] [--target T] [--build-arg K=V]…` as a pure
 * function: text in, `{stdout, stderr, code}` out. The CLI (src/cli/commands.ts) reads the
 * arguments and the file and binds it to the process.
 *
 * Exit codes: 0 the graph was printed; 1 it was printed but BuildKit would fail this build
 * (an error diagnostic); 2 bad invocation or unreadable file.
 */
import { buildStageGraph } from "../graph/build-stage-graph.ts";
import { stageGraphToJson } from "../graph/to-json.ts";
import type { StageGraphOptions } from "../graph/types.ts";
import { parseDockerfile } from "../syntax/parse.ts";
import { renderDot } from "./dot.ts";
import { renderMermaid } from "./mermaid.ts";

export type GraphFormat = "json" | "mermaid" | "dot";

export const graphFormats: readonly GraphFormat[] = ["json", "mermaid", "dot"];

export interface GraphCommandResult {
  readonly stdout: string;
  readonly stderr: string;
  readonly code: 0 | 1 | 2;
}

export interface GraphRequest {
  readonly format: GraphFormat;
  readonly target?: string;
  readonly buildArgs: Readonly<Record<string, string>>;
}

/** Diagnostics would be printed on one line each; a newline in a message must not start a fake one. */
function oneLine(text: string): string {
  return text.replace(/\r?\n|\r/g, "\\n");
}

/**
 * Render the graph of `text` (named `name` in messages) in the requested format.
 *
 * @example
 * renderGraph("Dockerfile", "FROM alpine AS a\nFROM a\n", { format: "mermaid", buildArgs: {} }).stdout
 */
export function renderGraph(name: string, text: string, request: GraphRequest): GraphCommandResult {
  const options: StageGraphOptions = { buildArgs: request.buildArgs, ...(request.target === undefined ? {} : { target: request.target }) };
  const graph = buildStageGraph(parseDockerfile(text), options);
  const stdout =
    request.format === "json"
      ? `${JSON.stringify(stageGraphToJson(graph), null, 2)}\n`
      : request.format === "mermaid"
        ? renderMermaid(graph)
        : renderDot(graph);
  const stderr = graph.diagnostics.map((d) => `${name}:${d.line}: ${d.severity}: ${oneLine(d.message)} (${d.code})\n`).join("");
  return { stdout, stderr, code: graph.diagnostics.some((d) => d.severity === "error") ? 1 : 0 };
}
