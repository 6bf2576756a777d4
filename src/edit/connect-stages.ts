/** `connectStages`: make one stage use another stage (or an image) by COPY, FROM or a RUN mount. */
import type { CopyInstruction, RunInstruction, Stage, TypedInstruction } from "../model/types.ts";
import { changesUnderExpansion } from "../model/expand.ts";
import { checkImageReference } from "../model/image-reference.ts";
import type { DockerfileTree, TextEdit } from "../syntax/types.ts";
import { changeBase } from "./change-base.ts";
import { findStage, nameOf, readContext } from "./context.ts";
import type { EditContext } from "./context.ts";
import { stageNameTable } from "./references.ts";
import { insertAfter } from "./spans.ts";
import { indentOf, jsonArray, keyword, plainWord } from "./style.ts";
import type { ConnectionKind, EditResult } from "./types.ts";

export interface Connection {
  /** A stage index, or an image reference. */
  readonly source: number | string;
  /** Index of the stage that uses the source. */
  readonly target: number;
  readonly kind: ConnectionKind;
  /** Copy: the paths to copy (at least one); mount: the mount's `source` (at most one; none mounts the whole stage). */
  readonly sources: readonly string[];
  /** Copy: the destination; mount: where it is mounted. Unused for `from`. */
  readonly dest: string;
  /** Mount: index (in the target stage's instructions) of the RUN that gets the mount; the stage's first RUN when absent. */
  readonly run?: number;
}

/** How `--from=` / `from=` names the source, or why it cannot. */
function sourceReference(ctx: EditContext, source: number | string, target: Stage, byIndex: boolean, what: string): { text: string } | { error: string } {
  if (typeof source === "string") {
    const text = source.trim();
    if (text === "" || /[\s,"']/.test(text)) return { error: `"${source}" is not an image reference.` };
    if (changesUnderExpansion(text, ctx.tree.escape)) return { error: `${what} cannot use a variable: BuildKit does not expand it.` };
    if (stageNameTable(ctx.model.stages).has(text.toLowerCase())) return { error: `"${text}" is the name of a stage here; pick the stage instead of an image.` };
    const problem = checkImageReference(text);
    return problem === null ? { text } : { error: `"${text}" is not a valid image reference: ${problem}.` };
  }
  const stage = findStage(ctx, source);
  if (typeof stage === "string") return { error: stage };
  if (stage.index === target.index) return { error: `Stage ${nameOf(target)} cannot use itself.` };
  if (stage.index > target.index) {
    return { error: `${what} can only use a stage above it: stage ${nameOf(stage)} comes after stage ${nameOf(target)}. Move it up first.` };
  }
  if (stage.name !== null && stageNameTable(ctx.model.stages).get(stage.name) === stage.index) return { text: stage.name };
  if (!byIndex) return { error: `${what} can only name a stage by its name, and stage #${stage.index} has ${stage.name === null ? "none" : "a name another stage repeats"}. Name it first.` };
  return { text: String(stage.index) };
}

function isCopyFrom(i: TypedInstruction): i is CopyInstruction {
  return i.kind === "copy" && i.from !== null;
}

/** After the stage's other `COPY --from` lines, else after its WORKDIR, else after FROM. */
function copyAnchor(stage: Stage): TypedInstruction {
  const list = stage.instructions;
  const lastOf = (test: (i: TypedInstruction) => boolean) => [...list].reverse().find(test);
  return lastOf(isCopyFrom) ?? lastOf((i) => i.kind === "workdir") ?? stage.from;
}

/** The indentation the stage's instructions use. */
function stageIndent(ctx: EditContext, stage: Stage): string {
  const first = stage.instructions[0];
  return first === undefined ? indentOf(ctx.tree, stage.from.node) : indentOf(ctx.tree, first.node);
}

function connectCopy(ctx: EditContext, c: Connection, target: Stage): EditResult {
  const paths = c.sources.map((s) => s.trim()).filter((s) => s !== "");
  const dest = c.dest.trim();
  if (paths.length === 0) return { error: "Name at least one path to copy." };
  if (dest === "") return { error: "Name where to copy to." };
  const ref = sourceReference(ctx, c.source, target, true, "COPY --from");
  if ("error" in ref) return ref;
  const words = [...paths, dest];
  const plain = words.map((w) => plainWord(ctx.style, w));
  const args = plain.every((w) => w !== null) ? plain.join(" ") : jsonArray(words);
  const line = `${stageIndent(ctx, target)}${keyword(ctx.style, "COPY")} --from=${ref.text} ${args}${ctx.style.eol}`;
  return { edits: [insertAfter(ctx.tree, copyAnchor(target).node, ctx.style, line)] };
}

function mountField(value: string): string | null {
  return value === "" || /[\s,"'=]/.test(value) ? null : value;
}

function connectMount(ctx: EditContext, c: Connection, target: Stage): EditResult {
  const runs = target.instructions.filter((i): i is RunInstruction => i.kind === "run");
  const run = c.run === undefined ? runs[0] : target.instructions[c.run];
  if (run === undefined) return { error: `Stage ${nameOf(target)} has no RUN to add a mount to.` };
  if (run.kind !== "run") return { error: `Instruction ${c.run} of stage ${nameOf(target)} is ${run.node.name}, not RUN.` };
  if (c.sources.length > 1) return { error: "A mount takes one source path (or none, for the whole stage)." };
  const ref = sourceReference(ctx, c.source, target, false, "RUN --mount from=");
  if ("error" in ref) return ref;
  const dest = mountField(c.dest.trim());
  const source = c.sources[0]?.trim() ?? "";
  const sourceField = source === "" ? "" : mountField(source);
  if (dest === null || sourceField === null) return { error: "Mount paths cannot be empty or contain blanks, commas, quotes or \"=\"." };
  const fields = ["type=bind", `from=${ref.text}`, ...(sourceField === "" ? [] : [`source=${sourceField}`]), `target=${dest}`];
  const node = run.node;
  const at = node.flags[node.flags.length - 1]?.range.end ?? node.keywordRange.end;
  const edit: TextEdit = { range: { start: at, end: at }, text: ` --mount=${fields.join(",")}` };
  return { edits: [edit] };
}

/**
 * Makes stage `target` use `source`, a stage above it or an image:
 * - `copy` inserts `COPY --from=SOURCE SRC… DEST` after the stage's other `COPY --from` lines,
 *   else after its WORKDIR, else after FROM (so before USER, CMD and ENTRYPOINT);
 * - `from` rebases the stage on the source (see `changeBase`);
 * - `mount` adds `--mount=type=bind,from=SOURCE[,source=SRC],target=DEST` to a RUN of the stage.
 * A stage is named by its name where it has one, else (COPY only) by index. The new line follows
 * the file's keyword case, indentation and line endings; paths with blanks use the JSON form.
 *
 * @example
 * connectStages(tree, { source: 0, target: 2, kind: "copy", sources: ["/app/dist"], dest: "/usr/share/nginx/html" });
 */
export function connectStages(tree: DockerfileTree, connection: Connection): EditResult {
  const ctx = readContext(tree);
  const target = findStage(ctx, connection.target);
  if (typeof target === "string") return { error: target };
  switch (connection.kind) {
    case "from":
      return changeBase(tree, connection.target, connection.source);
    case "copy":
      return connectCopy(ctx, connection, target);
    case "mount":
      return connectMount(ctx, connection, target);
  }
}
