import { describe, expect, it } from "vitest";
import { checkImageReference } from "./image-reference.ts";

describe("checkImageReference (distribution/reference ParseNormalizedNamed)", () => {
  it.each([
    "alpine",
    "alpine:3.20",
    "golang:1.22-alpine",
    "docker.io/library/alpine:3.20",
    "ghcr.io/astral-sh/uv:0.5",
    "localhost:5000/app:dev",
    "registry.example.com:443/team/app",
    `ubuntu@sha256:${"a".repeat(64)}`,
    `nginx:1.27@sha256:${"0".repeat(64)}`,
    "scratch",
    "build-amd64",
  ])("accepts %s", (ref) => {
    expect(checkImageReference(ref)).toBeNull();
  });

  it.each([
    ["", "invalid reference format"],
    ["Builder", "invalid reference format: repository name (library/Builder) must be lowercase"],
    ["alpine:", "invalid reference format"],
    ["alpine:3.20:x", "invalid reference format"],
    ["a b", "invalid reference format"],
    ["$image", "invalid reference format"],
    ["$IMAGE", "invalid reference format: repository name (library/$IMAGE) must be lowercase"],
    [`ubuntu@sha256:${"a".repeat(63)}`, "invalid checksum digest length"],
    [`ubuntu@sha256:${"a".repeat(31)}`, "invalid reference format"],
    [`ubuntu@sha512:${"a".repeat(64)}`, "invalid checksum digest length"],
    [`ubuntu@md5:${"a".repeat(32)}`, "unsupported digest algorithm"],
    ["a".repeat(64), `invalid repository name (${"a".repeat(64)}), cannot specify 64-byte hexadecimal strings`],
    [`x/${"a".repeat(260)}`, "repository name must not be more than 255 characters"],
  ])("rejects %j: %s", (ref, message) => {
    expect(checkImageReference(ref)).toBe(message);
  });

  it("checks the repository case, not the registry's", () => {
    expect(checkImageReference("Registry.Example.com/app")).toBeNull();
    expect(checkImageReference("registry.example.com/App")).toBe("invalid reference format: repository name (App) must be lowercase");
  });
});
