import { buildkitRule, onInstruction } from "../define.ts";
import { expandWord } from "../../model/expand.ts";

export const fromPlatformFlagConstDisallowed = buildkitRule({
  id: "FromPlatformFlagConstDisallowed",
  summary: "FROM --platform flag should not use a constant value",
  docsSlug: "from-platform-flag-const-disallowed",
  phase: "from",
  why: "A constant --platform pins the stage to one platform and defeats multi-platform builds.",
  howToFix: "Use $BUILDPLATFORM or $TARGETPLATFORM, or name the stage after the platform if that is meant.",
  *check(ctx) {
    for (const stage of ctx.model.stages) {
      const flag = stage.from.platform;
      if (flag === null) continue;
      const expanded = expandWord(flag.value, ctx.globalScope.env, { escape: ctx.escape });
      if (!expanded.ok || expanded.matched.size > 0 || expanded.unmatched.size > 0) continue;
      const [os = "", arch = ""] = expanded.value.split("/");
      const name = (stage.from.alias?.value ?? "").toLowerCase();
      // A stage named for its platform (`build-arm64`) pins it on purpose.
      if ((os !== "" && name.includes(os.toLowerCase())) || (arch !== "" && name.includes(arch.toLowerCase()))) continue;
      yield onInstruction(stage.from.node, stage.index, `FROM --platform flag should not use constant value "${expanded.value}"`, flag.node.range);
    }
  },
});
