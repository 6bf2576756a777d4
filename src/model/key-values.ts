/** ENV, LABEL and ARG typed as BuildKit's `parseEnv`, `parseLabel` and `parseArg`. */
import type { InstructionNode } from "../syntax/types.ts";
import { reportError } from "./context.ts";
import type { TypingContext } from "./context.ts";
import { readFlags } from "./flags.ts";
import { subRange, toPart } from "./parts.ts";
import type { ArgDeclaration, ArgInstruction, KeyValueInstruction, KeyValuePair, TextPart } from "./types.ts";

function checkNoFlags(node: InstructionNode, ctx: TypingContext): void {
  const flags = readFlags(node.flags, {});
  if (flags.error !== null) reportError(ctx, flags.error.code, flags.error.message, flags.error.range);
}

/** The parser gives ENV/LABEL arguments as (key, value, separator) triples; group them back. */
function readPairs(node: InstructionNode): KeyValuePair[] {
  const pairs: KeyValuePair[] = [];
  let key: TextPart | null = null;
  let value: TextPart | null = null;
  let separator: TextPart | null = null;
  const flush = () => {
    if (key === null) return;
    const sep = separator ?? { value: "", range: { start: key.range.end, end: key.range.end } };
    pairs.push({ key, value: value ?? { value: "", range: { start: sep.range.end, end: sep.range.end } }, separator: sep, legacy: sep.value === "" });
    key = value = separator = null;
  };
  for (const arg of node.args) {
    if (arg.role === "key") {
      flush();
      key = toPart(arg);
    } else if (arg.role === "value") value = toPart(arg);
    else if (arg.role === "separator") separator = toPart(arg);
  }
  flush();
  return pairs;
}

export function typeKeyValues(node: InstructionNode, ctx: TypingContext, line: number, kind: "env" | "label"): KeyValueInstruction {
  checkNoFlags(node, ctx);
  const pairs = readPairs(node);
  const keyword = kind.toUpperCase();
  if (pairs.length === 0) {
    reportError(ctx, "InvalidArguments", `${keyword} requires at least one argument`, node.argsRange ?? node.keywordRange);
  }
  for (const pair of pairs) {
    if (pair.key.value === "") reportError(ctx, "InvalidArguments", `${keyword} names can not be blank`, pair.key.range);
  }
  return { kind, node, line, pairs };
}

export function typeArg(node: InstructionNode, ctx: TypingContext, line: number): ArgInstruction {
  const declarations: ArgDeclaration[] = [];
  if (node.args.length === 0) {
    reportError(ctx, "InvalidArguments", "ARG requires at least one argument", node.argsRange ?? node.keywordRange);
  }
  checkNoFlags(node, ctx);
  for (const arg of node.args) {
    const word = toPart(arg);
    const eq = word.value.indexOf("=");
    if (eq === 0) reportError(ctx, "InvalidArguments", "ARG names can not be blank", word.range);
    const nameEnd = eq < 0 ? word.value.length : eq;
    declarations.push({
      name: { value: word.value.slice(0, nameEnd), range: subRange(ctx.source, word, 0, nameEnd) },
      defaultValue:
        eq < 0 ? null : { value: word.value.slice(eq + 1), range: subRange(ctx.source, word, eq + 1, word.value.length) },
      range: word.range,
    });
  }
  return { kind: "arg", node, line, declarations };
}
