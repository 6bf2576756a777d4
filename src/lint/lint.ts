/**
 * `lintDockerfile`: every rule of the registry over one Dockerfile, for one target and one set of
 * build arguments, with BuildKit's `# check=` configuration and hadolint's ignore comments.
 */
import { offsetToPosition } from "../syntax/positions.ts";
import type { DockerfileTree } from "../syntax/types.ts";
import { automaticArgs, evaluateGlobalArgs } from "../model/args.ts";
import { buildStageGraph } from "../graph/build-stage-graph.ts";
import type { StageGraph } from "../graph/types.ts";
import { checkEnabled, defaultCheckConfig, firstWord, hadolintIgnores, mergeCommentConfig, parseCheckOptions } from "./check-options.ts";
import type { CheckConfig } from "./check-options.ts";
import { parseDockerignore } from "./dockerignore.ts";
import { lintRules } from "./registry.ts";
import { suppressionFor } from "./suppress.ts";
import type { Finding, LintContext, LintOptions, LintResult, LintRule, StageView } from "./types.ts";

function stageViews(graph: StageGraph): StageView[] {
  const views: StageView[] = [];
  for (const g of graph.stages) {
    const parent = g.base.kind === "stage" ? g.base.index : null;
    const parentView = parent === null ? undefined : views[parent];
    const rootImage = g.base.kind === "image" ? g.base.ref : g.base.kind === "stage" ? (parentView?.rootImage ?? null) : null;
    views.push({ stage: g.stage, parent, rootImage, built: g.reachable });
  }
  return views;
}

/** Where BuildKit stops parsing: the first instruction-level error, or the very start when the parser itself fails. */
function parseLimit(tree: DockerfileTree, graph: StageGraph): number {
  if (tree.fatal !== null) return 0;
  let limit = tree.source.length + 1;
  for (const d of graph.model.diagnostics) {
    if (d.severity === "error" && d.when === "parse" && d.stage !== null) limit = Math.min(limit, d.range.start);
  }
  return limit;
}

/** The file-level check config: `BUILDKIT_DOCKERFILE_CHECK` replaces the `# check=` directive. */
function fileCheckConfig(tree: DockerfileTree, buildArgs: Readonly<Record<string, string>>): { config: CheckConfig; error: string | null } {
  const fromArg = buildArgs["BUILDKIT_DOCKERFILE_CHECK"];
  if (fromArg !== undefined) {
    const parsed = parseCheckOptions(fromArg);
    return parsed.ok ? { config: parsed.config, error: null } : { config: defaultCheckConfig, error: `failed to parse BUILDKIT_DOCKERFILE_CHECK: ${parsed.error}` };
  }
  const directive = tree.directives.find((d) => d.key === "check");
  if (directive === undefined) return { config: defaultCheckConfig, error: null };
  const parsed = parseCheckOptions(firstWord(directive.value));
  return parsed.ok ? { config: parsed.config, error: null } : { config: defaultCheckConfig, error: `failed to parse check options: ${parsed.error}` };
}

function globalIgnores(tree: DockerfileTree): Set<string> {
  const comments: string[] = [];
  for (const node of tree.nodes) {
    if (node.kind === "comment") comments.push(tree.source.slice(node.range.start, node.range.end).trim().replace(/^#\s*/, ""));
  }
  return hadolintIgnores(comments, true);
}

/** Build the context the rules read, from the graph built for the same target and build arguments. */
export function createLintContext(graph: StageGraph, options: LintOptions = {}): LintContext {
  const buildArgs = options.buildArgs ?? {};
  const model = graph.model;
  const tree = model.tree;
  const stages = stageViews(graph);
  const last = model.stages[model.stages.length - 1];
  const targetName = options.target !== undefined && options.target !== "" ? options.target : (last?.name ?? "default");
  const automatic = automaticArgs(buildArgs, targetName);
  return {
    source: tree.source,
    model,
    graph,
    escape: tree.escape,
    options,
    buildArgs,
    globalScope: evaluateGlobalArgs(model.globalArgs, automatic, buildArgs, tree.escape),
    defaultScope: evaluateGlobalArgs(model.globalArgs, automatic, null, tree.escape),
    dockerignore: options.dockerignore === undefined ? null : parseDockerignore(options.dockerignore),
    stages,
    final: stages[graph.target] ?? null,
    instructionsByStage: model.stages.map((s) => s.instructions),
    parsedUpTo: parseLimit(tree, graph),
  };
}

function runRule(rule: LintRule, ctx: LintContext, fileConfig: CheckConfig, ignoredEverywhere: ReadonlySet<string>, out: Finding[]): void {
  if (ctx.parsedUpTo <= ctx.source.length && rule.phase !== "parse") return;
  for (const report of rule.check(ctx)) {
    if (report.range.start >= ctx.parsedUpTo) continue;
    const comments = report.node?.comments ?? [];
    const config = rule.phase === "file" ? fileConfig : mergeCommentConfig(fileConfig, comments);
    if (rule.origin === "buildkit") {
      if (!checkEnabled(config, rule.id, rule.experimental === true)) continue;
    } else if (config.skip.has(rule.id) || ignoredEverywhere.has(rule.id) || hadolintIgnores(comments, false).has(rule.id)) continue;
    const stage = report.stage;
    const suppress = suppressionFor(ctx.model.tree, rule, report.node);
    out.push({
      rule: rule.id,
      origin: rule.origin,
      severity: rule.origin === "buildkit" && fileConfig.error ? "error" : rule.severity,
      message: report.message,
      range: report.range,
      line: report.line ?? offsetToPosition(ctx.model.tree, report.range.start).line,
      stage,
      built: stage === null || ctx.stages[stage]?.built === true,
      ...(report.fix === undefined ? {} : { fix: report.fix }),
      ...(suppress === null ? {} : { suppress }),
    });
  }
}

/**
 * Lint a parsed Dockerfile. BuildKit's checks give what `docker build --check` gives (every
 * stage, each finding under BuildKit's rule name); the other rules are judged on the stages
 * the target builds, and every finding says whether its stage is built.
 *
 * @example
 * const { findings } = lintDockerfile(parseDockerfile("FROM alpine AS Build\n"), { target: "build" });
 * findings[0]?.rule; // "StageNameCasing"
 */
export function lintDockerfile(tree: DockerfileTree, options: LintOptions = {}): LintResult {
  const graph = buildStageGraph(tree, { ...(options.target === undefined ? {} : { target: options.target }), buildArgs: options.buildArgs ?? {} });
  return lintStageGraph(graph, options);
}

/**
 * `lintDockerfile` for a graph already built with `options.target` and `options.buildArgs`
 * (the app has one for every keystroke): the graph is not derived twice.
 */
export function lintStageGraph(graph: StageGraph, options: LintOptions = {}): LintResult {
  const tree = graph.model.tree;
  const ctx = createLintContext(graph, options);
  const file = fileCheckConfig(tree, ctx.buildArgs);
  const ignored = globalIgnores(tree);
  const findings: Finding[] = [];
  for (const rule of lintRules) {
    if (rule.origin === "buildkit" && file.error !== null) continue;
    runRule(rule, ctx, file.config, ignored, findings);
  }
  findings.sort((a, b) => a.range.start - b.range.start || a.line - b.line);
  let error = file.error;
  if (error === null && file.config.error) {
    const fired = [...new Set(findings.filter((f) => f.origin === "buildkit").map((f) => f.rule))];
    if (fired.length > 0) error = `lint violation found for rules: ${fired.join(", ")}`;
  }
  return { findings, error };
}
