import { describe, expect, it } from "vitest";
import { decodeShare, encodeShare, isShareHash, SHARE_PREFIX, type SharedView } from "./share-link.ts";

const view: SharedView = {
  text: "FROM alpine AS base\r\nRUN echo «hi» 😀\n",
  sourceName: "my.Dockerfile",
  target: "base",
  buildArgs: { V: "1" },
  positions: { "stage:base": { x: 10, y: -20 } },
};

describe("share links", () => {
  it("carry the text byte for byte and the view, and read back the same", async () => {
    const hash = await encodeShare(view);
    expect(isShareHash(hash)).toBe(true);
    expect(hash).toMatch(/^#share=1\.[A-Za-z0-9_-]+$/);
    expect(await decodeShare(hash)).toEqual({ ok: true, view });
  });

  it("compress: a long repetitive Dockerfile makes a short link", async () => {
    const text = "RUN echo hello world\n".repeat(2000);
    expect((await encodeShare({ ...view, text })).length).toBeLessThan(text.length / 20);
  });

  it.each([
    ["cut short", (h: string) => h.slice(0, h.length - 12), /cut short or altered/],
    ["with a changed character", (h: string) => `${h.slice(0, 20)}${h[20] === "A" ? "B" : "A"}${h.slice(21)}`, /cut short or altered|altered/],
    ["with characters base64url has not", (h: string) => `${h}!*`, /not valid link data/],
    ["from another version", (h: string) => h.replace("#share=1.", "#share=9."), /another version/],
    ["without data", () => `${SHARE_PREFIX}1.`, /not valid link data/],
    ["without a version", () => `${SHARE_PREFIX}abc`, /cut short or altered/],
  ])("refuse a link %s with a reason", async (_, damage, reason) => {
    const read = await decodeShare(damage(await encodeShare(view)));
    expect(read.ok).toBe(false);
    if (!read.ok) expect(read.reason).toMatch(reason);
  });

  it("refuse well-formed data that is not a document, and drop view values out of bounds", async () => {
    const pack = async (data: unknown) => {
      const packed = new Uint8Array(await new Response(new Blob([JSON.stringify(data)]).stream().pipeThrough(new CompressionStream("deflate-raw"))).arrayBuffer());
      return `${SHARE_PREFIX}1.${btoa(String.fromCharCode(...packed)).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "")}`;
    };
    expect(await decodeShare(await pack([1, 2]))).toMatchObject({ ok: false, reason: expect.stringMatching(/no Dockerfile text/) });
    expect(await decodeShare(await pack({ text: 42 }))).toMatchObject({ ok: false });
    const read = await decodeShare(await pack({ text: "FROM a\n", positions: { "stage:a": { x: 1e300, y: 0 }, __proto__: { x: 1, y: 1 } }, target: 7 }));
    expect(read).toEqual({ ok: true, view: { text: "FROM a\n", sourceName: "Dockerfile", target: null, buildArgs: {}, positions: {} } });
    // A few KB that unpack to 9 MB: refused before the page holds it all.
    expect(await decodeShare(await pack({ text: "a".repeat(9 * 1024 * 1024) }))).toEqual({ ok: false, reason: "it unpacks to more than 8 MB" });
  });
});
