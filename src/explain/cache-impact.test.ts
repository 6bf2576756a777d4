import { describe, expect, it } from "vitest";
import { parseDockerfile } from "../syntax/parse.ts";
import { cacheImpact, type CacheImpactOptions } from "./cache-impact.ts";
import { isIgnored, parseDockerignore, sourceMatches } from "./path-match.ts";

const node = [
  "FROM node:22 AS base", // 1
  "WORKDIR /app", // 2
  "FROM base AS builder", // 3
  "COPY package.json pnpm-lock.yaml ./", // 4
  "RUN pnpm install", // 5
  "COPY . .", // 6
  "RUN pnpm build", // 7
  "FROM builder AS pruner", // 8
  "RUN pnpm prune --prod", // 9
  "FROM node:22-slim AS final", // 10
  "COPY --from=pruner /app/node_modules ./node_modules", // 11
  "COPY --from=builder /app/dist ./dist", // 12
  'CMD ["node", "dist/index.js"]', // 13
  "",
].join("\n");

/** label → first line that re-runs, or "cached". */
function firstBreaks(text: string, changed: string[], options: CacheImpactOptions = {}): Record<string, number | "cached"> {
  const impact = cacheImpact(parseDockerfile(text), changed, options);
  return Object.fromEntries(impact.stages.map((s) => [s.label, s.breaksAt?.line ?? "cached"]));
}

describe("cacheImpact", () => {
  it("keeps the dependency install cached when only a source file changes", () => {
    expect(firstBreaks(node, ["src/app.ts"])).toEqual({ base: "cached", builder: 6, pruner: 8, final: 11 });
    const impact = cacheImpact(parseDockerfile(node), ["src/app.ts"]);
    expect(impact.stages[1]?.reruns.map((r) => r.line)).toEqual([6, 7]);
    expect(impact.stages[2]?.reason).toBe("It builds on builder, which is rebuilt: every step re-runs.");
    expect(impact.stages[3]?.reruns.map((r) => r.line)).toEqual([11, 12, 13]);
    expect(impact.rebuilt).toEqual([1, 2, 3]);
  });

  it("re-runs the install when a manifest changes", () => {
    expect(firstBreaks(node, ["package.json"])).toEqual({ base: "cached", builder: 4, pruner: 8, final: 11 });
  });

  it("re-runs the install on every change when the sources are copied first", () => {
    const bad = "FROM node:22\nWORKDIR /app\nCOPY . .\nRUN npm ci\nRUN npm run build\n";
    expect(cacheImpact(parseDockerfile(bad), ["src/app.ts"]).stages[0]?.reruns.map((r) => r.line)).toEqual([3, 4, 5]);
  });

  it("matches globs, directories and --parents sources", () => {
    const text = "FROM alpine\nCOPY *.json /a/\nCOPY src/ /src/\nCOPY --parents ./pkgs/*/go.mod /b/\nRUN make\n";
    expect(firstBreaks(text, ["tsconfig.json"])).toEqual({ "stage-0": 2 });
    expect(firstBreaks(text, ["config/app.json"])).toEqual({ "stage-0": "cached" });
    expect(firstBreaks(text, ["src/deep/x.ts"])).toEqual({ "stage-0": 3 });
    expect(firstBreaks(text, ["pkgs/web/go.mod"])).toEqual({ "stage-0": 4 });
    expect(firstBreaks(text, ["pkgs/web/main.go"])).toEqual({ "stage-0": "cached" });
  });

  it("honours .dockerignore, its exceptions, and COPY --exclude", () => {
    const text = "FROM alpine\nCOPY . /src\nRUN make\n";
    const dockerignore = "# build output\nnode_modules\n*.md\n!README.md\n**/*.log\n";
    const impact = cacheImpact(parseDockerfile(text), ["node_modules/x/index.js", "NOTES.md", "a/b/c.log"], { dockerignore });
    expect(impact.stages[0]?.breaksAt).toBeNull();
    expect(impact.ignored).toEqual(["node_modules/x/index.js", "NOTES.md", "a/b/c.log"]);
    expect(firstBreaks(text, ["README.md"], { dockerignore })).toEqual({ "stage-0": 2 });
    expect(firstBreaks(text, ["docs/guide.md"], { dockerignore })).toEqual({ "stage-0": 2 });
    expect(firstBreaks("FROM alpine\nCOPY --exclude=*.md . /src\n", ["README.md"])).toEqual({ "stage-0": "cached" });
  });

  it("treats ADD of a URL as changed only when that URL is named", () => {
    const text = "FROM alpine\nADD https://example.com/tool.tgz /opt/\nADD conf/ /etc/app/\n";
    expect(firstBreaks(text, ["conf/app.ini"])).toEqual({ "stage-0": 3 });
    expect(firstBreaks(text, ["https://example.com/tool.tgz"])).toEqual({ "stage-0": 2 });
  });

  it("follows bind mounts of the context and mounts of rebuilt stages", () => {
    const text = "FROM golang AS build\nRUN --mount=type=bind,target=. go build -o /out/app\nFROM alpine\nRUN --mount=from=build,source=/out,target=/in cp /in/app /app\n";
    expect(firstBreaks(text, ["main.go"])).toEqual({ build: 2, "stage-1": 4 });
  });

  it("leaves stages the target does not build out, and uses the target and build args given", () => {
    const text = "FROM alpine AS a\nCOPY a.txt /\nFROM alpine AS b\nCOPY b.txt /\n";
    expect(firstBreaks(text, ["a.txt"])).toEqual({ b: "cached" });
    expect(firstBreaks(text, ["a.txt"], { target: "a" })).toEqual({ a: 2 });
  });

  it("ignores blank and dotted paths and never throws on hostile input", () => {
    expect(cacheImpact(parseDockerfile(node), ["", "./", "/"]).rebuilt).toEqual([]);
    for (const input of ["", "FROM", "FROM a\nCOPY", "FROM a\nCOPY [\n", "FROM a\nADD --checksum= x y\n"]) {
      expect(() => cacheImpact(parseDockerfile(input), ["x", "[", "**"])).not.toThrow();
    }
  });
});

describe("context path matching", () => {
  it("works like filepath.Match per segment, with ** across segments", () => {
    expect(sourceMatches("*.go", "main.go")).toBe(true);
    expect(sourceMatches("*.go", "cmd/main.go")).toBe(false);
    expect(sourceMatches("**/*.go", "cmd/x/main.go")).toBe(true);
    expect(sourceMatches("file?.txt", "file1.txt")).toBe(true);
    expect(sourceMatches("[a-c].txt", "b.txt")).toBe(true);
    expect(sourceMatches("[!a-c].txt", "b.txt")).toBe(false);
    expect(sourceMatches("./src", "src/a/b.ts")).toBe(true);
    expect(sourceMatches("/", "anything")).toBe(true);
  });

  it("lets the last .dockerignore rule win", () => {
    const rules = parseDockerignore("*\n!src\nsrc/generated\n");
    expect(isIgnored(rules, "package.json")).toBe(true);
    expect(isIgnored(rules, "src/app.ts")).toBe(false);
    expect(isIgnored(rules, "src/generated/x.ts")).toBe(true);
  });
});
