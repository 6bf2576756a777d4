/** RUN typed as BuildKit's `parseRun` with its mount, network, security and device hooks. */
import type { InstructionNode } from "../syntax/types.ts";
import { goQuote } from "../syntax/go-quote.ts";
import { reportError } from "./context.ts";
import type { TypingContext } from "./context.ts";
import { readFlags } from "./flags.ts";
import { readMount } from "./mounts.ts";
import { toPart } from "./parts.ts";
import type { CommandLine, RunInstruction, RunMount } from "./types.ts";

/** Shell form is one argument holding the rest of the line; exec form is the JSON strings. */
export function readCommandLine(args: readonly InstructionNode["args"][number][], json: boolean): CommandLine {
  if (json) return { form: "exec", args: args.map(toPart) };
  const [first] = args;
  return first === undefined ? { form: "none" } : { form: "shell", text: toPart(first) };
}

export function typeRun(node: InstructionNode, ctx: TypingContext, line: number): RunInstruction {
  const flags = readFlags(node.flags, { mount: "list", network: "string", security: "string", device: "list" });
  if (flags.error !== null) reportError(ctx, flags.error.code, flags.error.message, flags.error.range);
  const network = flags.strings.get("network") ?? null;
  if (network !== null && !["default", "none", "host"].includes(network.value)) {
    reportError(ctx, "InvalidFlagValue", `invalid network mode ${goQuote(network.value)}`, network.node.valueRange ?? network.node.range);
  }
  const security = flags.strings.get("security") ?? null;
  if (security !== null && !["sandbox", "insecure"].includes(security.value)) {
    reportError(ctx, "InvalidFlagValue", `security ${goQuote(security.value)} is not valid`, security.node.valueRange ?? security.node.range);
  }
  const mounts: RunMount[] = [];
  for (const flag of flags.lists.get("mount") ?? []) {
    const read = readMount(ctx.source, flag.node);
    for (const problem of read.problems) reportError(ctx, problem.code, problem.message, problem.range, problem.when);
    if (read.mount !== null) mounts.push(read.mount);
  }
  return {
    kind: "run",
    node,
    line,
    command: readCommandLine(node.args, node.json),
    heredocs: node.heredocs,
    mounts,
    network,
    security,
    devices: flags.lists.get("device") ?? [],
  };
}
