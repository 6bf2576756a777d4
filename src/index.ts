/**
 * The public surface of Stagecraft's core. `web/`, the CLI and tests import only from here.
 */
export type * from "./syntax/types.ts";
export { parseDockerfile } from "./syntax/parse.ts";
export { printDockerfile } from "./syntax/print.ts";
export { dumpBuildkit } from "./syntax/dump.ts";
export { offsetToPosition, positionToOffset, applyTextEdits } from "./syntax/positions.ts";
export type * from "./model/types.ts";
export type * from "./graph/types.ts";
export { analyzeDockerfile } from "./model/analyze.ts";
export { buildStageGraph } from "./graph/build-stage-graph.ts";
export { stageGraphToJson } from "./graph/to-json.ts";
export { findGraphNode } from "./graph/ids.ts";
export type { GraphNodeRef } from "./graph/ids.ts";
export type { StageGraphJson } from "./graph/to-json.ts";
export { renderMermaid } from "./export/mermaid.ts";
export { renderDot } from "./export/dot.ts";
export type * from "./lint/types.ts";
export { lintDockerfile, lintStageGraph } from "./lint/lint.ts";
export { lintRules, findLintRule } from "./lint/registry.ts";
export { parseDockerignore } from "./lint/dockerignore.ts";
