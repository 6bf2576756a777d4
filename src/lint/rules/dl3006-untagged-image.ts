import { hadolintRule, onInstruction } from "../define.ts";
import { imageParts } from "../image-ref.ts";

export const dl3006 = hadolintRule({
  id: "DL3006",
  severity: "warning",
  summary: "Always tag the version of an image explicitly",
  why: "An untagged image means :latest, which changes under you between builds.",
  howToFix: "Name a tag, e.g. alpine:3.20.",
  *check(ctx) {
    for (const g of ctx.graph.stages) {
      if (g.base.kind !== "image") continue;
      const image = g.stage.from.image;
      if (image === null || image.value.startsWith("$")) continue;
      const parts = imageParts(g.base.ref);
      if (parts.tag !== null || parts.digest !== null) continue;
      yield onInstruction(g.stage.from.node, g.index, `Always tag the version of an image explicitly (${g.base.ref} means ${g.base.ref}:latest)`, image.range);
    }
  },
});
