/** What typing one instruction needs to know about where it stands. */
import type { TextRange } from "../syntax/types.ts";
import type { DiagnosticList } from "./diagnostics.ts";
import type { FailureTime } from "./types.ts";

export interface TypingContext {
  readonly source: string;
  readonly diagnostics: DiagnosticList;
  /** Index of the stage the instruction belongs to; null before the first FROM. */
  readonly stage: number | null;
  /** Inside an ONBUILD trigger, whose errors surface only in the stages built from this one. */
  readonly inTrigger: boolean;
}

/** Report a BuildKit error for the instruction being typed. */
export function reportError(ctx: TypingContext, code: string, message: string, range: TextRange, when: FailureTime = "parse"): void {
  ctx.diagnostics.error(code, message, range, ctx.stage, ctx.inTrigger ? "onbuild" : when);
}
