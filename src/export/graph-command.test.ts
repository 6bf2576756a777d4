import { describe, expect, it } from "vitest";
import { parseGraphArgs, runGraphCommand } from "./graph-command.ts";

const files: Record<string, string> = {
  Dockerfile: "ARG V=debian\nFROM debian AS base-debian\nFROM alpine AS base-alpine\nFROM base-${V} AS final\n",
  broken: "FROM alpine AS a\nCOPY --from=a /x /y\n",
};

function read(path: string): string {
  const text = files[path];
  if (text === undefined) throw new Error("ENOENT: no such file");
  return text;
}

describe("runGraphCommand", () => {
  it("prints the JSON graph by default", () => {
    const result = runGraphCommand(["Dockerfile"], read);
    expect(result.code).toBe(0);
    expect(result.stderr).toBe("");
    const json = JSON.parse(result.stdout) as { target: number; stages: { base: unknown }[] };
    expect(json.target).toBe(2);
    expect(json.stages[2]?.base).toEqual({ kind: "stage", index: 0 });
  });

  it("takes a target and build arguments, in both option spellings", () => {
    const result = runGraphCommand(["--format=mermaid", "Dockerfile", "--build-arg", "V=alpine", "--target", "FINAL"], read);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("  s1 --> s2\n");
    expect(runGraphCommand(["Dockerfile", "--format", "dot"], read).stdout.startsWith("digraph stages {\n")).toBe(true);
  });

  it("prints the graph and the diagnostics, and exits 1 when BuildKit would fail", () => {
    const result = runGraphCommand(["broken"], read);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('"kind": "copy"');
    expect(result.stderr).toBe("broken:2: error: circular dependency detected on stage: a (CircularDependency)\n");
  });

  it("exits 2 on a bad invocation or an unreadable file", () => {
    expect(runGraphCommand([], read)).toMatchObject({ code: 2, stdout: "" });
    expect(runGraphCommand(["Dockerfile", "--format", "svg"], read).stderr).toContain("unknown format 'svg'");
    expect(runGraphCommand(["Dockerfile", "--build-arg", "NOEQUALS"], read).stderr).toContain("--build-arg needs KEY=VALUE");
    expect(runGraphCommand(["Dockerfile", "--frob"], read).stderr).toContain("unknown option '--frob'");
    expect(runGraphCommand(["missing"], read)).toEqual({
      stdout: "",
      stderr: "stagecraft graph: cannot read 'missing': ENOENT: no such file\n",
      code: 2,
    });
  });

  it("parses repeated build arguments, last one winning", () => {
    const parsed = parseGraphArgs(["f", "--build-arg", "A=1", "--build-arg=A=2", "--build-arg", "B=x=y"]);
    expect(parsed).toEqual({ kind: "ok", file: "f", request: { format: "json", buildArgs: { A: "2", B: "x=y" } } });
  });
});
