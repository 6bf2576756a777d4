/**
 * `stagecraft graph FILE [--format json|mermaid|dot] [--target T] [--build-arg K=V]…` as pure
 * functions: text in, `{stdout, stderr, code}` out. The CLI binds them to the process.
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

const usage = "usage: stagecraft graph FILE [--format json|mermaid|dot] [--target STAGE] [--build-arg KEY=VALUE]...\n";

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

type Parsed = { readonly kind: "ok"; readonly file: string; readonly request: GraphRequest } | { readonly kind: "error"; readonly message: string };

/** Read `graph`'s arguments (the words after `graph`). Options take `--name value` or `--name=value`. */
export function parseGraphArgs(args: readonly string[]): Parsed {
  let file: string | null = null;
  let format: GraphFormat = "json";
  let target: string | undefined;
  const buildArgs: Record<string, string> = {};
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] ?? "";
    const eq = arg.indexOf("=");
    const name = arg.startsWith("--") ? (eq < 0 ? arg : arg.slice(0, eq)) : null;
    if (name === null || arg === "-") {
      if (file !== null) return { kind: "error", message: `unexpected argument '${arg}'` };
      file = arg;
      continue;
    }
    if (!["--format", "--target", "--build-arg"].includes(name)) return { kind: "error", message: `unknown option '${name}'` };
    const value: string | undefined = eq < 0 ? args[++i] : arg.slice(eq + 1);
    if (value === undefined) return { kind: "error", message: `option '${name}' needs a value` };
    if (name === "--format") {
      if (!(graphFormats as readonly string[]).includes(value)) return { kind: "error", message: `unknown format '${value}' (json, mermaid or dot)` };
      format = value as GraphFormat;
    } else if (name === "--target") target = value;
    else {
      const split = value.indexOf("=");
      if (split <= 0) return { kind: "error", message: `--build-arg needs KEY=VALUE, got '${value}'` };
      buildArgs[value.slice(0, split)] = value.slice(split + 1);
    }
  }
  if (file === null) return { kind: "error", message: "missing FILE" };
  return { kind: "ok", file, request: { format, buildArgs, ...(target === undefined ? {} : { target }) } };
}

/**
 * The whole `graph` command: parse `args`, read the file with `readFile`, render.
 *
 * @example
 * runGraphCommand(["Dockerfile", "--format", "dot"], (path) => readFileSync(path, "utf8"))
 */
export function runGraphCommand(args: readonly string[], readFile: (path: string) => string): GraphCommandResult {
  const parsed = parseGraphArgs(args);
  if (parsed.kind === "error") return { stdout: "", stderr: `stagecraft graph: ${parsed.message}\n${usage}`, code: 2 };
  let text: string;
  try {
    text = readFile(parsed.file);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return { stdout: "", stderr: `stagecraft graph: cannot read '${parsed.file}': ${oneLine(reason)}\n`, code: 2 };
  }
  return renderGraph(parsed.file === "-" ? "<stdin>" : parsed.file, text, parsed.request);
}
