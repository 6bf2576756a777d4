/**
 * The shapes shared by the command table, the argument parser and the runner.
 * A command is a value: its name, the options it accepts and a pure `run` function.
 */

/** 0: done. 1: the input is not a Dockerfile BuildKit would accept. 2: bad invocation or unreadable input. 70: a bug in Stagecraft. */
export type ExitCode = 0 | 1 | 2 | 70;

export type OptionSpec =
  | {
      /** `--name VALUE` or `--name=VALUE`, at most once. */
      readonly kind: "value";
      readonly name: string;
      readonly valueName: string;
      readonly summary: string;
      /** When given, any other value is a usage error. */
      readonly choices?: readonly string[];
      readonly defaultValue?: string;
      /** A one-letter alias, `-o VALUE`. */
      readonly short?: string;
    }
  | {
      /** `--name VALUE`, repeatable; values are kept in order. */
      readonly kind: "list";
      readonly name: string;
      readonly valueName: string;
      readonly summary: string;
    }
  | {
      /** `--name`, no value. */
      readonly kind: "switch";
      readonly name: string;
      readonly summary: string;
    };

/** Parsed option values keyed by option name (without dashes). */
export type ParsedOptions = ReadonlyMap<string, string | readonly string[] | true>;

/** The text a command works on, with the name to show in messages (`<stdin>` for `-`). */
export interface SourceText {
  readonly name: string;
  readonly text: string;
}

/** What a command asks the runner to write; the runner does the writing. */
export interface CommandOutput {
  /** Text, or bytes (a PNG); written to `--output` instead when the command has that option and it was given. */
  readonly stdout: string | Uint8Array;
  readonly stderr: string;
  readonly exitCode: ExitCode;
}

export interface CommandSpec {
  readonly name: string;
  readonly summary: string;
  /** Every command reads one Dockerfile; this names it in usage text. */
  readonly operand: string;
  readonly options: readonly OptionSpec[];
  readonly run: (source: SourceText, options: ParsedOptions) => CommandOutput;
}

/** The value of a `value` option, or its default. */
export function getOptionValue(options: ParsedOptions, name: string): string | undefined {
  const value = options.get(name);
  return typeof value === "string" ? value : undefined;
}

/** Every value given to a `list` option, in command-line order. */
export function getOptionList(options: ParsedOptions, name: string): readonly string[] {
  const value = options.get(name);
  return Array.isArray(value) ? value : [];
}

/** Whether a `switch` option was given. */
export function hasSwitch(options: ParsedOptions, name: string): boolean {
  return options.get(name) === true;
}
