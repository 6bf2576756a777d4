/** Which stages ship and which are built, for rules judged on what the target produces. */
import type { LintContext } from "./types.ts";

/** The target stage and the stages it is built FROM, in that order: their layers are the image. */
export function shippingStages(ctx: LintContext): number[] {
  const out: number[] = [];
  let current = ctx.final;
  const seen = new Set<number>();
  while (current !== null && current !== undefined && !seen.has(current.stage.index)) {
    seen.add(current.stage.index);
    out.push(current.stage.index);
    current = current.parent === null ? null : (ctx.stages[current.parent] ?? null);
  }
  return out;
}

/** The mount targets of cache mounts on a RUN. */
export function cacheTargets(mounts: readonly { kind: string; target: { value: string | null } | null }[]): string[] {
  return mounts.filter((m) => m.kind === "cache").map((m) => m.target?.value ?? "");
}
