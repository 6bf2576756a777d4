import { buildStageGraph, cacheImpactOnGraph, dumpBuildkit, parseDockerfile, printDockerfile, renderExplanationText, renderHandout } from "../index.ts";
import type { Diagnostic, DockerfileTree } from "../index.ts";
import { graphFormats, renderGraph, type GraphFormat } from "../export/graph-command.ts";
import { getOptionList, getOptionValue } from "./command-spec.ts";
import type { CommandOutput, CommandSpec, OptionSpec, ParsedOptions, SourceText } from "./command-spec.ts";
import { exportOptions, renderExport, type ExportFormat } from "./export-command.ts";
import { lintOptions, runLint } from "./lint-command.ts";
import { toOneLine } from "./usage.ts";
import type { SvgTheme } from "../index.ts";

/** `--target` and `--build-arg`, as every command that builds the stage graph takes them. */
const targetOption: OptionSpec = { kind: "value", name: "target", valueName: "STAGE", summary: "the stage to build (default: the last)" };
const buildArgOption: OptionSpec = { kind: "list", name: "build-arg", valueName: "KEY=VALUE", summary: "a build argument; the last value given for a KEY wins" };

/**
 * The commands `stagecraft` knows, in the order usage lists them.
 * A new command is one more entry here: its options are parsed for it, its input read for it.
 */
export const commands: readonly CommandSpec[] = [
  {
    name: "print",
    summary: "the file, parsed and written back from its syntax tree: the same bytes",
    operand: "FILE",
    options: [],
    run: (source) => runPrint(source),
  },
  {
    name: "dump",
    summary: "the syntax tree in the `result` format of BuildKit's parser tests; exits 1 where BuildKit rejects the file",
    operand: "FILE",
    options: [],
    run: (source) => runDump(source),
  },
  {
    name: "graph",
    summary: "the stages and what links them, as JSON, Mermaid or DOT; exits 1 where BuildKit would fail the build",
    operand: "FILE",
    options: [
      { kind: "value", name: "format", valueName: "FORMAT", summary: "output format", choices: graphFormats, defaultValue: "json" },
      targetOption,
      buildArgOption,
    ],
    run: (source, options) => runGraph(source, options),
  },
  {
    name: "explain",
    summary: "each stage in plain words (role, steps, why it is skipped), what ships, the build schedule, and the work that re-runs when files change",
    operand: "FILE",
    options: [
      { kind: "value", name: "format", valueName: "FORMAT", summary: "prose for the terminal, or the printable handout", choices: ["text", "markdown"], defaultValue: "text" },
      targetOption,
      buildArgOption,
      { kind: "list", name: "changed", valueName: "PATH", summary: "a changed path in the build context: show which steps re-run" },
    ],
    run: (source, options) => runExplain(source, options),
  },
  {
    name: "lint",
    summary:
      "BuildKit's build checks, the structural hadolint rules and Stagecraft's own, judged on the stages the target builds; exits 1 when a finding is a warning or an error",
    operand: "FILE",
    options: [...lintOptions, targetOption, buildArgOption],
    run: (source, options) => {
      const buildArgs = readBuildArgs(options);
      return isOutput(buildArgs) ? buildArgs : runLint(source, options, buildArgs);
    },
  },
  {
    name: "export",
    summary: "the stage graph as an SVG or PNG picture (as the app draws it, with its legend), Mermaid, DOT, JSON, or the Markdown handout; exits 1 where BuildKit would fail the build",
    operand: "FILE",
    options: [...exportOptions, targetOption, buildArgOption],
    run: (source, options) => runExport(source, options),
  },
];

/** `--build-arg KEY=VALUE` values, or the usage error for a malformed one. */
function readBuildArgs(options: ParsedOptions): Record<string, string> | CommandOutput {
  const buildArgs: Record<string, string> = {};
  for (const pair of getOptionList(options, "build-arg")) {
    const eq = pair.indexOf("=");
    if (eq <= 0) return { stdout: "", stderr: `stagecraft: --build-arg needs KEY=VALUE, got '${toOneLine(pair)}'\n`, exitCode: 2 };
    const name = pair.slice(0, eq);
    // Assigning `__proto__` would replace the object's prototype instead of adding an argument.
    if (name === "__proto__") return { stdout: "", stderr: `stagecraft: --build-arg cannot be named '__proto__'\n`, exitCode: 2 };
    buildArgs[name] = pair.slice(eq + 1);
  }
  return buildArgs;
}

function isOutput(value: Record<string, string> | CommandOutput): value is CommandOutput {
  return typeof value["exitCode"] === "number";
}

/** `explain`: the narrated build on stdout; the graph's diagnostics on stderr; exit 1 where BuildKit would fail. */
export function runExplain(source: SourceText, options: ParsedOptions): CommandOutput {
  const buildArgs = readBuildArgs(options);
  if (isOutput(buildArgs)) return buildArgs;
  const target = getOptionValue(options, "target");
  const tree = parseDockerfile(source.text);
  const graph = buildStageGraph(tree, { buildArgs, ...(target === undefined ? {} : { target }) });
  const changed = getOptionList(options, "changed");
  const stdout =
    getOptionValue(options, "format") === "markdown"
      ? renderHandout(graph)
      : renderExplanationText(graph, changed.length === 0 ? null : cacheImpactOnGraph(graph, changed));
  return {
    stdout,
    stderr: formatDiagnostics(source.name, graph.diagnostics),
    exitCode: graph.diagnostics.some((d) => d.severity === "error") ? 1 : 0,
  };
}

/** `export`: the graph in the chosen format (to `--output` or stdout); diagnostics on stderr; exit 1 where BuildKit would fail, the export still written. */
export function runExport(source: SourceText, options: ParsedOptions): CommandOutput {
  const buildArgs = readBuildArgs(options);
  if (isOutput(buildArgs)) return buildArgs;
  const target = getOptionValue(options, "target");
  const graph = buildStageGraph(parseDockerfile(source.text), { buildArgs, ...(target === undefined ? {} : { target }) });
  const format = (getOptionValue(options, "format") ?? "svg") as ExportFormat;
  const theme = (getOptionValue(options, "theme") ?? "light") as SvgTheme;
  return {
    stdout: renderExport(format, graph, theme),
    stderr: formatDiagnostics(source.name, graph.diagnostics),
    exitCode: graph.diagnostics.some((d) => d.severity === "error") ? 1 : 0,
  };
}

/** `graph`: the stage graph for a target and build arguments; diagnostics on stderr. */
export function runGraph(source: SourceText, options: ParsedOptions): CommandOutput {
  const buildArgs = readBuildArgs(options);
  if (isOutput(buildArgs)) return buildArgs;
  const target = getOptionValue(options, "target");
  const format = (getOptionValue(options, "format") ?? "json") as GraphFormat;
  const result = renderGraph(source.name, source.text, { format, buildArgs, ...(target === undefined ? {} : { target }) });
  return { stdout: result.stdout, stderr: result.stderr, exitCode: result.code };
}

/** `print`: the round trip. Diagnostics are not shown: printing succeeds on any text. */
export function runPrint(source: SourceText): CommandOutput {
  return { stdout: printDockerfile(parseDockerfile(source.text)), stderr: "", exitCode: 0 };
}

/** `dump`: BuildKit's dump on stdout (`ERROR: …` when BuildKit's parser fails), diagnostics on stderr. */
export function runDump(source: SourceText): CommandOutput {
  const tree = parseDockerfile(source.text);
  return {
    stdout: dumpBuildkit(tree),
    stderr: formatDiagnostics(source.name, listDiagnostics(tree)),
    exitCode: tree.fatal === null ? 0 : 1,
  };
}

/** The tree's diagnostics, with the fatal one added when the parser keeps it apart. */
export function listDiagnostics(tree: DockerfileTree): readonly Diagnostic[] {
  const fatal = tree.fatal;
  if (fatal === null || tree.diagnostics.some((d) => isSameDiagnostic(d, fatal))) return tree.diagnostics;
  return [fatal, ...tree.diagnostics].sort((a, b) => a.range.start - b.range.start);
}

function isSameDiagnostic(a: Diagnostic, b: Diagnostic): boolean {
  return a === b || (a.code === b.code && a.range.start === b.range.start && a.message === b.message);
}

/** One line per diagnostic, as compilers print them: `FILE:LINE: warning: message (Code)`. */
export function formatDiagnostics(fileName: string, diagnostics: readonly Diagnostic[]): string {
  return diagnostics.map((d) => `${fileName}:${d.line}: ${d.severity}: ${toOneLine(d.message)} (${d.code})\n`).join("");
}
