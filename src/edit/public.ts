/**
 * The edit operations of the core: graph intent → minimal `TextEdit[]`. Re-exported by
 * `src/index.ts`; listed here so the public surface of `src/edit/` is in one place.
 */
export type { EditResult, StageTemplate, ConnectionKind } from "./types.ts";
export { renameStage } from "./rename-stage.ts";
export { connectStages } from "./connect-stages.ts";
export type { Connection } from "./connect-stages.ts";
export { removeEdge } from "./remove-edge.ts";
export type { RemoveEdgeOptions } from "./remove-edge.ts";
export { deleteStage } from "./delete-stage.ts";
export type { DeleteStageOptions } from "./delete-stage.ts";
export { moveStage } from "./move-stage.ts";
export { changeBase } from "./change-base.ts";
export { addStage } from "./add-stage.ts";
export { suggestCopyPaths } from "./suggest-copy-paths.ts";
export type { CopyPathSuggestion } from "./suggest-copy-paths.ts";
export { moveInstruction } from "./move-instruction.ts";
export type { InstructionPlace } from "./move-instruction.ts";
export { splitStage } from "./split-stage.ts";
export { duplicateStage } from "./duplicate-stage.ts";
