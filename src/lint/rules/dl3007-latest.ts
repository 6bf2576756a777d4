import { hadolintRule, onInstruction } from "../define.ts";
import { imageParts } from "../image-ref.ts";

export const dl3007 = hadolintRule({
  id: "DL3007",
  severity: "warning",
  summary: "Using latest is prone to errors if the image will ever update. Pin the version explicitly to a release tag",
  why: "`latest` moves: two builds of the same file get different bases.",
  howToFix: "Pin a release tag (and a digest for reproducible builds).",
  *check(ctx) {
    for (const g of ctx.graph.stages) {
      if (g.base.kind !== "image" || g.stage.from.image === null) continue;
      const parts = imageParts(g.base.ref);
      if (parts.tag !== "latest" || parts.digest !== null) continue;
      yield onInstruction(g.stage.from.node, g.index, `Using ${g.base.ref} is prone to errors if the image ever updates: pin a release tag`, g.stage.from.image.range);
    }
  },
});
