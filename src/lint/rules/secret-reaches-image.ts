import { onInstruction, stagecraftRule } from "../define.ts";
import { secretArgFix } from "../secret-fix.ts";
import { runScript } from "../shell-commands.ts";
import { shippingStages } from "../stage-sets.ts";
import { looksLikeSecret } from "./secrets-used-in-arg-or-env.ts";

/**
 * BuildKit's SecretsUsedInArgOrEnv flags the names; this says where the value ends up: an ENV in
 * the shipped stages is in the image config, an ARG a RUN reads is in that layer's history.
 */
export const secretReachesImage = stagecraftRule({
  id: "SecretInBuildArgOrEnv",
  anchor: "secret-in-build-arg-or-env",
  severity: "warning",
  summary: "Pass secrets with RUN --mount=type=secret, not ARG or ENV: their values stay in the image",
  why: "A secret passed by ARG or ENV is stored in the image history and config of the stages that use it.",
  howToFix: "Mount it: RUN --mount=type=secret,id=NAME and read /run/secrets/NAME.",
  *check(ctx) {
    const ships = new Set(shippingStages(ctx));
    for (const stage of ctx.model.stages) {
      if (ctx.stages[stage.index]?.built !== true) continue;
      const runs = stage.instructions.filter((i) => i.kind === "run");
      for (const i of stage.instructions) {
        if (i.kind === "env" && ships.has(stage.index)) {
          for (const p of i.pairs) {
            if (looksLikeSecret(p.key.value) && p.value.value !== "") {
              yield onInstruction(i.node, stage.index, `ENV ${p.key.value} is stored in the image config: anyone who pulls the image can read it`, p.key.range);
            }
          }
        }
        if (i.kind !== "arg") continue;
        for (const d of i.declarations) {
          if (!looksLikeSecret(d.name.value)) continue;
          const name = d.name.value;
          const used = runs.some((r) => r.line > i.line && new RegExp(`\\$\\{?${name}\\b`).test(r.kind === "run" ? runScript(r) : ""));
          if (!used) continue;
          const fix = secretArgFix(ctx, i, d, stage.index);
          yield {
            ...onInstruction(i.node, stage.index, `ARG ${name} is read by a RUN: its value is recorded in the image history. Pass it with RUN --mount=type=secret`, d.name.range),
            ...(fix === null ? {} : { fix }),
          };
        }
      }
    }
  },
});
