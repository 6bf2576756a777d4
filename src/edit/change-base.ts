/** `changeBase`: what a stage is built `FROM`, an image or a stage above it. */
import { changesUnderExpansion } from "../model/expand.ts";
import { checkImageReference } from "../model/image-reference.ts";
import type { DockerfileTree } from "../syntax/types.ts";
import { findStage, nameOf, readContext } from "./context.ts";
import type { EditContext } from "./context.ts";
import type { EditResult } from "./types.ts";

/**
 * How FROM in stage `stage` can name an image or an earlier stage, or why it cannot. A string
 * that is the exact name of an earlier stage names that stage, as BuildKit reads it.
 */
export function baseReference(ctx: EditContext, stage: number, imageOrStage: string | number): { text: string } | { error: string } {
  const here = ctx.model.stages[stage];
  const label = here === undefined ? `#${stage}` : nameOf(here);
  if (typeof imageOrStage === "number") {
    const source = findStage(ctx, imageOrStage);
    if (typeof source === "string") return { error: source };
    if (source.index === stage) return { error: `Stage ${label} cannot be built on itself.` };
    if (source.index > stage) {
      return { error: `FROM can only use a stage above it: stage ${nameOf(source)} comes after stage ${label}. Move it up first.` };
    }
    if (source.name === null) return { error: `Stage #${source.index} has no name, and FROM can only name a stage by its name. Name it first.` };
    const shadow = ctx.model.stages.find((s) => s.name === source.name && s.index > source.index && s.index < stage);
    if (shadow !== undefined) return { error: `Stage #${shadow.index} is also named "${source.name}", so FROM ${source.name} would mean that one.` };
    return { text: source.name };
  }
  const text = imageOrStage.trim();
  if (text === "") return { error: "Name an image or a stage to build on." };
  if (/\s/.test(text)) return { error: `"${text}" is not an image reference: it has blanks in it.` };
  const later = ctx.model.stages.find((s) => s.name === text && s.index >= stage);
  const earlier = ctx.model.stages.some((s) => s.name === text && s.index < stage);
  if (later !== undefined && !earlier) {
    return {
      error:
        later.index === stage
          ? `Stage ${label} cannot be built on itself.`
          : `"${text}" is the name of stage #${later.index}, which comes after stage ${label}: FROM would pull an image called "${text}" instead. Move the stage up first.`,
    };
  }
  if (!earlier && text !== "scratch" && !changesUnderExpansion(text, ctx.tree.escape)) {
    const problem = checkImageReference(text);
    if (problem !== null) return { error: `"${text}" is not a valid image reference: ${problem}.` };
  }
  return { text };
}

/**
 * Rebases a stage: its FROM names another image or an earlier stage (given by index; it must
 * have a name, since FROM cannot name a stage by index). Flags and the `AS` name stay.
 *
 * @example
 * changeBase(tree, 2, "node:22-slim");
 * changeBase(tree, 2, 0); // FROM <name of stage 0>
 */
export function changeBase(tree: DockerfileTree, stage: number, imageOrStage: string | number): EditResult {
  const ctx = readContext(tree);
  const found = findStage(ctx, stage);
  if (typeof found === "string") return { error: found };
  const ref = baseReference(ctx, stage, imageOrStage);
  if ("error" in ref) return ref;
  const image = found.from.image;
  if (image !== null) return { edits: image.value === ref.text ? [] : [{ range: image.range, text: ref.text }] };
  const node = found.from.node;
  const at = node.flags[node.flags.length - 1]?.range.end ?? node.keywordRange.end;
  return { edits: [{ range: { start: at, end: at }, text: ` ${ref.text}` }] };
}
