import type { CliIo } from "./run-cli.ts";

/** What a command line wrote through a fake `CliIo`: text as text, bytes kept apart, files by path. */
export interface FakeOutput {
  stdout: string;
  stdoutBytes: Uint8Array | null;
  stderr: string;
  readonly written: Map<string, string | Uint8Array>;
}

/**
 * A `CliIo` over `files` (path → text) and `stdin`, recording everything written. For tests of
 * the runner and the commands, without a process or a file system.
 */
export function fakeIo(files: Readonly<Record<string, string>>, stdin = "", options: { stdoutIsTerminal?: boolean; unwritable?: string } = {}) {
  const out: FakeOutput = { stdout: "", stdoutBytes: null, stderr: "", written: new Map() };
  const io: CliIo = {
    readFile: (path) => {
      const text = Object.hasOwn(files, path) ? files[path] : undefined;
      return text === undefined ? Promise.reject(Object.assign(new Error("nope"), { code: "ENOENT" })) : Promise.resolve(new TextEncoder().encode(text));
    },
    readStdin: () => Promise.resolve(new TextEncoder().encode(stdin)),
    writeStdout: (data) => {
      if (typeof data === "string") out.stdout += data;
      else out.stdoutBytes = data;
    },
    writeStderr: (text) => {
      out.stderr += text;
    },
    writeFile: (path, data) => {
      if (path === options.unwritable) return Promise.reject(Object.assign(new Error("denied"), { code: "EACCES" }));
      out.written.set(path, data);
      return Promise.resolve();
    },
    ...(options.stdoutIsTerminal === undefined ? {} : { stdoutIsTerminal: options.stdoutIsTerminal }),
  };
  return { io, out };
}
