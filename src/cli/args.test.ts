import { describe, expect, it } from "vitest";
import { parseCommandLine } from "./args.ts";
import { getOptionList, getOptionValue, hasSwitch } from "./command-spec.ts";
import { testCommands } from "./test-commands.ts";

const parse = (...argv: string[]) => parseCommandLine(argv, testCommands);

function expectRun(argv: string[]) {
  const invocation = parse(...argv);
  if (invocation.kind !== "run") throw new Error(`expected a run, got ${JSON.stringify(invocation)}`);
  return invocation;
}

function expectUsageError(argv: string[]): string {
  const invocation = parse(...argv);
  if (invocation.kind !== "usage-error") throw new Error(`expected a usage error, got ${invocation.kind}`);
  return invocation.message;
}

describe("parseCommandLine", () => {
  it("finds the command and its one operand", () => {
    const run = expectRun(["echo", "Dockerfile"]);
    expect(run.command.name).toBe("echo");
    expect(run.operand).toBe("Dockerfile");
  });

  it("takes '-' as an operand, not an option", () => {
    expect(expectRun(["echo", "-"]).operand).toBe("-");
  });

  it("takes words after '--' as operands even when they look like options", () => {
    expect(expectRun(["echo", "--", "--weird-name"]).operand).toBe("--weird-name");
  });

  it("reads value options in both spellings, list options in order, switches, and defaults", () => {
    const run = expectRun(["graph", "--target=app", "--build-arg", "A=1", "f", "--build-arg=B=2", "--all"]);
    expect(run.operand).toBe("f");
    expect(getOptionValue(run.options, "target")).toBe("app");
    expect(getOptionList(run.options, "build-arg")).toEqual(["A=1", "B=2"]);
    expect(hasSwitch(run.options, "all")).toBe(true);
    expect(getOptionValue(run.options, "format")).toBe("json");
  });

  it("leaves absent options absent", () => {
    const run = expectRun(["graph", "f"]);
    expect(getOptionValue(run.options, "target")).toBeUndefined();
    expect(getOptionList(run.options, "build-arg")).toEqual([]);
    expect(hasSwitch(run.options, "all")).toBe(false);
  });

  it("keeps an empty value given with '='", () => {
    expect(getOptionValue(expectRun(["graph", "--target=", "f"]).options, "target")).toBe("");
  });

  it("asks for help with no command, -h, --help and help", () => {
    expect(parse("--help")).toEqual({ kind: "help", command: null });
    expect(parse("-h")).toEqual({ kind: "help", command: null });
    expect(parse("help")).toEqual({ kind: "help", command: null });
    expect(parse("help", "graph")).toMatchObject({ kind: "help", command: { name: "graph" } });
    expect(parse("graph", "f", "--help")).toMatchObject({ kind: "help", command: { name: "graph" } });
  });

  it("reports a missing command with the usage", () => {
    expect(parse()).toEqual({ kind: "usage-error", message: "missing command", showUsage: true });
  });

  it.each([
    [["nope", "f"], "unknown command 'nope'"],
    [["help", "nope"], "unknown command 'nope'"],
    [["--version"], "unknown option '--version'"],
    [["echo"], "'echo' needs a FILE (use '-' for standard input)"],
    [["echo", "a", "b"], "'echo' takes one FILE; unexpected 'b'"],
    [["echo", "--format=json", "f"], "unknown option '--format' for 'echo'"],
    [["echo", "-x", "f"], "unknown option '-x' for 'echo'"],
    [["graph", "f", "--target"], "option '--target' needs a value (STAGE)"],
    [["graph", "--format", "svg", "f"], "option '--format' must be one of json, mermaid, dot (got 'svg')"],
    [["graph", "--target", "a", "--target", "b", "f"], "option '--target' given more than once"],
    [["graph", "--all=yes", "f"], "option '--all' takes no value"],
  ])("rejects %j: %s", (argv, message) => {
    expect(expectUsageError(argv)).toBe(message);
  });
});
