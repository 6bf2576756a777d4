import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { lintDockerfile, lintRules, parseDockerfile } from "../index.ts";
import { commands } from "./commands.ts";
import { fakeIo } from "./fake-io.ts";
import { runCli } from "./run-cli.ts";

const withFindings = "FROM alpine AS Build\nRUN make\nFROM alpine:3.20\nCOPY --from=Build /out /out\nCMD run\n";
const clean = "FROM alpine:3.20@sha256:0000000000000000000000000000000000000000000000000000000000000000\nUSER nobody\n";
const infoOnly = "FROM alpine:3.20\nUSER nobody\n";
const broken = "FROM alpine AS a\nCOPY --from=a /x /y\n";
const files = { Dockerfile: withFindings, clean, info: infoOnly, broken };

async function run(argv: string[]) {
  const { io, out } = fakeIo(files);
  const code = await runCli(argv, commands, io);
  return { code, out };
}

describe("stagecraft lint", () => {
  it("prints findings like a compiler (file:line:column), with a summary, and exits 1 on a warning", async () => {
    const { code, out } = await run(["lint", "Dockerfile"]);
    expect(code).toBe(1);
    expect(out.stdout.split("\n")).toContain("Dockerfile:1:16: warning: Stage name 'Build' should be lowercase (StageNameCasing)");
    expect(out.stdout.split("\n")).toContain("Dockerfile:5:1: warning: JSON arguments recommended for CMD to prevent unintended behavior related to OS signals (JSONArgsRecommended)");
    const expected = lintDockerfile(parseDockerfile(withFindings)).findings;
    expect(out.stdout.trimEnd().split("\n")).toHaveLength(expected.length + 1);
    expect(out.stdout).toMatch(/\n\d+ findings: 0 error, \d+ warning, \d+ info\n$/);
    expect(out.stderr).toBe("");
  });

  it("exits 0 when nothing reaches a warning: clean, or info only", async () => {
    expect(await run(["lint", "clean"])).toMatchObject({ code: 0, out: { stdout: "no findings\n", stderr: "" } });
    const info = await run(["lint", "info"]);
    expect(info.code).toBe(0);
    expect(info.out.stdout).toMatch(/: info: .*\(FinalFromWithoutDigest\)\n/);
  });

  it("exits 1 where BuildKit would fail the build, with the error on stderr", async () => {
    const { code, out } = await run(["lint", "broken"]);
    expect(code).toBe(1);
    expect(out.stderr).toMatch(/^broken:2: error: .*\(CircularDependency\)\n/);
  });

  it("exits 2 on a bad invocation or unreadable input", async () => {
    expect((await run(["lint", "missing"])).code).toBe(2);
    expect((await run(["lint", "Dockerfile", "--format", "xml"])).code).toBe(2);
    expect((await run(["lint", "Dockerfile", "--build-arg", "novalue"])).code).toBe(2);
    const noIgnore = await run(["lint", "Dockerfile", "--dockerignore", join(tmpdir(), "stagecraft-no-such-dockerignore")]);
    expect(noIgnore.code).toBe(2);
    expect(noIgnore.out.stderr).toMatch(/cannot read --dockerignore .*: no such file/);
  });

  it("reads --dockerignore for CopyIgnoredFile, and honours --target", async () => {
    const dir = mkdtempSync(join(tmpdir(), "stagecraft-lint-"));
    const ignore = join(dir, ".dockerignore");
    writeFileSync(ignore, "secret.txt\n");
    const { io, out } = fakeIo({ f: "FROM alpine:3.20 AS tools\nCOPY secret.txt /\nFROM alpine:3.20\nUSER nobody\n" });
    expect(await runCli(["lint", "f", "--dockerignore", ignore, "--format", "json"], commands, io)).toBe(1);
    const json = JSON.parse(out.stdout) as { findings: { rule: string; built: boolean; stage: string | null }[] };
    expect(json.findings.find((f) => f.rule === "CopyIgnoredFile")).toMatchObject({ built: false, stage: "tools" });
  });

  it("writes JSON as { file, findings, error } with positions, fixes and suppressions", async () => {
    const { code, out } = await run(["lint", "Dockerfile", "--format", "json"]);
    expect(code).toBe(1);
    const json = JSON.parse(out.stdout) as { file: string; error: null; findings: Record<string, unknown>[] };
    expect(json.file).toBe("Dockerfile");
    expect(json.error).toBeNull();
    const casing = json.findings.find((f) => f["rule"] === "StageNameCasing");
    expect(casing).toMatchObject({
      origin: "buildkit",
      severity: "warning",
      line: 1,
      range: { startLine: 1, startColumn: 16, endLine: 1, endColumn: 21 },
      stage: "build",
      built: true,
      fix: { title: "Rename stage to 'build'" },
      suppress: { title: expect.stringMatching(/check=skip=StageNameCasing/) },
    });
  });

  it("writes a SARIF 2.1.0 log: every rule in the driver, one result per finding, pointing at its rule", async () => {
    const { code, out } = await run(["lint", "Dockerfile", "--format", "sarif"]);
    expect(code).toBe(1);
    const log = JSON.parse(out.stdout) as {
      version: string;
      $schema: string;
      runs: {
        tool: { driver: { name: string; rules: { id: string; shortDescription: { text: string }; helpUri?: string; defaultConfiguration: { level: string } }[] } };
        results: { ruleId: string; ruleIndex: number; level: string; message: { text: string }; locations: { physicalLocation: { artifactLocation: { uri: string }; region: Record<string, number> } }[] }[];
      }[];
    };
    expect(log.version).toBe("2.1.0");
    expect(log.$schema).toMatch(/sarif-2\.1\.0/);
    expect(log.runs).toHaveLength(1);
    const [sarifRun] = log.runs;
    const rules = sarifRun!.tool.driver.rules;
    expect(rules.map((r) => r.id)).toEqual(lintRules.map((r) => r.id));
    for (const rule of rules) {
      expect(["error", "warning", "note"]).toContain(rule.defaultConfiguration.level);
      if (rule.helpUri !== undefined) expect(rule.helpUri).toMatch(/^https:\/\//);
    }
    const expected = lintDockerfile(parseDockerfile(withFindings)).findings;
    expect(sarifRun!.results).toHaveLength(expected.length);
    for (const result of sarifRun!.results) {
      expect(rules[result.ruleIndex]?.id).toBe(result.ruleId);
      expect(["error", "warning", "note"]).toContain(result.level);
      const region = result.locations[0]!.physicalLocation.region;
      expect(result.locations[0]!.physicalLocation.artifactLocation.uri).toBe("Dockerfile");
      expect(region["startLine"]).toBeGreaterThanOrEqual(1);
      expect(region["startColumn"]).toBeGreaterThanOrEqual(1);
      expect(region["endLine"]! * 1e6 + region["endColumn"]!).toBeGreaterThanOrEqual(region["startLine"]! * 1e6 + region["startColumn"]!);
    }
  });
});
