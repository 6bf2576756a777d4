import { hadolintRule, onInstruction, runsOf } from "../define.ts";
import { hasCacheMount } from "../apt.ts";
import { foldStages } from "../stage-fold.ts";
import { findInvocations, runScript } from "../shell-commands.ts";
import { shippingStages } from "../stage-sets.ts";

/** Judged on the stages the image is built from: a builder's pip cache does not ship. */
export const dl3042 = hadolintRule({
  id: "DL3042",
  severity: "warning",
  summary: "Avoid use of cache directory with pip. Use `pip install --no-cache-dir <package>` (judged on the stages the image is built from)",
  why: "pip keeps its download cache in the layer, which then ships in the image. Judged on the stages the image is built from.",
  howToFix: "Add --no-cache-dir, or use a cache mount for /root/.cache/pip.",
  *check(ctx) {
    // PIP_NO_CACHE_DIR set by ENV anywhere up the chain does the same.
    const envOff = foldStages(ctx, () => false, (s) => s, (off, i) => off || (i.kind === "env" && i.pairs.some((p) => p.key.value === "PIP_NO_CACHE_DIR")));
    for (const stage of shippingStages(ctx)) {
      if (envOff[stage] === true) continue;
      for (const run of runsOf(ctx, stage)) {
        if (hasCacheMount(run, "/root/.cache/pip", "/root/.cache")) continue;
        const installs = findInvocations(runScript(run), ["pip", "pip3", "python", "python3"], "install").filter((i) => !i.args.includes("--no-cache-dir"));
        if (installs.length === 0) continue;
        let fix;
        if (run.command.form === "shell") {
          const range = run.command.text.range;
          const text = ctx.source.slice(range.start, range.end);
          const edits = [...text.matchAll(/\bpip3?((?:\s+-[-\w=]+)*)\s+install\b/g)].map((m) => {
            const at = range.start + (m.index ?? 0) + m[0].length;
            return { range: { start: at, end: at }, text: " --no-cache-dir" };
          });
          if (edits.length > 0) fix = { title: "Add --no-cache-dir", edits };
        }
        yield { ...onInstruction(run.node, stage, "pip keeps its download cache in the layer: use pip install --no-cache-dir"), ...(fix === undefined ? {} : { fix }) };
      }
    }
  },
});
