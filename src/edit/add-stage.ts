/** `addStage`: a new stage from a template, filled in from what the file already uses. */
import type { DockerfileTree } from "../syntax/types.ts";
import { checkStageName, readContext, renumberIndexReferences } from "./context.ts";
import type { EditContext } from "./context.ts";
import { detectBaseImage, detectToolchain, detectWorkdir, underWorkdir } from "./ecosystem.ts";
import { freshName } from "./naming.ts";
import { stageInsertion } from "./spans.ts";
import { keyword } from "./style.ts";
import type { EditResult, StageTemplate } from "./types.ts";

/** The name of the last stage above `atIndex` whose name is one of `names`, else null. */
function earlierStage(ctx: EditContext, atIndex: number, names: readonly string[]): string | null {
  let found: string | null = null;
  for (const stage of ctx.model.stages.slice(0, atIndex)) if (stage.name !== null && names.includes(stage.name)) found = stage.name;
  return found;
}

/** The lines of a template (instruction names in upper case; the file's case is applied after). */
function templateLines(ctx: EditContext, template: StageTemplate, atIndex: number, name: string): [string, string][] {
  const image = detectBaseImage(ctx);
  const workdir = detectWorkdir(ctx);
  const tool = detectToolchain(ctx);
  const base = earlierStage(ctx, atIndex, ["base"]);
  const builder = earlierStage(ctx, atIndex, ["builder", "build"]);
  const pruner = earlierStage(ctx, atIndex, ["pruner", "prune", "deps"]);
  const from = (on: string | null): [string, string] => ["FROM", `${on ?? image} ${ctx.style.lowercase ? "as" : "AS"} ${name}`];
  const workdirUnlessInherited = (on: string | null): [string, string][] => (on === null ? [["WORKDIR", workdir]] : []);
  const output = underWorkdir(workdir, tool.output);
  switch (template) {
    case "empty":
      return [from(null)];
    case "base":
      return [from(null), ["WORKDIR", workdir]];
    case "builder":
      return [from(base), ...workdirUnlessInherited(base), ["COPY", ". ."], ["RUN", tool.build]];
    case "pruner":
      if (tool.prune !== null) return [from(builder ?? base), ...workdirUnlessInherited(builder ?? base), ["RUN", tool.prune]];
      return [from(base), ...workdirUnlessInherited(base), ...(builder === null ? [] : [["COPY", `--from=${builder} ${output} ${output}`] as [string, string]])];
    case "final": {
      const lines: [string, string][] = [from(base), ...workdirUnlessInherited(base)];
      if (pruner !== null && tool.prune !== null) lines.push(["COPY", `--from=${pruner} ${workdir} ${workdir}`]);
      else if (pruner !== null) lines.push(["COPY", `--from=${pruner} ${output} ${output}`]);
      else if (builder !== null) lines.push(["COPY", `--from=${builder} ${output} ${output}`]);
      return lines;
    }
  }
}

const defaultNames: Readonly<Record<StageTemplate, string>> = { empty: "stage", base: "base", builder: "builder", pruner: "pruner", final: "final" };

/**
 * Adds a stage so that it becomes stage `atIndex` (0 … number of stages). Templates:
 * - `empty`: `FROM <base image> AS stage`;
 * - `base`: the file's base image and WORKDIR;
 * - `builder`: `FROM base` (when a stage `base` is above), `COPY . .` and the build command of the
 *   file's toolchain (npm, pnpm, yarn, uv, pip, go, cargo, maven, gradle, else make);
 * - `pruner`: drops build-only dependencies (`npm prune --omit=dev`, …), or copies only the build
 *   output from `builder` where the toolchain has no such step;
 * - `final`: `FROM base` with the pruned app or the build output copied in.
 * So adding base, builder, pruner and final in turn gives the whole pattern. The stage is named
 * after its template (`builder-2` when taken) unless `name` is given. `COPY --from=N` references
 * to stages that move down are renumbered.
 *
 * @example
 * addStage(tree, "builder", tree.stages.length);
 */
export function addStage(tree: DockerfileTree, template: StageTemplate, atIndex: number, name?: string): EditResult {
  const ctx = readContext(tree);
  const count = ctx.model.stages.length;
  if (!Number.isInteger(atIndex) || atIndex < 0 || atIndex > count) return { error: `A new stage can go at #0 to #${count}, not #${atIndex}.` };
  if (!(template in defaultNames)) return { error: `There is no stage template "${String(template)}".` };
  const stageName = name ?? freshName(ctx, defaultNames[template]);
  const problem = checkStageName(ctx, stageName, null);
  if (problem !== null) return { error: problem };
  const text = templateLines(ctx, template, atIndex, stageName)
    .map(([instruction, args]) => `${keyword(ctx.style, instruction)} ${args}${ctx.style.eol}`)
    .join("");
  const renumbered = renumberIndexReferences(ctx, (old) => (old >= atIndex ? old + 1 : old));
  return { edits: [stageInsertion(ctx.tree, ctx.model, ctx.style, atIndex, text), ...renumbered] };
}
