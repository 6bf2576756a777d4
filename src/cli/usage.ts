import type { CommandSpec, OptionSpec } from "./command-spec.ts";

export const programName = "stagecraft";

/** The full help: every command in the table with its options. */
export function formatUsage(commands: readonly CommandSpec[]): string {
  const width = Math.max(...commands.map((c) => c.name.length));
  const lines = [
    `Usage: ${programName} <command> [options] FILE`,
    "",
    "Commands:",
    ...commands.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    "",
    "FILE is a Dockerfile in UTF-8, or '-' for standard input.",
    `Run '${programName} help <command>' for a command's options.`,
    "",
    "Exit status: 0 done, 1 BuildKit would reject the input (see each command), 2 bad usage or unreadable FILE.",
  ];
  return lines.join("\n") + "\n";
}

/** Help for one command. */
export function formatCommandUsage(command: CommandSpec): string {
  const description = command.summary.charAt(0).toUpperCase() + command.summary.slice(1);
  const lines = [`Usage: ${programName} ${command.name}${command.options.length > 0 ? " [options]" : ""} ${command.operand}`, "", `${description}.`];
  if (command.options.length > 0) {
    const labels = command.options.map(formatOptionLabel);
    const width = Math.max(...labels.map((l) => l.length));
    lines.push("", "Options:", ...command.options.map((o, i) => `  ${(labels[i] ?? "").padEnd(width)}  ${formatOptionSummary(o)}`));
  }
  return lines.join("\n") + "\n";
}

function formatOptionLabel(option: OptionSpec): string {
  if (option.kind === "switch") return `--${option.name}`;
  const short = option.kind === "value" && option.short !== undefined ? `-${option.short}, ` : "";
  return `${short}--${option.name} ${option.valueName}`;
}

function formatOptionSummary(option: OptionSpec): string {
  if (option.kind === "list") return `${option.summary} (repeatable)`;
  if (option.kind === "value" && option.choices !== undefined) {
    const choices = option.choices.map((choice) => (choice === option.defaultValue ? `${choice} (default)` : choice));
    return `${option.summary}: ${choices.join(" | ")}`;
  }
  return option.summary;
}

/** `stagecraft: message` on one line. */
export function formatError(message: string): string {
  return `${programName}: ${toOneLine(message)}\n`;
}

/** Messages end up on one terminal line each, whatever text they quote. */
export function toOneLine(message: string): string {
  return message.replace(/\s*[\r\n]+\s*/g, " ");
}
