import type { SourceText } from "./command-spec.ts";

/** The name shown in messages for `-`. */
export const stdinName = "<stdin>";

/** Where the runner gets bytes from; `main.ts` binds it to the file system and `process.stdin`. */
export interface ByteSource {
  readonly readFile: (path: string) => Promise<Uint8Array>;
  readonly readStdin: () => Promise<Uint8Array>;
}

export type ReadResult = { readonly kind: "ok"; readonly source: SourceText } | { readonly kind: "error"; readonly message: string };

// ignoreBOM keeps a leading U+FEFF in the text: the parser records it as a `bom` token, so `print` gives it back.
const utf8 = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true });

/**
 * Turn a file's bytes into text, or say why they are not a Dockerfile we can read.
 *
 * BuildKit reads bytes; we read UTF-8 text, because the tree holds a JavaScript string and printing
 * must give back the same bytes. So a file that is not valid UTF-8 is refused rather than
 * silently altered by replacement characters. A NUL byte is valid UTF-8, but no Dockerfile has
 * one and UTF-16 files are full of them, so a file with NUL is refused as binary.
 */
export function decodeDockerfileBytes(bytes: Uint8Array): { readonly kind: "ok"; readonly text: string } | { readonly kind: "error"; readonly reason: string } {
  if (bytes.includes(0)) return { kind: "error", reason: "binary file (contains NUL bytes; UTF-16 is not supported, use UTF-8)" };
  try {
    return { kind: "ok", text: utf8.decode(bytes) };
  } catch {
    return { kind: "error", reason: "not valid UTF-8 text" };
  }
}

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
      return code === "" ? message : `${code}: ${message}`;
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
