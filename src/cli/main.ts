/**
 * The `stagecraft` executable: binds `runCli` to the process. Everything else lives in pure modules.
 */
import { fstatSync } from "node:fs";
import { readFile, writeFile } from "node:fs/promises";
import { resolve } from "node:path";
import { commands } from "./commands.ts";
import { runCli } from "./run-cli.ts";
import { formatError } from "./usage.ts";
import type { CliIo } from "./run-cli.ts";

async function readStdin(): Promise<Uint8Array> {
  // `stagecraft dump - < some-folder` would read as an empty file: say what it is instead.
  if (fstatSync(0).isDirectory()) throw Object.assign(new Error("standard input is a directory"), { code: "EISDIR" });
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(typeof chunk === "string" ? Buffer.from(chunk) : (chunk as Buffer));
  return Buffer.concat(chunks);
}

// A closed pipe (`stagecraft dump f | head -1`) is the reader's choice, not an error worth a stack trace;
// any other failure to write gets one line, like every other failure.
for (const stream of [process.stdout, process.stderr]) {
  stream.on("error", (error: NodeJS.ErrnoException) => {
    if (error.code === "EPIPE") process.exit(process.exitCode);
    if (stream === process.stdout) process.stderr.write(formatError(`cannot write output: ${error.message}`));
    process.exit(2);
  });
}

/**
 * The folder relative paths start from. `npm run cli` runs in this repository, so there the folder
 * the user started npm in (INIT_CWD) is the one they mean; a direct or global launch keeps its own.
 */
function startingFolder(env: NodeJS.ProcessEnv): string {
  const viaOurScript = env["npm_lifecycle_event"] === "cli" && env["npm_package_name"] === "stagecraft";
  return viaOurScript && env["INIT_CWD"] ? env["INIT_CWD"] : process.cwd();
}

const baseFolder = startingFolder(process.env);

const io: CliIo = {
  readFile: (path) => readFile(resolve(baseFolder, path)),
  readStdin,
  writeStdout: (data) => process.stdout.write(data),
  writeFile: (path, data) => writeFile(resolve(baseFolder, path), data),
  stdoutIsTerminal: process.stdout.isTTY === true,
  writeStderr: (text) => process.stderr.write(text),
};

process.exitCode = await runCli(process.argv.slice(2), commands, io);
