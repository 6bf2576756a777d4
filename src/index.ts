/**
 * The public surface of Stagecraft's core. `web/`, the CLI and tests import only from here.
 */
export type * from "./syntax/types.ts";
export { parseDockerfile } from "./syntax/parse.ts";
export { printDockerfile } from "./syntax/print.ts";
export { dumpBuildkit } from "./syntax/dump.ts";
export { offsetToPosition, positionToOffset, applyTextEdits } from "./syntax/positions.ts";
