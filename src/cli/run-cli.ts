import { parseCommandLine } from "./args.ts";
import type { CommandOutput, CommandSpec, ExitCode } from "./command-spec.ts";
import { readSource } from "./input.ts";
import type { ByteSource } from "./input.ts";
import { formatCommandUsage, formatError, formatUsage, programName } from "./usage.ts";

/** Everything the command line touches outside itself; tests pass a fake. */
export interface CliIo extends ByteSource {
  readonly writeStdout: (text: string) => void;
  readonly writeStderr: (text: string) => void;
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
      if (output.stdout !== "") io.writeStdout(output.stdout);
      if (output.stderr !== "") io.writeStderr(output.stderr);
      return output.exitCode;
    }
  }
}
