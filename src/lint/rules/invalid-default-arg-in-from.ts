import { buildkitRule, onInstruction } from "../define.ts";
import { expandWord } from "../../model/expand.ts";
import { checkImageReference } from "../../model/image-reference.ts";

export const invalidDefaultArgInFrom = buildkitRule({
  id: "InvalidDefaultArgInFrom",
  summary: "Default value for global ARG results in an empty or invalid base image name",
  docsSlug: "invalid-default-arg-in-from",
  phase: "file",
  why: "With its default value the ARG gives an empty or invalid image name, so a build without --build-arg fails.",
  howToFix: "Give the ARG a default that makes a valid image reference.",
  *check(ctx) {
    // With no build arguments, does every base name expand to an image reference? BuildKit stops at the first expansion error.
    const defaults = ctx.defaultScope;
    if (defaults.problems.length > 0) return;
    for (const stage of ctx.model.stages) {
      const image = stage.from.image;
      if (image === null) continue;
      const expanded = expandWord(image.value, defaults.env, { escape: ctx.escape });
      if (!expanded.ok) return;
      if (checkImageReference(expanded.value) === null) continue;
      yield onInstruction(stage.from.node, stage.index, `Default value for ARG ${image.value} results in empty or invalid base image name`, image.range);
    }
  },
});
