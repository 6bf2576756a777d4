/**
 * The executable as a user meets it: real processes, real files, exit codes and messages.
 * The logic itself is tested in the other files without spawning.
 */
import { spawnSync } from "node:child_process";
import { closeSync, mkdirSync, mkdtempSync, openSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { afterAll, describe, expect, it } from "vitest";

const repoRoot = resolve(fileURLToPath(new URL(".", import.meta.url)), "../..");
const scratch = mkdtempSync(join(tmpdir(), "stagecraft-cli-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

function stagecraft(args: string[], input?: Uint8Array | string, options: { cwd?: string; env?: NodeJS.ProcessEnv } = {}) {
  const result = spawnSync(process.execPath, ["--import", pathToFileURL(join(repoRoot, "node_modules/tsx/dist/loader.mjs")).href, join(repoRoot, "src/cli/main.ts"), ...args], {
    cwd: options.cwd ?? repoRoot,
    env: options.env ?? withoutNpmScript(process.env),
    input: input ?? "",
    timeout: 30_000,
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr.toString("utf8") };
}

/** The environment without what `npm run` adds, so a test decides whether the CLI runs as our npm script. */
function withoutNpmScript(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  return Object.fromEntries(Object.entries(env).filter(([key]) => !key.startsWith("npm_") && key !== "INIT_CWD"));
}

function writeScratch(name: string, content: Uint8Array | string): string {
  const path = join(scratch, name);
  writeFileSync(path, content);
  return path;
}

describe("stagecraft executable", () => {
  it("prints a file back byte for byte (BOM, CRLF, non-ASCII, no final newline)", () => {
    const bytes = Buffer.from("\uFEFF# syntax=docker/dockerfile:1\r\nFROM alpine AS «base»\r\nRUN echo \\\r\n  héllo", "utf8");
    const result = stagecraft(["print", writeScratch("Dockerfile", bytes)]);
    expect(result.code).toBe(0);
    expect(result.stderr).toBe("");
    expect(Buffer.compare(result.stdout, bytes)).toBe(0);
  });

  it("reads standard input for '-'", () => {
    const result = stagecraft(["dump", "-"], "FROM alpine\nRUN echo hi\n");
    expect(result).toMatchObject({ code: 0, stderr: "" });
    expect(result.stdout.toString("utf8")).toBe('(from "alpine")\n(run "echo hi")\n');
  });

  it("exits 1 with BuildKit's error when BuildKit's parser would fail", () => {
    const result = stagecraft(["dump", "-"], "");
    expect(result.code).toBe(1);
    expect(result.stdout.toString("utf8")).toBe("ERROR: file with no instructions\n");
    expect(result.stderr).toMatch(/^<stdin>:1: error: file with no instructions \(\w+\)\n$/);
  });

  it("says a file is missing in one line, exit 2", () => {
    const missing = join(scratch, "no-such-Dockerfile");
    expect(stagecraft(["print", missing])).toMatchObject({ code: 2, stderr: `stagecraft: cannot read '${missing}': no such file\n` });
  });

  it("refuses a directory, exit 2", () => {
    const dir = join(scratch, "a-dir");
    mkdirSync(dir);
    expect(stagecraft(["dump", dir])).toMatchObject({ code: 2, stderr: `stagecraft: cannot read '${dir}': is a directory\n` });
  });

  it("refuses standard input that is a directory, exit 2, instead of reading it as empty", () => {
    const dir = join(scratch, "stdin-dir");
    mkdirSync(dir);
    const fd = openSync(dir, "r");
    try {
      const result = spawnSync(process.execPath, ["--import", "tsx", "src/cli/main.ts", "dump", "-"], { cwd: repoRoot, stdio: [fd, "pipe", "pipe"], timeout: 30_000 });
      expect({ code: result.status, stderr: result.stderr.toString("utf8") }).toEqual({ code: 2, stderr: "stagecraft: cannot read '<stdin>': is a directory\n" });
    } finally {
      closeSync(fd);
    }
  });

  it("refuses binary and non-UTF-8 files, exit 2", () => {
    const binary = writeScratch("binary", new Uint8Array([0x7f, 0x45, 0x4c, 0x46, 0x00, 0x01]));
    expect(stagecraft(["print", binary]).stderr).toMatch(/^stagecraft: cannot read '.*binary': binary file \(contains NUL bytes.*\)\n$/);
    const latin1 = writeScratch("latin1", new Uint8Array([0x46, 0x52, 0x4f, 0x4d, 0x20, 0xe9, 0x0a]));
    expect(stagecraft(["print", latin1])).toMatchObject({ code: 2, stderr: `stagecraft: cannot read '${latin1}': not valid UTF-8 text\n` });
  });

  it("shows usage for --help (exit 0) and without arguments (exit 2)", () => {
    const help = stagecraft(["--help"]);
    expect(help.code).toBe(0);
    expect(help.stdout.toString("utf8")).toMatch(/^Usage: stagecraft <command>[\s\S]*\n {2}print {2}[\s\S]*\n {2}dump {2}/);
    const bare = stagecraft([]);
    expect(bare.code).toBe(2);
    expect(bare.stderr).toMatch(/^stagecraft: missing command\nUsage:/);
  });

  it("rejects an unknown command and a missing FILE, exit 2, no stack trace", () => {
    expect(stagecraft(["graph-it", "x"])).toMatchObject({ code: 2, stderr: "stagecraft: unknown command 'graph-it'\nRun 'stagecraft --help' for usage.\n" });
    const noFile = stagecraft(["print"]);
    expect(noFile.code).toBe(2);
    expect(noFile.stderr).toMatch(/^stagecraft: 'print' needs a FILE/);
    expect(noFile.stderr).not.toMatch(/\n\s+at /);
  });

  describe("relative paths", () => {
    const project = join(scratch, "project");
    mkdirSync(project, { recursive: true });
    writeFileSync(join(project, "Dockerfile"), "FROM alpine AS base\nFROM base\n");

    it("start from the folder npm was started in when run as `npm run cli`", () => {
      const env = { ...withoutNpmScript(process.env), npm_lifecycle_event: "cli", npm_package_name: "stagecraft", INIT_CWD: project };
      const result = stagecraft(["print", "Dockerfile"], "", { env });
      expect(result).toMatchObject({ code: 0, stderr: "" });
      expect(result.stdout.toString("utf8")).toBe("FROM alpine AS base\nFROM base\n");
    });

    it("start from the working folder when launched directly, whatever INIT_CWD says", () => {
      const env = { ...withoutNpmScript(process.env), INIT_CWD: repoRoot };
      expect(stagecraft(["print", "Dockerfile"], "", { cwd: project, env })).toMatchObject({ code: 0, stderr: "" });
    });

    it("work as a CI pipeline uses them: npm --prefix … run -s cli from the user's folder, output redirected", () => {
      const npm = process.platform === "win32" ? "npm.cmd" : "npm";
      const result = spawnSync(npm, ["--prefix", repoRoot, "run", "-s", "cli", "--", "graph", "Dockerfile"], {
        cwd: project,
        env: withoutNpmScript(process.env),
        timeout: 60_000,
      });
      expect(result.stderr.toString("utf8")).toBe("");
      expect(result.status).toBe(0);
      // Nothing but the document: no npm banner in a redirected file.
      const graph = JSON.parse(result.stdout.toString("utf8")) as { stages: { name: string | null }[] };
      expect(graph.stages.map((stage) => stage.name)).toEqual(["base", null]);
    });
  });

  it("runs as the `stagecraft` bin of a global install, from the user's folder", () => {
    const project = join(scratch, "bin-project");
    mkdirSync(project, { recursive: true });
    writeFileSync(join(project, "Dockerfile"), "FROM alpine\n");
    const result = spawnSync(process.execPath, [join(repoRoot, "bin/stagecraft.js"), "print", "Dockerfile"], {
      cwd: project,
      env: withoutNpmScript(process.env),
      timeout: 30_000,
    });
    expect(result.stderr.toString("utf8")).toBe("");
    expect(result.stdout.toString("utf8")).toBe("FROM alpine\n");
  });

  it("exports a PNG to a file named relative to the user's folder, through the bin (the bundle where built)", () => {
    const project = join(scratch, "export-project");
    mkdirSync(project, { recursive: true });
    writeFileSync(join(project, "Dockerfile"), "FROM alpine AS base\nFROM base\n");
    const result = spawnSync(process.execPath, [join(repoRoot, "bin/stagecraft.js"), "export", "Dockerfile", "--format", "png", "-o", "graph.png"], {
      cwd: project,
      env: withoutNpmScript(process.env),
      timeout: 60_000,
    });
    expect(result.stderr.toString("utf8")).toBe("");
    expect(result.status).toBe(0);
    const png = readFileSync(join(project, "graph.png"));
    expect(png.subarray(1, 4).toString("latin1")).toBe("PNG");
  });
});
