import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { buildStageGraph } from "../graph/build-stage-graph.ts";
import { parseDockerfile } from "../syntax/parse.ts";
import { classifyCommand, isManifestPath, splitCommands } from "./activity.ts";

function roles(text: string, target?: string): Record<string, string> {
  const graph = buildStageGraph(parseDockerfile(text), target === undefined ? {} : { target });
  return Object.fromEntries(graph.stages.map((s) => [s.label, s.role]));
}

const examples = join(dirname(fileURLToPath(import.meta.url)), "..", "..", "web", "examples");

describe("stage roles on the gallery", () => {
  const expected: Record<string, Record<string, string>> = {
    "node-pnpm": { base: "base", builder: "builder", pruner: "pruner", final: "final" },
    "python-uv": { uv: "tools", base: "base", builder: "builder", pruner: "pruner", final: "final" },
    "go-static": { base: "base", builder: "builder", final: "final" },
    rust: { base: "base", planner: "builder", builder: "builder", final: "final" },
    "java-maven": { base: "base", builder: "builder", pruner: "pruner", final: "final" },
    "static-nginx": { base: "base", builder: "builder", final: "final" },
  };
  for (const [id, want] of Object.entries(expected)) {
    it(id, () => expect(roles(readFileSync(join(examples, `${id}.Dockerfile`), "utf8"))).toEqual(want));
  }

  it("gives the same roles when every stage is renamed to a letter", () => {
    for (const id of Object.keys(expected)) {
      const text = readFileSync(join(examples, `${id}.Dockerfile`), "utf8");
      const names = [...text.matchAll(/\bAS (\w+)/g)].map((m) => m[1] ?? "");
      let renamed = text;
      names.forEach((name, i) => {
        renamed = renamed.replace(new RegExp(`(AS |FROM |--from=)${name}\\b`, "g"), (m) => m.replace(name, `s${String.fromCharCode(97 + i)}`));
      });
      expect(Object.values(roles(renamed))).toEqual(Object.values(expected[id] ?? {}));
    }
  });
});

describe("stage roles from the shape, never the name", () => {
  it("reads base → builder → pruner → final from stages called a, b, c, d", () => {
    const text = [
      "FROM node:22-slim AS a",
      "WORKDIR /app",
      "FROM a AS b",
      "COPY package.json package-lock.json ./",
      "RUN npm ci",
      "COPY . .",
      "RUN npm run build",
      "FROM b AS c",
      "RUN npm prune --omit=dev",
      "FROM node:22-slim AS d",
      "COPY --from=c /app/node_modules ./node_modules",
      "COPY --from=b /app/dist ./dist",
      'CMD ["node", "dist/index.js"]',
      "",
    ].join("\n");
    expect(roles(text)).toEqual({ a: "base", b: "builder", c: "pruner", d: "final" });
  });

  it("does not trust a misleading name", () => {
    const text = "FROM golang:1.23 AS final\nCOPY . .\nRUN go build -o /app .\nFROM alpine AS builder\nCOPY --from=final /app /app\nENTRYPOINT [\"/app\"]\n";
    expect(roles(text)).toEqual({ final: "builder", builder: "final" });
  });

  it("tells deps (manifests only) from the builder, and a helper image from both", () => {
    const text = [
      "FROM node:22 AS x",
      "COPY package.json yarn.lock* ./",
      "RUN yarn install --frozen-lockfile",
      "FROM ghcr.io/example/tool:1 AS y",
      "FROM node:22 AS z",
      "COPY --from=x /node_modules ./node_modules",
      "COPY . .",
      "RUN yarn build",
      "FROM node:22-slim",
      "COPY --from=y /bin/tool /usr/bin/tool",
      "COPY --from=z /dist /dist",
      "",
    ].join("\n");
    expect(roles(text)).toEqual({ x: "deps", y: "tools", z: "builder", "stage-3": "final" });
  });

  it("finds test, lint, dev, export and other stages", () => {
    const text = [
      "FROM golang:1.23 AS p",
      "WORKDIR /src",
      "COPY . .",
      "FROM p AS q",
      "RUN go test ./...",
      "FROM p AS r",
      "RUN golangci-lint run",
      "FROM p AS s",
      'CMD ["air"]',
      "FROM p AS t",
      "RUN go build -o /out/app .",
      "FROM scratch AS u",
      "COPY --from=t /out/app /",
      "FROM alpine AS v",
      "RUN echo unused",
      "FROM gcr.io/distroless/static AS w",
      "COPY --from=t /out/app /app",
      "",
    ].join("\n");
    expect(roles(text)).toEqual({ p: "base", q: "test", r: "lint", s: "dev", t: "builder", u: "export", v: "other", w: "final" });
    expect(roles(text, "q").q).toBe("test");
    expect(roles(text, "u").u).toBe("export");
    expect(roles(text, "t").t).toBe("final");
  });

  it("gives a stage with nothing of its own the role of the stage it names", () => {
    const text = "FROM alpine AS b-linux\nRUN apk add make && make\nFROM b-linux AS b\nFROM scratch\nCOPY --from=b /out /\n";
    const graph = buildStageGraph(parseDockerfile(text));
    expect(graph.stages.map((s) => s.role)).toEqual(["builder", "builder", "export"]);
    expect(graph.stages[1]?.roleReason).toMatch(/Another name for b-linux/);
  });

  it("says why in one sentence naming the stages involved", () => {
    const graph = buildStageGraph(parseDockerfile("FROM alpine AS one\nFROM one AS two\nRUN make\nFROM alpine\nCOPY --from=two /a /a\n"));
    expect(graph.stages.map((s) => s.roleReason)).toEqual([
      "Shared setup: two builds on it.",
      "Builds (`make`); stage-2 copies from it.",
      "The target: the image this build produces.",
    ]);
  });

  it("never throws on hostile input", () => {
    for (const input of ["FROM", "FROM a AS b\nFROM b AS b\nCOPY --from=b . .", "FROM a\nCOPY --from=0 x y\n", "FROM scratch\n", "FROM a\nRUN <<EOF\nEOF\n"]) {
      expect(() => buildStageGraph(parseDockerfile(input))).not.toThrow();
    }
  });
});

describe("activity of a command", () => {
  it("reads the program behind assignments, paths and runners", () => {
    expect(splitCommands("CGO_ENABLED=0 GOOS=linux go build . && ./bin/x --flag; npx turbo@2 prune web")).toEqual(["go build .", "x --flag", "turbo prune web"]);
    expect(classifyCommand("go build ./cmd/x")).toBe("build");
    expect(classifyCommand("apt-get install -y make")).toBe("system");
    expect(classifyCommand("npm install -g pnpm")).toBe(null);
    expect(classifyCommand("mvn -DskipTests package")).toBe("build");
    expect(classifyCommand("gotestsum --version")).toBe(null);
    expect(classifyCommand("pnpm prune --prod")).toBe("prune");
  });

  it("knows dependency manifests, globs included", () => {
    expect(["package.json", "yarn.lock*", "./go.sum", "app/requirements-dev.txt", "src/App.csproj", "uv.lock"].every(isManifestPath)).toBe(true);
    expect(["src", ".", "main.go", "package"].some(isManifestPath)).toBe(false);
  });
});
