import { describe, expect, it } from "vitest";
import { formatSize, MAX_DOCKERFILE_BYTES, readDockerfile } from "./read-dockerfile.ts";

const fileOf = (parts: BlobPart[], name = "Dockerfile") => new File(parts, name);

describe("readDockerfile", () => {
  it("reads a text file as UTF-8 and keeps its name", async () => {
    const text = "FROM alpine AS büild\r\nRUN echo 'ünïcode' \\\n  ok\n";
    expect(await readDockerfile(fileOf([text], "api.Dockerfile"))).toEqual({ ok: true, text, name: "api.Dockerfile" });
  });

  it("reads an empty file, and names a nameless one Dockerfile", async () => {
    expect(await readDockerfile(fileOf([], ""))).toEqual({ ok: true, text: "", name: "Dockerfile" });
  });

  it("refuses a binary file: a NUL byte anywhere", async () => {
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00]);
    const result = await readDockerfile(fileOf([png], "logo.png"));
    expect(result).toEqual({ ok: false, message: "logo.png looks like a binary file, not a Dockerfile. Nothing was loaded." });
    expect((await readDockerfile(fileOf(["FROM a\n", new Uint8Array([0]), "RUN x"]))).ok).toBe(false);
  });

  it("refuses bytes that are not UTF-8, as the CLI does, instead of replacing them", async () => {
    const latin1 = new Uint8Array([...new TextEncoder().encode("FROM alpine\nLABEL author=Jos"), 0xe9, 0x0a]);
    expect(await readDockerfile(fileOf([latin1], "old.Dockerfile"))).toEqual({
      ok: false,
      message: "old.Dockerfile is not valid UTF-8 text: showing it would change its bytes. Nothing was loaded; save it as UTF-8 and open it again.",
    });
  });

  it("keeps a byte-order mark, so the text prints back byte for byte", async () => {
    const result = await readDockerfile(fileOf([new Uint8Array([0xef, 0xbb, 0xbf]), "FROM a\n"]));
    expect(result).toEqual({ ok: true, text: "\uFEFFFROM a\n", name: "Dockerfile" });
  });

  it("refuses a file over 1 MB without reading it, and accepts one of exactly 1 MB", async () => {
    const big = await readDockerfile(fileOf(["#".repeat(MAX_DOCKERFILE_BYTES + 1)], "huge.txt"));
    expect(big).toEqual({ ok: false, message: "huge.txt is 1.0 MB, too large for a Dockerfile (the limit is 1 MB). Nothing was loaded." });
    expect((await readDockerfile(fileOf(["#".repeat(MAX_DOCKERFILE_BYTES)]))).ok).toBe(true);
  });

  it("says why when the file cannot be read", async () => {
    const broken = Object.assign(new Blob(["x"]), { name: "gone.Dockerfile", arrayBuffer: () => Promise.reject(new Error("NotFoundError")) });
    expect(await readDockerfile(broken)).toEqual({ ok: false, message: "Could not read gone.Dockerfile: NotFoundError" });
  });
});

describe("formatSize", () => {
  it("uses bytes, KB and MB", () => {
    expect(formatSize(12)).toBe("12 bytes");
    expect(formatSize(2048)).toBe("2 KB");
    expect(formatSize(3.5 * 1024 * 1024)).toBe("3.5 MB");
  });
});
