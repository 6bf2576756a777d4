import { decodeDockerfileBytes } from "../syntax/decode.ts";
import type { SourceText } from "./command-spec.ts";

export { decodeDockerfileBytes };

/** The name shown in messages for `-`. */
export const stdinName = "<stdin>";

/** Where the runner gets bytes from; `main.ts` binds it to the file system and `process.stdin`. */
export interface ByteSource {
  readonly readFile: (path: string) => Promise<Uint8Array>;
  readonly readStdin: () => Promise<Uint8Array>;
}

export type ReadResult = { readonly kind: "ok"; readonly source: SourceText } | { readonly kind: "error"; readonly message: string };

/** A short reason for a failed read, from a Node file-system error code. */
export function describeReadError(error: unknown): string {
  const code = typeof error === "object" && error !== null && "code" in error ? String(error.code) : "";
  switch (code) {
    case "ENOENT":
      return "no such file";
    case "EISDIR":
      return "is a directory";
    case "EACCES":
    case "EPERM":
      return "permission denied";
    case "ENOTDIR":
      return "a parent in the path is not a directory";
    case "ELOOP":
      return "too many symbolic links";
    case "ENAMETOOLONG":
      return "file name too long";
    default: {
      const message = error instanceof Error ? error.message : String(error);
      // Node's messages already start with the code ("EIO: i/o error, read"): say it once.
      return code === "" || message.startsWith(`${code}:`) ? message : `${code}: ${message}`;
    }
  }
}

/** Read and decode the operand (`-` is standard input); never throws. */
export async function readSource(operand: string, io: ByteSource): Promise<ReadResult> {
  const name = operand === "-" ? stdinName : operand;
  let bytes: Uint8Array;
  try {
    bytes = operand === "-" ? await io.readStdin() : await io.readFile(operand);
  } catch (error) {
    return { kind: "error", message: `cannot read '${name}': ${describeReadError(error)}` };
  }
  const decoded = decodeDockerfileBytes(bytes);
  if (decoded.kind === "error") return { kind: "error", message: `cannot read '${name}': ${decoded.reason}` };
  return { kind: "ok", source: { name, text: decoded.text } };
}
