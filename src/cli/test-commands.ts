import type { CommandSpec } from "./command-spec.ts";

/**
 * A command table for tests of the argument parser and the runner, shaped like the `graph`
 * command to come, so that value, list and switch options are all exercised without the parser.
 */
export const testCommands: readonly CommandSpec[] = [
  {
    name: "echo",
    summary: "write the input back",
    operand: "FILE",
    options: [],
    run: (source) => ({ stdout: source.text, stderr: "", exitCode: 0 }),
  },
  {
    name: "graph",
    summary: "draw the stage graph",
    operand: "FILE",
    options: [
      { kind: "value", name: "format", valueName: "FORMAT", summary: "output format", choices: ["json", "mermaid", "dot"], defaultValue: "json" },
      { kind: "value", name: "target", valueName: "STAGE", summary: "the stage to build" },
      { kind: "list", name: "build-arg", valueName: "KEY=VALUE", summary: "set a build argument" },
      { kind: "switch", name: "all", summary: "keep unreachable stages" },
    ],
    run: (source, options) => ({ stdout: JSON.stringify([source.name, [...options]]), stderr: "", exitCode: 0 }),
  },
  {
    name: "explode",
    summary: "fail inside the command",
    operand: "FILE",
    options: [],
    run: () => {
      throw new Error("boom\nat line two");
    },
  },
];
