import { onInstruction, stagecraftRule } from "../define.ts";
import { shippingStages } from "../stage-sets.ts";

/** Paths that hold toolchains or package-manager caches, never the app. */
const toolPaths = /^\/(usr\/local\/go|usr\/local\/cargo|usr\/local\/rustup|root\/\.(cache|npm|m2|gradle|cargo|rustup|composer)|go\/pkg|usr\/lib\/gcc|usr\/bin\/(gcc|g\+\+|cc|make))(\/|$)|(^|\/)node_modules\/\.cache(\/|$)|^\/pnpm\/store/;

export const finalCopiesBuildTree = stagecraftRule({
  id: "FinalCopiesBuildTree",
  anchor: "final-copies-build-tree",
  severity: "warning",
  summary: "The final stage should copy artifacts, not a whole builder tree or its build tools",
  why: "Copying a builder's whole tree carries sources, caches and build tools into the shipped image.",
  howToFix: "Copy only the built artifacts (dist/, the binary) from the builder.",
  *check(ctx) {
    for (const stage of shippingStages(ctx)) {
      for (const i of ctx.model.stages[stage]?.instructions ?? []) {
        if (i.kind !== "copy" || i.from === null) continue;
        const edge = ctx.graph.edges.find((e) => e.instruction === i);
        if (edge === undefined || edge.source.kind !== "stage") continue;
        const from = ctx.model.stages[edge.source.index];
        const label = from?.name ?? `stage ${edge.source.index}`;
        for (const source of i.sources) {
          const path = source.value.replace(/\/+$/, "") || "/";
          if (path === "/" || path === "." || path === "/*") {
            yield onInstruction(i.node, stage, `COPY --from=${i.from.value} ${source.value} copies the whole ${label} filesystem into the image: copy the built artifacts only`, source.range);
          } else if (toolPaths.test(path)) {
            yield onInstruction(i.node, stage, `${source.value} from ${label} is a toolchain or package cache, not part of the app: leave it in the builder`, source.range);
          }
        }
      }
    }
  },
});
