import { decodeDockerfileBytes } from "../../src/index.ts";

/**
 * Reading a file the user opened or dropped. A Dockerfile is small text: a binary file or a
 * huge one is refused with a message, never put into the editor (where it would freeze the
 * page or wreck the saved session).
 */

/** Larger than any real Dockerfile; the 500-stage benchmark file is about 60 KB. */
export const MAX_DOCKERFILE_BYTES = 1024 * 1024;

export type ReadResult = { readonly ok: true; readonly text: string; readonly name: string } | { readonly ok: false; readonly message: string };

/** "512 KB", "3.4 MB". */
export function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} bytes`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

/**
 * Reads a file as UTF-8 text, refusing what cannot be a Dockerfile: more than 1 MB, a NUL byte
 * anywhere (text files never hold one; images, archives and executables nearly always do), or
 * bytes that are not UTF-8 (replacing them would change the file; the CLI refuses them too).
 */
export async function readDockerfile(file: Blob & { readonly name: string }): Promise<ReadResult> {
  const name = file.name === "" ? "The file" : file.name;
  if (file.size > MAX_DOCKERFILE_BYTES) {
    return { ok: false, message: `${name} is ${formatSize(file.size)}, too large for a Dockerfile (the limit is 1 MB). Nothing was loaded.` };
  }
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(await file.arrayBuffer());
  } catch (error) {
    // A folder dropped as a file, or a file removed since it was chosen.
    return { ok: false, message: `Could not read ${name}: ${error instanceof Error ? error.message : String(error)}` };
  }
  const decoded = decodeDockerfileBytes(bytes);
  if (decoded.kind === "ok") return { ok: true, text: decoded.text, name: file.name === "" ? "Dockerfile" : file.name };
  if (bytes.includes(0)) {
    return { ok: false, message: `${name} looks like a binary file, not a Dockerfile. Nothing was loaded.` };
  }
  return {
    ok: false,
    message: `${name} is not valid UTF-8 text: showing it would change its bytes. Nothing was loaded; save it as UTF-8 and open it again.`,
  };
}
