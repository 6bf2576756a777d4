import { onInstruction, stagecraftRule } from "../define.ts";
import { cacheDirs, hasManagerCache, installsIn } from "../package-managers.ts";
import type { Manager } from "../package-managers.ts";
import { insertAt } from "../fixes.ts";

const mountFor: Partial<Record<Manager, string>> = {
  npm: "--mount=type=cache,target=/root/.npm",
  pnpm: "--mount=type=cache,id=pnpm,target=/pnpm/store",
  yarn: "--mount=type=cache,target=/usr/local/share/.cache/yarn",
  pip: "--mount=type=cache,target=/root/.cache/pip",
  uv: "--mount=type=cache,target=/root/.cache/uv",
  go: "--mount=type=cache,target=/go/pkg/mod --mount=type=cache,target=/root/.cache/go-build",
  cargo: "--mount=type=cache,target=/usr/local/cargo/registry",
  apt: "--mount=type=cache,target=/var/cache/apt,sharing=locked --mount=type=cache,target=/var/lib/apt,sharing=locked",
};

export const installWithoutCacheMount = stagecraftRule({
  id: "InstallWithoutCacheMount",
  anchor: "install-without-cache-mount",
  severity: "info",
  summary: "A package-manager install can keep its download cache between builds in a RUN --mount=type=cache",
  why: "Without a cache mount every rebuild of the layer downloads every package again.",
  howToFix: "Add RUN --mount=type=cache,target=<the package manager's cache> to the install.",
  *check(ctx) {
    for (const stage of ctx.model.stages) {
      for (const i of stage.instructions) {
        if (i.kind !== "run") continue;
        const install = installsIn(i).find((x) => !x.prune && x.manager in mountFor && !hasManagerCache(i, x.manager));
        if (install === undefined) continue;
        const mount = mountFor[install.manager] ?? "";
        yield {
          ...onInstruction(i.node, stage.index, `${install.manager} downloads again on every rebuild of this step: a cache mount on ${cacheDirs[install.manager][0]} keeps its cache between builds, out of the image`),
          fix: { title: `Add a cache mount for ${install.manager}`, edits: [insertAt(i.node.keywordRange.end, ` ${mount}`)] },
        };
      }
    }
  },
});
