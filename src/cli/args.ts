import type { CommandSpec, OptionSpec, ParsedOptions } from "./command-spec.ts";

/** The outcome of reading the command line: what to do, or why it cannot be done. */
export type Invocation =
  | { readonly kind: "help"; readonly command: CommandSpec | null }
  | { readonly kind: "run"; readonly command: CommandSpec; readonly operand: string; readonly options: ParsedOptions }
  | { readonly kind: "usage-error"; readonly message: string; readonly showUsage: boolean };

const helpWords = new Set(["-h", "--help"]);

/**
 * Read `argv` (without `node` and the script) against the command table.
 * `-` is an operand (standard input); `--` ends the options; `--name=value` and `--name value` both work.
 */
export function parseCommandLine(argv: readonly string[], commands: readonly CommandSpec[]): Invocation {
  const [first, ...rest] = argv;
  if (first === undefined) return { kind: "usage-error", message: "missing command", showUsage: true };
  if (helpWords.has(first)) return { kind: "help", command: null };
  if (first === "help") return readHelpTopic(rest, commands);
  if (first.startsWith("-") && first !== "-") {
    return usageError(`unknown option '${first}'`);
  }
  const command = commands.find((c) => c.name === first);
  if (command === undefined) return usageError(`unknown command '${first}'`);
  return readCommandArguments(command, rest);
}

function readHelpTopic(rest: readonly string[], commands: readonly CommandSpec[]): Invocation {
  const [topic] = rest;
  if (topic === undefined) return { kind: "help", command: null };
  const command = commands.find((c) => c.name === topic);
  return command === undefined ? usageError(`unknown command '${topic}'`) : { kind: "help", command };
}

function readCommandArguments(command: CommandSpec, args: readonly string[]): Invocation {
  const options = new Map<string, string | string[] | true>();
  const operands: string[] = [];
  let optionsEnded = false;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] ?? "";
    if (optionsEnded || arg === "-" || !arg.startsWith("-")) {
      operands.push(arg);
      continue;
    }
    if (arg === "--") {
      optionsEnded = true;
      continue;
    }
    if (helpWords.has(arg)) return { kind: "help", command };
    const eq = arg.indexOf("=");
    const short = arg.startsWith("--") ? undefined : command.options.find((o) => o.kind === "value" && o.short !== undefined && arg === `-${o.short}`);
    const name = short?.name ?? (arg.startsWith("--") ? arg.slice(2, eq === -1 ? undefined : eq) : "");
    const spec = command.options.find((o) => o.name === name);
    if (spec === undefined) {
      return usageError(`unknown option '${eq === -1 ? arg : arg.slice(0, eq)}' for '${command.name}'`);
    }
    if (spec.kind === "switch") {
      if (eq !== -1) return usageError(`option '--${name}' takes no value`);
      options.set(name, true);
      continue;
    }
    let value: string | undefined;
    if (eq !== -1) {
      value = arg.slice(eq + 1);
    } else {
      value = args[i + 1];
      i++;
    }
    if (value === undefined) return usageError(`option '--${name}' needs a value (${spec.valueName})`);
    const problem = addOptionValue(options, spec, value);
    if (problem !== null) return usageError(problem);
  }
  if (operands.length === 0) return usageError(`'${command.name}' needs a ${command.operand} (use '-' for standard input)`);
  if (operands.length > 1) {
    return usageError(`'${command.name}' takes one ${command.operand}; unexpected '${operands[1] ?? ""}'`);
  }
  applyDefaults(options, command.options);
  return { kind: "run", command, operand: operands[0] ?? "", options };
}

function addOptionValue(
  options: Map<string, string | string[] | true>,
  spec: Exclude<OptionSpec, { kind: "switch" }>,
  value: string,
): string | null {
  if (spec.kind === "list") {
    const list = options.get(spec.name);
    if (Array.isArray(list)) list.push(value);
    else options.set(spec.name, [value]);
    return null;
  }
  if (options.has(spec.name)) return `option '--${spec.name}' given more than once`;
  if (spec.choices !== undefined && !spec.choices.includes(value)) {
    return `option '--${spec.name}' must be one of ${spec.choices.join(", ")} (got '${value}')`;
  }
  options.set(spec.name, value);
  return null;
}

function applyDefaults(options: Map<string, string | string[] | true>, specs: readonly OptionSpec[]): void {
  for (const spec of specs) {
    if (spec.kind === "value" && spec.defaultValue !== undefined && !options.has(spec.name)) {
      options.set(spec.name, spec.defaultValue);
    }
  }
}

function usageError(message: string): Invocation {
  return { kind: "usage-error", message, showUsage: false };
}
