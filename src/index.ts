/**
 * The public surface of Stagecraft's core. `web/`, the CLI and tests import only from here.
 */
export type * from "./syntax/types.ts";
export { parseDockerfile } from "./syntax/parse.ts";
export { printDockerfile } from "./syntax/print.ts";
export { dumpBuildkit } from "./syntax/dump.ts";
export { decodeDockerfileBytes } from "./syntax/decode.ts";
export type { DecodeResult } from "./syntax/decode.ts";
export { offsetToPosition, positionToOffset, applyTextEdits } from "./syntax/positions.ts";
export type * from "./model/types.ts";
export type * from "./graph/types.ts";
export { analyzeDockerfile } from "./model/analyze.ts";
export { buildStageGraph } from "./graph/build-stage-graph.ts";
export { stageGraphToJson } from "./graph/to-json.ts";
export { findGraphNode, imageId } from "./graph/ids.ts";
export type { GraphNodeRef } from "./graph/ids.ts";
export type { StageGraphJson } from "./graph/to-json.ts";
export { renderMermaid } from "./export/mermaid.ts";
export { renderDot } from "./export/dot.ts";
export type * from "./lint/types.ts";
export { lintDockerfile, lintStageGraph } from "./lint/lint.ts";
export { lintRules, findLintRule } from "./lint/registry.ts";
export { describeRule, renderLintRulesDoc, type RuleDoc } from "./lint/rule-docs.ts";
export { parseDockerignore } from "./lint/dockerignore.ts";
export { showInvisibles } from "./export/visible-text.ts";
export {
  elide,
  findLastLine,
  formatLineRange,
  labelCopiedPaths,
  labelCountedEdge,
  labelGraphEdge,
  shortenPath,
  summarizeBase,
  summarizeInstruction,
  MAX_INSTRUCTION_TEXT,
} from "./export/summarize.ts";
export type { BaseSummary, InstructionSummary } from "./export/summarize.ts";
export { inferStageRoles, stageRoles } from "./explain/roles.ts";
export type { StageRole, RoleInference, RoleInput } from "./explain/roles.ts";
export { explainBuild, explainNotBuilt, explainSteps } from "./explain/explain-build.ts";
export type { BuildExplanation, ExplainedStage, ExplainedStep } from "./explain/explain-build.ts";
export { describeInstruction } from "./explain/describe-instruction.ts";
export { whatShips, tracePath } from "./explain/ships.ts";
export type { WhatShips, ShippedCopy, PathOrigin } from "./explain/ships.ts";
export { buildSchedule } from "./explain/schedule.ts";
export type { BuildSchedule } from "./explain/schedule.ts";
export { cacheImpact, cacheImpactOnGraph, listContextSources } from "./explain/cache-impact.ts";
export type { CacheImpact, CacheImpactOptions, StageCacheImpact, RerunStep } from "./explain/cache-impact.ts";
export { instructionDocs, mountDocs, findInstructionDoc, findFlagDoc, findMountDoc, formatDoc } from "./explain/instruction-docs.ts";
export type { DocEntry, InstructionDoc } from "./explain/instruction-docs.ts";
export { hoverAt, completionsAt } from "./explain/editor-help.ts";
export type { Hover, Completions, CompletionItem, CompletionKind } from "./explain/editor-help.ts";
export { renderExplanationText, renderHandout, describeShips, describeSchedule, describeCacheImpact } from "./explain/render.ts";
export * from "./layout/index.ts";
export * from "./edit/public.ts";
export { renderSvg, drawScene, PNG_SCALE } from "./export/svg.ts";
export type { SvgOptions, SvgPicture } from "./export/svg.ts";
export type { SvgTheme } from "./export/svg-style.ts";
export { describeScene, placeScene } from "./export/scene.ts";
export type { Scene, SceneStage, SceneImage, SceneEdge, SceneLayout, SceneOptions } from "./export/scene.ts";
