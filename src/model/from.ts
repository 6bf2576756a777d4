/** FROM typed as BuildKit's `parseFrom` (its checks, StageNameCasing and FromAsCasing, are lint rules). */
import type { InstructionNode } from "../syntax/types.ts";
import { goQuote } from "../syntax/go-quote.ts";
import { reportError } from "./context.ts";
import type { TypingContext } from "./context.ts";
import { readFlags } from "./flags.ts";
import { toPart } from "./parts.ts";
import type { FromInstruction } from "./types.ts";

const validStageName = /^[a-z][a-z0-9-_.]*$/;

export function typeFrom(node: InstructionNode, ctx: TypingContext, line: number): FromInstruction {
  const [image, as, alias] = node.args.map(toPart);
  const count = node.args.length;

  let stageName: string | null = null;
  const named = count === 3 && as !== undefined && alias !== undefined && as.value.toLowerCase() === "as";
  if (named) {
    const lowered = alias.value.toLowerCase();
    if (validStageName.test(lowered)) stageName = lowered;
    else {
      reportError(
        ctx,
        "InvalidStageName",
        `invalid name for build stage: ${goQuote(alias.value)}, name can't start with a number or contain symbols`,
        alias.range,
      );
    }
  } else if (count !== 1) {
    reportError(ctx, "InvalidArguments", "FROM requires either one or three arguments", node.argsRange ?? node.keywordRange);
  }

  const flags = readFlags(node.flags, { platform: "string" });
  if (flags.error !== null) reportError(ctx, flags.error.code, flags.error.message, flags.error.range);

  return {
    kind: "from",
    node,
    line,
    image: image ?? null,
    asKeyword: named ? (as ?? null) : null,
    alias: named ? (alias ?? null) : null,
    stageName,
    platform: flags.strings.get("platform") ?? null,
  };
}
