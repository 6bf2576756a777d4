import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { shortenImageRef } from "./image-label.ts";

describe("shortenImageRef", () => {
  it("leaves short references alone", () => {
    expect(shortenImageRef("node:22")).toBe("node:22");
    expect(shortenImageRef("alpine")).toBe("alpine");
  });

  it("shortens the registry path in the middle first, keeping name and tag", () => {
    const short = shortenImageRef("registry.example.com/team/platform/base-images/node:22.12.0-bookworm-slim");
    expect(short.endsWith("/node:22.12.0-bookworm-slim")).toBe(true);
    expect(short).toContain("…");
    expect(short.length).toBeLessThanOrEqual(30);
  });

  it("keeps the digest visible, cut to 12 digits", () => {
    const ref = `docker.io/library/golang:1.23-alpine@sha256:${"ab12".repeat(16)}`;
    const short = shortenImageRef(ref, 60);
    expect(short).toContain(":1.23-alpine@sha256:ab12ab12ab12…");
    expect(short.length).toBeLessThanOrEqual(60);
  });

  it("never exceeds the room, whatever the reference", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 120 }), fc.integer({ min: 8, max: 60 }), (ref, max) => {
        expect(shortenImageRef(ref, max).length).toBeLessThanOrEqual(Math.max(max, ref.length <= max ? ref.length : 0));
      }),
    );
  });
});
