import { describe, expect, it } from "vitest";
import { runCli } from "./run-cli.ts";
import { fakeIo } from "./fake-io.ts";
import { testCommands } from "./test-commands.ts";

async function run(argv: string[], files: Record<string, string> = {}, stdin = "") {
  const { io, out } = fakeIo(files, stdin);
  const code = await runCli(argv, testCommands, io);
  return { code, stdout: out.stdout, stderr: out.stderr };
}

describe("runCli", () => {
  it("runs a command on a file and writes its output unchanged", async () => {
    expect(await run(["echo", "f"], { f: "FROM a\r\nRUN x" })).toEqual({ code: 0, stdout: "FROM a\r\nRUN x", stderr: "" });
  });

  it("runs a command on standard input", async () => {
    expect(await run(["echo", "-"], {}, "FROM s\n")).toEqual({ code: 0, stdout: "FROM s\n", stderr: "" });
  });

  it("passes parsed options to the command", async () => {
    const result = await run(["graph", "--format", "dot", "f"], { f: "" });
    expect(JSON.parse(result.stdout)).toEqual(["f", [["format", "dot"]]]);
  });

  it("prints the usage on stdout for --help, exit 0", async () => {
    const result = await run(["--help"]);
    expect(result).toMatchObject({ code: 0, stderr: "" });
    expect(result.stdout).toMatch(/^Usage: stagecraft <command>/);
    for (const command of testCommands) expect(result.stdout).toContain(`  ${command.name}  `);
  });

  it("prints a command's options for help graph", async () => {
    const result = await run(["help", "graph"]);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("--format FORMAT");
    expect(result.stdout).toContain("json (default) | mermaid | dot");
    expect(result.stdout).toContain("--build-arg KEY=VALUE");
  });

  it("prints the usage on stderr with no arguments, exit 2", async () => {
    const result = await run([]);
    expect(result).toMatchObject({ code: 2, stdout: "" });
    expect(result.stderr).toMatch(/^stagecraft: missing command\nUsage: stagecraft/);
  });

  it("reports a usage error on one line plus a pointer to --help, exit 2", async () => {
    expect(await run(["frobnicate", "f"])).toEqual({
      code: 2,
      stdout: "",
      stderr: "stagecraft: unknown command 'frobnicate'\nRun 'stagecraft --help' for usage.\n",
    });
  });

  it("reports an unreadable file on one line, exit 2", async () => {
    expect(await run(["echo", "missing"])).toEqual({ code: 2, stdout: "", stderr: "stagecraft: cannot read 'missing': no such file\n" });
  });

  it("turns a throwing command into one line and exit 70, never a stack trace", async () => {
    const result = await run(["explode", "f"], { f: "" });
    expect(result).toEqual({
      code: 70,
      stdout: "",
      stderr: "stagecraft: internal error in 'explode' on 'f': boom at line two (please report it)\n",
    });
  });
});
