import { onInstruction, runsOf, stagecraftRule } from "../define.ts";
import { installsIn } from "../package-managers.ts";
import { foldStages } from "../stage-fold.ts";
import { shippingStages } from "../stage-sets.ts";

const nodeOrPython = new Set(["npm", "pnpm", "yarn", "uv", "poetry", "composer"]);

/** Per stage: whether its dependency tree (with what it inherits) still holds dev dependencies. */
function devState(ctx: Parameters<typeof shippingStages>[0]): boolean[] {
  return foldStages(
    ctx,
    () => false,
    (s) => s,
    (dev, i) => {
      if (i.kind === "env" && i.pairs.some((p) => p.key.value === "NODE_ENV" && /production/.test(p.value.value))) return dev;
      if (i.kind !== "run") return dev;
      for (const install of installsIn(i)) {
        if (!nodeOrPython.has(install.manager)) continue;
        dev = install.prune ? false : dev || !install.production;
      }
      return dev;
    },
  );
}

export const devDependenciesInFinal = stagecraftRule({
  id: "DevDependenciesInFinal",
  anchor: "dev-dependencies-in-final",
  severity: "warning",
  summary: "Dev dependencies should not reach the image the target ships: install with a production flag, or prune before copying",
  why: "Dev dependencies (test tools, compilers, type definitions) in the shipped image add size and attack surface.",
  howToFix: "Install with the production flag (npm ci --omit=dev, pnpm install --prod…) or prune before copying into the final stage.",
  *check(ctx) {
    const ships = shippingStages(ctx);
    const dev = devState(ctx);
    const nodeEnvProduction = ships.some((s) => (ctx.model.stages[s]?.instructions ?? []).some((i) => i.kind === "env" && i.pairs.some((p) => p.key.value === "NODE_ENV" && /production/.test(p.value.value))));
    for (const stage of ships) {
      for (const run of runsOf(ctx, stage)) {
        for (const install of installsIn(run)) {
          if (!nodeOrPython.has(install.manager) || install.production || install.prune) continue;
          if ((install.manager === "npm" || install.manager === "yarn" || install.manager === "pnpm") && nodeEnvProduction) continue;
          yield onInstruction(run.node, stage, `${install.manager} installs dev dependencies in a stage the image is built from: add a production flag (npm ci --omit=dev, pnpm install --prod, uv sync --no-dev) or prune`);
          break;
        }
      }
      for (const i of ctx.model.stages[stage]?.instructions ?? []) {
        if (i.kind !== "copy" || i.from === null) continue;
        const edge = ctx.graph.edges.find((e) => e.instruction === i && e.source.kind === "stage");
        if (edge === undefined || edge.source.kind !== "stage") continue;
        if (dev[edge.source.index] !== true) continue;
        if (!i.sources.some((s) => /node_modules|\.venv|site-packages|vendor/.test(s.value) || s.value === "/" || s.value === "/app")) continue;
        const from = ctx.model.stages[edge.source.index];
        yield onInstruction(i.node, stage, `The dependencies copied from ${from?.name ?? `stage ${edge.source.index}`} include dev dependencies: prune them there (npm prune --omit=dev, pnpm prune --prod, uv sync --no-dev) or copy from a stage that installs production ones only`, i.from.node.range);
      }
    }
  },
});
