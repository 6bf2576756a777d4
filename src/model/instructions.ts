/**
 * One syntax node → one typed instruction, as BuildKit's `instructions.ParseInstruction` does
 * it, with BuildKit's messages for what it rejects.
 */
import type { InstructionNode } from "../syntax/types.ts";
import { reportError } from "./context.ts";
import type { TypingContext } from "./context.ts";
import { typeAdd, typeCopy } from "./copy-add.ts";
import { readFlags } from "./flags.ts";
import { typeFrom } from "./from.ts";
import { typeHealthcheck } from "./healthcheck.ts";
import { typeArg, typeKeyValues } from "./key-values.ts";
import { toPart } from "./parts.ts";
import { readCommandLine, typeRun } from "./run.ts";
import { withSuggestion } from "./suggest.ts";
import type { CommandInstruction, ListInstruction, OnbuildInstruction, TypedInstruction, ValueInstruction } from "./types.ts";

/** The 18 instructions BuildKit knows. */
export const instructionNames = [
  "ADD", "ARG", "CMD", "COPY", "ENTRYPOINT", "ENV", "EXPOSE", "FROM", "HEALTHCHECK",
  "LABEL", "MAINTAINER", "ONBUILD", "RUN", "SHELL", "STOPSIGNAL", "USER", "VOLUME", "WORKDIR",
] as const;

function checkNoFlags(node: InstructionNode, ctx: TypingContext): void {
  const flags = readFlags(node.flags, {});
  if (flags.error !== null) reportError(ctx, flags.error.code, flags.error.message, flags.error.range);
}

function typeValue(node: InstructionNode, ctx: TypingContext, line: number, kind: ValueInstruction["kind"]): ValueInstruction {
  if (node.args.length !== 1) {
    reportError(ctx, "InvalidArguments", `${node.name} requires exactly one argument`, node.argsRange ?? node.keywordRange);
  }
  // BuildKit's parseStopSignal never reads flags, so STOPSIGNAL accepts (and ignores) any.
  if (kind !== "stopsignal") checkNoFlags(node, ctx);
  const [first] = node.args;
  return { kind, node, line, value: first === undefined ? null : toPart(first) };
}

function typeList(node: InstructionNode, ctx: TypingContext, line: number, kind: ListInstruction["kind"]): ListInstruction {
  if (node.args.length === 0) {
    reportError(ctx, "InvalidArguments", `${node.name} requires at least one argument`, node.keywordRange);
  }
  checkNoFlags(node, ctx);
  const items = node.args.map(toPart);
  if (kind === "volume") {
    const blank = items.find((item) => item.value.trim() === "");
    if (blank !== undefined) reportError(ctx, "InvalidArguments", "VOLUME specified can not be an empty string", blank.range, "build");
  }
  return { kind, node, line, items };
}

function typeCommand(node: InstructionNode, ctx: TypingContext, line: number, kind: CommandInstruction["kind"]): CommandInstruction {
  checkNoFlags(node, ctx);
  const command = readCommandLine(node.args, node.json);
  if (kind === "shell") {
    if (node.args.length === 0) reportError(ctx, "InvalidArguments", "SHELL requires at least one argument", node.keywordRange);
    else if (!node.json) reportError(ctx, "InvalidArguments", "SHELL requires the arguments to be in JSON form", node.argsRange ?? node.keywordRange);
  }
  return { kind, node, line, command };
}

function typeOnbuild(node: InstructionNode, ctx: TypingContext, line: number): OnbuildInstruction {
  checkNoFlags(node, ctx);
  const trigger = node.trigger;
  if (trigger === null) {
    reportError(ctx, "InvalidArguments", "ONBUILD requires at least one argument", node.keywordRange);
    return { kind: "onbuild", node, line, trigger: null };
  }
  if (trigger.name === "ONBUILD") {
    reportError(ctx, "InvalidOnbuildTrigger", "Chaining ONBUILD via `ONBUILD ONBUILD` isn't allowed", trigger.keywordRange);
    return { kind: "onbuild", node, line, trigger: null };
  }
  if (trigger.name === "FROM" || trigger.name === "MAINTAINER") {
    reportError(ctx, "InvalidOnbuildTrigger", `${trigger.name} isn't allowed as an ONBUILD trigger`, trigger.keywordRange);
    return { kind: "onbuild", node, line, trigger: null };
  }
  return { kind: "onbuild", node, line, trigger: typeInstruction(trigger, { ...ctx, inTrigger: true }) };
}

/**
 * Type one instruction, reporting what BuildKit would reject through `ctx`.
 *
 * @example
 * typeInstruction(tree.instructions[0], ctx) // `COPY --from=build /a /b` → { kind: "copy", from: { value: "build", … }, … }
 */
export function typeInstruction(node: InstructionNode, ctx: TypingContext): TypedInstruction {
  const line = node.startLine;
  switch (node.name) {
    case "FROM":
      return typeFrom(node, ctx, line);
    case "COPY":
      return typeCopy(node, ctx, line);
    case "ADD":
      return typeAdd(node, ctx, line);
    case "RUN":
      return typeRun(node, ctx, line);
    case "CMD":
      return typeCommand(node, ctx, line, "cmd");
    case "ENTRYPOINT":
      return typeCommand(node, ctx, line, "entrypoint");
    case "SHELL":
      return typeCommand(node, ctx, line, "shell");
    case "HEALTHCHECK":
      return typeHealthcheck(node, ctx, line);
    case "ENV":
      return typeKeyValues(node, ctx, line, "env");
    case "LABEL":
      return typeKeyValues(node, ctx, line, "label");
    case "ARG":
      return typeArg(node, ctx, line);
    case "EXPOSE":
      return typeList(node, ctx, line, "expose");
    case "VOLUME":
      return typeList(node, ctx, line, "volume");
    case "USER":
      return typeValue(node, ctx, line, "user");
    case "WORKDIR":
      return typeValue(node, ctx, line, "workdir");
    case "STOPSIGNAL":
      return typeValue(node, ctx, line, "stopsignal");
    case "MAINTAINER":
      return typeValue(node, ctx, line, "maintainer");
    case "ONBUILD":
      return typeOnbuild(node, ctx, line);
    default:
      reportError(
        ctx,
        "UnknownInstruction",
        withSuggestion(`unknown instruction: ${node.keyword}`, node.keyword, instructionNames, false),
        node.keywordRange,
      );
      return { kind: "unknown", node, line };
  }
}
