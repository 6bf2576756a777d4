/**
 * A graph whose image names and paths hold everything that could break a diagram's syntax.
 * (COPY paths go through BuildKit's lexer, so their quotes and backslashes are removed on the way.)
 */
import { buildStageGraph } from "../graph/build-stage-graph.ts";
import type { StageGraph } from "../graph/types.ts";
import { parseDockerfile } from "../syntax/parse.ts";

export const hostileImage = 'evil"]; click s0 call alert(1)\n--> s1[<b>x</b>] & %% é 😀 `md` #35; \\l';
export const hostilePath = '<script>alert("x")</script> --> ]] |pipe| \u2028 \\N "q"';

export function buildHostileGraph(): StageGraph {
  const text = [
    "ARG IMG",
    "FROM $IMG AS build",
    `COPY ${JSON.stringify([hostilePath, "/d\nnext line"])}`,
    "FROM scratch",
    `COPY --from=build ${JSON.stringify([hostilePath, "/x\"y"])}`,
    "COPY --from=later /a /b",
    "FROM alpine AS later",
    "",
  ].join("\n");
  return buildStageGraph(parseDockerfile(text), { buildArgs: { IMG: hostileImage }, target: "" });
}
