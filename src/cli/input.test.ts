import { describe, expect, it } from "vitest";
import { decodeDockerfileBytes, describeReadError, readSource } from "./input.ts";
import type { ByteSource } from "./input.ts";

const encode = (text: string) => new TextEncoder().encode(text);

function errno(code: string): Error {
  return Object.assign(new Error(`${code}: something, open 'x'`), { code });
}

function bytesFrom(files: Record<string, Uint8Array | Error>, stdin: Uint8Array = new Uint8Array()): ByteSource {
  return {
    readFile: (path) => {
      const entry = files[path];
      if (entry === undefined) return Promise.reject(errno("ENOENT"));
      return entry instanceof Error ? Promise.reject(entry) : Promise.resolve(entry);
    },
    readStdin: () => Promise.resolve(stdin),
  };
}

describe("decodeDockerfileBytes", () => {
  it("decodes UTF-8, non-ASCII included", () => {
    expect(decodeDockerfileBytes(encode("FROM alpine\nLABEL a=\"é ✓ 𝄞\"\n"))).toEqual({ kind: "ok", text: "FROM alpine\nLABEL a=\"é ✓ 𝄞\"\n" });
  });

  it("keeps a byte-order mark so printing gives it back", () => {
    const decoded = decodeDockerfileBytes(new Uint8Array([0xef, 0xbb, 0xbf, ...encode("FROM a\n")]));
    expect(decoded).toEqual({ kind: "ok", text: "\uFEFFFROM a\n" });
  });

  it("decodes an empty file to empty text", () => {
    expect(decodeDockerfileBytes(new Uint8Array())).toEqual({ kind: "ok", text: "" });
  });

  it("refuses invalid UTF-8 instead of replacing it", () => {
    expect(decodeDockerfileBytes(new Uint8Array([0x46, 0x52, 0xff, 0x0a]))).toEqual({ kind: "error", reason: "not valid UTF-8 text" });
    // A lone surrogate encoded as UTF-8 (CESU) is not valid UTF-8 either.
    expect(decodeDockerfileBytes(new Uint8Array([0xed, 0xa0, 0x80]))).toMatchObject({ kind: "error" });
  });

  it("refuses NUL bytes as binary, UTF-16 included", () => {
    expect(decodeDockerfileBytes(new Uint8Array([0x46, 0x00, 0x52]))).toMatchObject({ kind: "error", reason: expect.stringMatching(/^binary file/) });
    const utf16 = new Uint8Array([0xff, 0xfe, 0x46, 0x00, 0x52, 0x00]);
    expect(decodeDockerfileBytes(utf16)).toMatchObject({ kind: "error", reason: expect.stringContaining("UTF-16") });
  });
});

describe("describeReadError", () => {
  it.each([
    ["ENOENT", "no such file"],
    ["EISDIR", "is a directory"],
    ["EACCES", "permission denied"],
  ])("says %s as %j", (code, reason) => {
    expect(describeReadError(errno(code))).toBe(reason);
  });

  it("falls back to the code and message, saying the code once", () => {
    expect(describeReadError(errno("EIO"))).toBe("EIO: something, open 'x'");
    expect(describeReadError(Object.assign(new Error("i/o error"), { code: "EIO" }))).toBe("EIO: i/o error");
    expect(describeReadError("weird")).toBe("weird");
  });
});

describe("readSource", () => {
  it("reads a file under its own name", async () => {
    expect(await readSource("a/Dockerfile", bytesFrom({ "a/Dockerfile": encode("FROM a\n") }))).toEqual({
      kind: "ok",
      source: { name: "a/Dockerfile", text: "FROM a\n" },
    });
  });

  it("reads '-' from standard input, named <stdin>", async () => {
    expect(await readSource("-", bytesFrom({}, encode("FROM b\n")))).toEqual({ kind: "ok", source: { name: "<stdin>", text: "FROM b\n" } });
  });

  it("names the file and the reason when it cannot read", async () => {
    const io = bytesFrom({ dir: errno("EISDIR"), bin: new Uint8Array([0]) });
    expect(await readSource("missing", io)).toEqual({ kind: "error", message: "cannot read 'missing': no such file" });
    expect(await readSource("dir", io)).toEqual({ kind: "error", message: "cannot read 'dir': is a directory" });
    expect(await readSource("bin", io)).toMatchObject({ kind: "error", message: expect.stringMatching(/^cannot read 'bin': binary file/) });
  });
});
