import { onInstruction, stagecraftRule } from "../define.ts";
import { imageParts } from "../image-ref.ts";
import { shippingStages } from "../stage-sets.ts";

export const finalFromWithoutDigest = stagecraftRule({
  id: "FinalFromWithoutDigest",
  anchor: "final-from-without-digest",
  severity: "info",
  summary: "The base of the shipped image is pinned by tag only: a digest makes the build reproducible",
  why: "A tag can be moved to another image; a digest cannot, so the shipped base is exactly the one tested.",
  howToFix: "Add the digest: FROM image:tag@sha256:…",
  *check(ctx) {
    const ships = shippingStages(ctx);
    const root = ships[ships.length - 1];
    const g = root === undefined ? undefined : ctx.graph.stages[root];
    if (g === undefined || g.base.kind !== "image" || g.stage.from.image === null) return;
    const parts = imageParts(g.base.ref);
    if (parts.digest !== null || parts.tag === null) return;
    yield onInstruction(g.stage.from.node, g.index, `${g.base.ref} is pinned by tag only: add @sha256:… so that the shipped base cannot change under the same tag`, g.stage.from.image.range);
  },
});
