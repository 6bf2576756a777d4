/**
 * Bytes to Dockerfile text, shared by the command line and the browser so both refuse the same
 * files with the same words.
 */

// ignoreBOM keeps a leading U+FEFF in the text: the parser records it as a `bom` token, so `print` gives it back.
const utf8 = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true });

export type DecodeResult = { readonly kind: "ok"; readonly text: string } | { readonly kind: "error"; readonly reason: string };

/**
 * Turn a file's bytes into text, or say why they are not a Dockerfile we can read.
 *
 * BuildKit reads bytes; we read UTF-8 text, because the tree holds a JavaScript string and printing
 * must give back the same bytes. So a file that is not valid UTF-8 is refused rather than
 * silently altered by replacement characters. A NUL byte is valid UTF-8, but no Dockerfile has
 * one and UTF-16 files are full of them, so a file with NUL is refused as binary.
 *
 * @example
 * decodeDockerfileBytes(new Uint8Array([0x46, 0xff])) // { kind: "error", reason: "not valid UTF-8 text" }
 */
export function decodeDockerfileBytes(bytes: Uint8Array): DecodeResult {
  if (bytes.includes(0)) return { kind: "error", reason: "binary file (contains NUL bytes; UTF-16 is not supported, use UTF-8)" };
  try {
    return { kind: "ok", text: utf8.decode(bytes) };
  } catch {
    return { kind: "error", reason: "not valid UTF-8 text" };
  }
}
