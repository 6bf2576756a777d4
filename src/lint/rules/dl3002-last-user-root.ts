import { hadolintRule, onInstruction } from "../define.ts";
import { shippingStages } from "../stage-sets.ts";
import type { ValueInstruction } from "../../model/types.ts";

const rootUser = /^(root|0)(:.*)?$/;

/**
 * hadolint checks the last USER of every stage; only the image the target produces runs as that
 * user, so here only the final stage (and the stages it is built FROM) count.
 */
export const dl3002 = hadolintRule({
  id: "DL3002",
  severity: "warning",
  summary: "Last USER should not be root (judged on the stage the target ships, not every stage)",
  why: "A container that runs as root gives an escape from the application full control of the container. Only the stage that ships matters: builder stages never run as containers.",
  howToFix: "Add a USER with an unprivileged user at the end of the final stage.",
  *check(ctx) {
    for (const index of shippingStages(ctx)) {
      const users = (ctx.model.stages[index]?.instructions ?? []).filter((i): i is ValueInstruction => i.kind === "user");
      const last = users[users.length - 1];
      if (last === undefined) continue;
      if (last.value !== null && rootUser.test(last.value.value)) {
        yield onInstruction(last.node, index, `Last USER of the image is ${last.value.value}: the container runs as root`, last.value.range);
      }
      return;
    }
  },
});
