import { describe, expect, it } from "vitest";
import { commands } from "./commands.ts";
import { runCli } from "./run-cli.ts";
import { fakeIo } from "./fake-io.ts";

const files: Record<string, string> = {
  Dockerfile: "ARG V=a\nFROM alpine AS base-a\nFROM busybox AS base-b\nFROM base-${V} AS final\n",
  "node.Dockerfile": [
    "FROM node:22 AS a",
    "WORKDIR /app",
    "FROM a AS b",
    "COPY package.json ./",
    "RUN npm ci",
    "COPY . .",
    "RUN npm run build",
    "FROM node:22-slim AS c",
    "COPY --from=b /app/dist /srv",
    'CMD ["node", "/srv/index.js"]',
    "FROM a AS lonely",
    "RUN npm test",
    "",
  ].join("\n"),
};

async function cli(argv: string[]) {
  const { io, out } = fakeIo(files);
  const code = await runCli(argv, commands, io);
  return { code, stdout: out.stdout, stderr: out.stderr };
}

describe("stagecraft graph", () => {
  it("prints the JSON graph by default", async () => {
    const r = await cli(["graph", "Dockerfile"]);
    expect(r.code).toBe(0);
    const json = JSON.parse(r.stdout) as { target: number; stages: { base: unknown }[] };
    expect(json.target).toBe(2);
    expect(json.stages[2]?.base).toEqual({ kind: "stage", index: 0 });
  });

  it("follows --build-arg (repeatable, the last wins) and --target, in every format", async () => {
    const r = await cli(["graph", "Dockerfile", "--build-arg", "V=x", "--build-arg=V=b", "--format", "json"]);
    expect((JSON.parse(r.stdout) as { stages: { base: unknown }[] }).stages[2]?.base).toEqual({ kind: "stage", index: 1 });
    const target = await cli(["graph", "Dockerfile", "--target", "BASE-A", "--format=json"]);
    expect((JSON.parse(target.stdout) as { target: number }).target).toBe(0);
    expect((await cli(["graph", "Dockerfile", "--format", "mermaid"])).stdout.startsWith("flowchart TB\n")).toBe(true);
    const roles = JSON.parse((await cli(["graph", "node.Dockerfile", "--target", "c"])).stdout) as { stages: { role: string }[] };
    expect(roles.stages.map((s) => s.role)).toEqual(["base", "builder", "final", "test"]);
    expect((await cli(["graph", "node.Dockerfile", "--format", "dot", "--target", "c"])).stdout).toContain('label="b (builder)"');
    expect((await cli(["graph", "Dockerfile", "--format", "dot"])).stdout.startsWith("digraph stages {\n")).toBe(true);
  });

  it("refuses a bad build arg, an unknown format and a missing file with exit 2 and one line", async () => {
    const noEquals = await cli(["graph", "Dockerfile", "--build-arg", "NOEQ"]);
    expect(noEquals).toMatchObject({ code: 2, stdout: "" });
    expect(noEquals.stderr).toBe("stagecraft: --build-arg needs KEY=VALUE, got 'NOEQ'\n");
    expect(await cli(["graph", "Dockerfile", "--build-arg", "__proto__=x"])).toEqual({
      code: 2,
      stdout: "",
      stderr: "stagecraft: --build-arg cannot be named '__proto__'\n",
    });
    expect((await cli(["graph", "Dockerfile", "--format", "svg"])).code).toBe(2);
    const missing = await cli(["graph", "missing"]);
    expect(missing.code).toBe(2);
    expect(missing.stderr.trim().split("\n")[0]).toContain("missing");
  });
});

describe("stagecraft explain", () => {
  it("explains each stage, what ships and the schedule", async () => {
    const r = await cli(["explain", "node.Dockerfile", "--target", "c"]);
    expect(r).toMatchObject({ code: 0, stderr: "" });
    expect(r.stdout).toContain("b — builder\n  Builds (`npm run build`); c copies from it.\n");
    expect(r.stdout).toContain("lonely — test (not built)\n");
    expect(r.stdout).toContain("Nothing builds on lonely, copies from it or mounts it");
    expect(r.stdout).toContain("  - /app/dist → /srv (line 9, from b), made by b line 7: RUN npm run build.\n");
    expect(r.stdout).toContain("Longest chain: a → b → c.\n");
  });

  it("says what re-runs for --changed paths", async () => {
    const r = await cli(["explain", "node.Dockerfile", "--target", "c", "--changed", "src/index.ts"]);
    expect(r.stdout).toContain("If src/index.ts changes:\n  a: cached.\n  b: re-runs from line 6 (2 steps). Its sources take in src/index.ts, which changed.\n  c: re-runs from line 9 (2 steps). It copies from b, which is rebuilt.\n");
  });

  it("prints the Markdown handout, and reports bad input like graph does", async () => {
    const md = await cli(["explain", "node.Dockerfile", "--format", "markdown"]);
    expect(md.stdout).toMatch(/^# The Dockerfile, stage by stage\n\n## The Dockerfile\n\n```dockerfile\nFROM node:22 AS a\n/);
    expect(md.stdout).toContain("```mermaid\nflowchart TB\n");
    expect(md.stdout).toContain("### b — builder (not built)\n");
    expect((await cli(["explain", "node.Dockerfile", "--build-arg", "X"])).code).toBe(2);
    expect((await cli(["explain", "node.Dockerfile", "--target", "nope"])).code).toBe(1);
  });
});
