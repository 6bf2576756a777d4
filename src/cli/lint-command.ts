/**
 * `stagecraft lint FILE [--target T] [--build-arg K=V] [--dockerignore F] [--format text|json|sarif]`:
 * the app's findings on the command line. Text reads like a compiler's; JSON is `{ findings }`;
 * SARIF 2.1.0 is what code-scanning services take. Exit 0 when nothing reaches a warning, 1 when
 * a finding is a warning or an error (or BuildKit would fail: a build error, `# check=error=true`),
 * 2 for a bad invocation or unreadable input.
 */
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { buildStageGraph, describeRule, lintRules, lintStageGraph, offsetToPosition, parseDockerfile } from "../index.ts";
import type { DockerfileTree, Finding, LintResult, LintRule, Severity, StageGraph } from "../index.ts";
import type { CommandOutput, OptionSpec, ParsedOptions, SourceText } from "./command-spec.ts";
import { getOptionValue } from "./command-spec.ts";
import { formatError, toOneLine } from "./usage.ts";

export const lintFormats = ["text", "json", "sarif"] as const;
type LintFormat = (typeof lintFormats)[number];

export const lintOptions: readonly OptionSpec[] = [
  { kind: "value", name: "format", valueName: "FORMAT", summary: "lines like a compiler's, one document of findings, or a code-scanning log", choices: lintFormats, defaultValue: "text" },
  { kind: "value", name: "dockerignore", valueName: "FILE", summary: "the build context's .dockerignore (for CopyIgnoredFile and the COPY . . rule)" },
];

/** 1-based line and column of an offset, as SARIF and compilers count them. */
function place(tree: DockerfileTree, offset: number): { line: number; column: number } {
  const p = offsetToPosition(tree, offset);
  return { line: p.line, column: p.column + 1 };
}

const severityRank: Record<Severity, number> = { info: 0, warning: 1, error: 2 };

function renderText(name: string, tree: DockerfileTree, lint: LintResult): string {
  const lines = lint.findings.map((f) => {
    const { column } = place(tree, f.range.start);
    const unbuilt = f.built ? "" : " [stage not built for this target]";
    return `${name}:${f.line}:${column}: ${f.severity}: ${toOneLine(f.message)} (${f.rule})${unbuilt}\n`;
  });
  const count = (s: Severity) => lint.findings.filter((f) => f.severity === s).length;
  const summary = lint.findings.length === 0 ? "no findings\n" : `${lint.findings.length} finding${lint.findings.length === 1 ? "" : "s"}: ${count("error")} error, ${count("warning")} warning, ${count("info")} info\n`;
  return lines.join("") + summary;
}

function toJson(tree: DockerfileTree, graph: StageGraph, f: Finding) {
  const start = place(tree, f.range.start);
  const end = place(tree, f.range.end);
  return {
    rule: f.rule,
    origin: f.origin,
    severity: f.severity,
    message: f.message,
    line: f.line,
    range: { start: f.range.start, end: f.range.end, startLine: start.line, startColumn: start.column, endLine: end.line, endColumn: end.column },
    stage: f.stage === null ? null : (graph.stages[f.stage]?.label ?? null),
    built: f.built,
    ...(f.fix === undefined ? {} : { fix: f.fix }),
    ...(f.suppress === undefined ? {} : { suppress: f.suppress }),
  };
}

const sarifLevel: Record<Severity, "error" | "warning" | "note"> = { error: "error", warning: "warning", info: "note" };

function sarifRule(rule: LintRule) {
  const doc = describeRule(rule);
  return {
    id: rule.id,
    name: rule.id,
    shortDescription: { text: doc.what },
    fullDescription: { text: doc.why },
    help: { text: `${doc.fix} Silence it with: ${doc.silence}` },
    // Stagecraft's own rules are documented in docs/lint-rules.md, which has no web address of its own.
    ...(doc.externalDocs === null ? {} : { helpUri: doc.externalDocs }),
    defaultConfiguration: { level: sarifLevel[rule.severity] },
    properties: { origin: rule.origin },
  };
}

/** The SARIF 2.1.0 log of one run: every rule in the driver, one result per finding. */
function renderSarif(name: string, tree: DockerfileTree, lint: LintResult): string {
  const ruleIndex = new Map(lintRules.map((r, i) => [r.id, i]));
  const results = lint.findings.map((f) => {
    const start = place(tree, f.range.start);
    const end = place(tree, Math.max(f.range.end, f.range.start));
    return {
      ruleId: f.rule,
      ruleIndex: ruleIndex.get(f.rule) ?? -1,
      level: sarifLevel[f.severity],
      message: { text: f.message },
      locations: [
        {
          physicalLocation: {
            artifactLocation: { uri: name },
            region: { startLine: start.line, startColumn: start.column, endLine: end.line, endColumn: end.column },
          },
        },
      ],
      ...(f.built ? {} : { properties: { built: false } }),
    };
  });
  const log = {
    $schema: "https://json.schemastore.org/sarif-2.1.0.json",
    version: "2.1.0",
    runs: [
      {
        tool: { driver: { name: "Stagecraft", rules: lintRules.map(sarifRule) } },
        columnKind: "utf16CodeUnits",
        results,
      },
    ],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
}

/** The lint run for one file: the output, and whether anything reached a warning. */
export function runLint(source: SourceText, options: ParsedOptions, buildArgs: Record<string, string>): CommandOutput {
  const dockerignorePath = getOptionValue(options, "dockerignore");
  let dockerignore: string | undefined;
  if (dockerignorePath !== undefined) {
    try {
      dockerignore = readFileSync(resolve(process.env["INIT_CWD"] ?? process.cwd(), dockerignorePath), "utf8");
    } catch (error) {
      const reason = error instanceof Error && "code" in error && error.code === "ENOENT" ? "no such file" : error instanceof Error ? error.message : String(error);
      return { stdout: "", stderr: formatError(`cannot read --dockerignore '${dockerignorePath}': ${reason}`), exitCode: 2 };
    }
  }
  const target = getOptionValue(options, "target");
  const tree = parseDockerfile(source.text);
  const lintOptions = { buildArgs, ...(target === undefined ? {} : { target }), ...(dockerignore === undefined ? {} : { dockerignore }) };
  const graph = buildStageGraph(tree, lintOptions);
  const lint = lintStageGraph(graph, lintOptions);
  const format = (getOptionValue(options, "format") ?? "text") as LintFormat;
  const stdout =
    format === "json"
      ? `${JSON.stringify({ file: source.name, findings: lint.findings.map((f) => toJson(tree, graph, f)), error: lint.error }, null, 2)}\n`
      : format === "sarif"
        ? renderSarif(source.name, tree, lint)
        : renderText(source.name, tree, lint);
  // Build errors are the graph's, not findings: BuildKit stops before linting a file it cannot build.
  const buildErrors = graph.diagnostics.filter((d) => d.severity === "error");
  const stderr =
    buildErrors.map((d) => `${source.name}:${d.line}: error: ${toOneLine(d.message)} (${d.code})\n`).join("") + (lint.error === null ? "" : formatError(lint.error));
  const failing = buildErrors.length > 0 || lint.error !== null || lint.findings.some((f) => severityRank[f.severity] >= severityRank.warning);
  return { stdout, stderr, exitCode: failing ? 1 : 0 };
}
