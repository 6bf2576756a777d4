import { hadolintRule, onInstruction, runsOf } from "../define.ts";
import { cleansAptLists, hasCacheMount, installsWithApt } from "../apt.ts";
import { runScript } from "../shell-commands.ts";
import { shippingStages } from "../stage-sets.ts";

/**
 * hadolint asks every stage to delete apt's lists; a builder stage's lists never reach the image,
 * so here only the stages the target ships are judged.
 */
export const dl3009 = hadolintRule({
  id: "DL3009",
  severity: "info",
  summary: "Delete the apt-get lists after installing something (judged on the stages the image is built from)",
  why: "The apt lists (tens of MB) stay in the layer and ship in the image. Judged on the stages the image is built from.",
  howToFix: "End the install with && rm -rf /var/lib/apt/lists/*, or use a cache mount for /var/lib/apt.",
  *check(ctx) {
    for (const stage of shippingStages(ctx)) {
      for (const run of runsOf(ctx, stage)) {
        if (!installsWithApt(run) || hasCacheMount(run, "/var/lib/apt/lists", "/var/lib/apt")) continue;
        const script = runScript(run);
        if (cleansAptLists(script)) continue;
        const fix =
          run.command.form === "shell" && run.heredocs.length === 0
            ? { title: "Add && rm -rf /var/lib/apt/lists/*", edits: [{ range: { start: run.command.text.range.end, end: run.command.text.range.end }, text: " \\\n    && rm -rf /var/lib/apt/lists/*" }] }
            : undefined;
        yield { ...onInstruction(run.node, stage, "Delete the apt-get lists after installing (rm -rf /var/lib/apt/lists/*): they ship in this layer"), ...(fix === undefined ? {} : { fix }) };
      }
    }
  },
});
