import { describe, expect, it } from "vitest";
import { analyze } from "../state/analysis.ts";
import { listGlobalArgs, listLeftoverOverrides, listPlatformArgs, PLATFORM_ARGS } from "./build-args.ts";

const TEXT = [
  "ARG REGISTRY=docker.io",
  "ARG IMAGE=${REGISTRY}/library/node",
  "ARG VARIANT",
  "ARG TARGETARCH",
  "ARG REGISTRY=ghcr.io",
  "FROM ${IMAGE}:${VARIANT:-22} AS base",
  "ARG STAGE_ONLY=1",
  "FROM base-${TARGETARCH}",
  "",
].join("\n");

describe("build-arg rows", () => {
  it("lists each global ARG once with its default as written and the value FROM lines see", () => {
    const { graph } = analyze(TEXT, null, {});
    expect(listGlobalArgs(graph, {})).toEqual([
      // Declared twice: the later default wins, as BuildKit evaluates ARGs in order.
      { kind: "global", name: "REGISTRY", declaredDefault: "ghcr.io", value: "ghcr.io", override: null, line: 1 },
      { kind: "global", name: "IMAGE", declaredDefault: "${REGISTRY}/library/node", value: "docker.io/library/node", override: null, line: 2 },
      { kind: "global", name: "VARIANT", declaredDefault: null, value: null, override: null, line: 3 },
      { kind: "global", name: "TARGETARCH", declaredDefault: null, value: "amd64", override: null, line: 4 },
    ]);
  });

  it("shows overrides and what they change", () => {
    const overrides = { REGISTRY: "quay.io", VARIANT: "" };
    const { graph } = analyze(TEXT, null, overrides);
    const rows = listGlobalArgs(graph, overrides);
    expect(rows.map((r) => [r.name, r.override, r.value])).toEqual([
      ["REGISTRY", "quay.io", "quay.io"],
      ["IMAGE", null, "quay.io/library/node"],
      ["VARIANT", "", ""],
      ["TARGETARCH", null, "amd64"],
    ]);
  });

  it("lists the platform ARGs the file does not declare, with BuildKit's defaults and overrides", () => {
    const overrides = { TARGETOS: "windows" };
    const { graph } = analyze(TEXT, null, overrides);
    const rows = listPlatformArgs(graph, overrides, new Set(["TARGETARCH"]));
    expect(rows.map((r) => r.name)).toEqual(PLATFORM_ARGS.filter((n) => n !== "TARGETARCH"));
    expect(rows.find((r) => r.name === "TARGETOS")).toMatchObject({ kind: "platform", value: "windows", override: "windows" });
    expect(rows.find((r) => r.name === "BUILDPLATFORM")).toMatchObject({ value: "linux/amd64", override: null });
  });

  it("keeps overrides of names the file no longer declares, so they can be reset", () => {
    const overrides = { GONE: "1", TARGETOS: "linux", REGISTRY: "x" };
    expect(listLeftoverOverrides(overrides, new Set(["REGISTRY"]))).toEqual([
      { kind: "leftover", name: "GONE", declaredDefault: null, value: "1", override: "1", line: null },
    ]);
  });
});
