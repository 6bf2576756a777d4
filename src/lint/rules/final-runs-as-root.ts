import { onInstruction, stagecraftRule } from "../define.ts";
import { insertAt, insertLineAfter } from "../fixes.ts";
import { imageParts } from "../image-ref.ts";
import { shippingStages } from "../stage-sets.ts";
import type { LintContext, QuickFix } from "../types.ts";

/** The command that creates an unprivileged user on the final stage's base (null when the base has one), and the USER line. */
function userSetup(image: string | null): { create: string | null; user: string } {
  const ref = image ?? "";
  const { name, tag } = imageParts(ref);
  if (/distroless/.test(name)) return { create: null, user: "USER nonroot:nonroot" };
  if (/(^|\/)node$/.test(name)) return { create: null, user: "USER node" };
  if (ref === "" || name === "scratch") return { create: null, user: "USER 65532:65532" };
  if (/alpine/.test(name) || /alpine/.test(tag ?? "")) return { create: "addgroup -S app && adduser -S -G app -H app", user: "USER app" };
  return { create: "groupadd --system app && useradd --system --gid app --no-create-home app", user: "USER app" };
}

/**
 * Creates the user (joined to the stage's last RUN when it is one, so no layer is added) and
 * appends USER at the end of the final stage.
 */
function addUserFix(ctx: LintContext, stage: number): QuickFix | null {
  const s = ctx.model.stages[stage];
  if (s === undefined) return null;
  const last = s.instructions[s.instructions.length - 1] ?? s.from;
  const { create, user } = userSetup(ctx.stages[stage]?.rootImage ?? null);
  if (create === null) return { title: `Add ${user} to the final stage`, edits: [insertLineAfter(ctx.source, last.node, user)] };
  if (last.kind === "run" && last.command.form === "shell" && last.heredocs.length === 0) {
    const end = last.command.text.range.end;
    return {
      title: `Create a user and add ${user} to the final stage`,
      edits: [insertAt(end, ` \\\n    && ${create}`), insertLineAfter(ctx.source, last.node, user)],
    };
  }
  return { title: `Create a user and add ${user} to the final stage`, edits: [insertLineAfter(ctx.source, last.node, `RUN ${create}\n${user}`)] };
}

export const finalRunsAsRoot = stagecraftRule({
  id: "FinalStageRunsAsRoot",
  anchor: "final-stage-runs-as-root",
  severity: "warning",
  summary: "The image the target ships should not run as root: add a USER",
  why: "The image the target ships runs its process as root unless a USER says otherwise.",
  howToFix: "Add a USER (creating the user where the base has none) to the final stage.",
  *check(ctx) {
    const ships = shippingStages(ctx);
    const final = ships[0];
    if (final === undefined) return;
    for (const stage of ships) if ((ctx.model.stages[stage]?.instructions ?? []).some((i) => i.kind === "user")) return;
    const image = ctx.stages[final]?.rootImage ?? null;
    if (image !== null && /nonroot|rootless/.test(image)) return;
    const s = ctx.model.stages[final];
    if (s === undefined) return;
    const fix = addUserFix(ctx, final);
    yield {
      ...onInstruction(s.from.node, final, "The image runs as root: no USER is set in the final stage or the stages it is built from"),
      ...(fix === null ? {} : { fix }),
    };
  },
});
