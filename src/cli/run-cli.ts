import { parseCommandLine } from "./args.ts";
import { getOptionValue, type CommandOutput, type CommandSpec, type ExitCode } from "./command-spec.ts";
import { describeReadError, readSource } from "./input.ts";
import type { ByteSource } from "./input.ts";
import { formatCommandUsage, formatError, formatUsage, programName } from "./usage.ts";

/** Everything the command line touches outside itself; tests pass a fake. */
export interface CliIo extends ByteSource {
  readonly writeStdout: (data: string | Uint8Array) => void;
  readonly writeStderr: (text: string) => void;
  /** `--output FILE`: the whole output to a file (relative to the starting folder). */
  readonly writeFile: (path: string, data: string | Uint8Array) => Promise<void>;
  /** Whether standard output is a terminal: binary output is not written there. */
  readonly stdoutIsTerminal?: boolean;
}

/**
 * Run one command line and return its exit status. Never throws: a failure becomes a one-line
 * `stagecraft: …` message on stderr.
 */
export async function runCli(argv: readonly string[], commands: readonly CommandSpec[], io: CliIo): Promise<ExitCode> {
  const invocation = parseCommandLine(argv, commands);
  switch (invocation.kind) {
    case "help":
      io.writeStdout(invocation.command === null ? formatUsage(commands) : formatCommandUsage(invocation.command));
      return 0;
    case "usage-error":
      io.writeStderr(formatError(invocation.message));
      io.writeStderr(invocation.showUsage ? formatUsage(commands) : `Run '${programName} --help' for usage.\n`);
      return 2;
    case "run": {
      const read = await readSource(invocation.operand, io);
      if (read.kind === "error") {
        io.writeStderr(formatError(read.message));
        return 2;
      }
      let output: CommandOutput;
      try {
        output = invocation.command.run(read.source, invocation.options);
      } catch (error) {
        const reason = error instanceof Error ? error.message : String(error);
        io.writeStderr(formatError(`internal error in '${invocation.command.name}' on '${read.source.name}': ${reason} (please report it)`));
        return 70;
      }
      if (output.stderr !== "") io.writeStderr(output.stderr);
      const written = await writeOutput(output.stdout, getOptionValue(invocation.options, "output"), io);
      return written === 0 ? output.exitCode : written;
    }
  }
}

/** Output to `--output` when given, else to stdout (never bytes to a terminal); 2 when it cannot be written. */
async function writeOutput(data: string | Uint8Array, path: string | undefined, io: CliIo): Promise<ExitCode> {
  if (path !== undefined && path !== "-") {
    try {
      await io.writeFile(path, data);
      return 0;
    } catch (error) {
      io.writeStderr(formatError(`cannot write '${path}': ${describeReadError(error)}`));
      return 2;
    }
  }
  if (typeof data !== "string" && io.stdoutIsTerminal === true) {
    io.writeStderr(formatError("not writing binary output to a terminal: give --output FILE or redirect it"));
    return 2;
  }
  if (data.length > 0) io.writeStdout(data);
  return 0;
}
