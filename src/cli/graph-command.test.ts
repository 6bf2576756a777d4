import { describe, expect, it } from "vitest";
import { commands } from "./commands.ts";
import { runCli } from "./run-cli.ts";
import type { CliIo } from "./run-cli.ts";

const files: Record<string, string> = {
  Dockerfile: "ARG V=a\nFROM alpine AS base-a\nFROM busybox AS base-b\nFROM base-${V} AS final\n",
};

async function cli(argv: string[]) {
  const out = { stdout: "", stderr: "" };
  const io: CliIo = {
    readFile: (path) => {
      const text = files[path];
      return text === undefined ? Promise.reject(Object.assign(new Error("nope"), { code: "ENOENT" })) : Promise.resolve(new TextEncoder().encode(text));
    },
    readStdin: () => Promise.resolve(new TextEncoder().encode("")),
    writeStdout: (text) => void (out.stdout += text),
    writeStderr: (text) => void (out.stderr += text),
  };
  const code = await runCli(argv, commands, io);
  return { code, ...out };
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
