import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { buildStageGraph } from "../graph/build-stage-graph.ts";
import { parseDockerfile } from "../syntax/parse.ts";
import { DOT_STRING_LIMIT, renderDot, quoteDot } from "./dot.ts";
import { buildHostileGraph, hostileImage } from "./hostile.test-helpers.ts";
import { edgeText } from "./labels.ts";

const quoted = String.raw`"(?:[^"\\\n\r]|\\\\|\\"|\\n)*"`;
const attr = String.raw`[a-z]+=(?:${quoted}|[a-z0-9]+)`;
const attrs = String.raw`\[${attr}(?:, ${attr})*\]`;
const linePatterns = [
  /^digraph stages \{$/,
  /^ {2}rankdir=TB;$/,
  /^ {2}(node|edge) \[.*\];$/,
  new RegExp(String.raw`^  [si]\d+ ${attrs};$`),
  new RegExp(String.raw`^  [si]\d+ -> s\d+ ${attrs};$`),
  /^\}$/,
];

function unquote(text: string): string {
  return text.slice(1, -1).replace(/\\(["\\n])/g, (_, c: string) => (c === "n" ? "\n" : c));
}

describe("renderDot", () => {
  it("draws the three edge kinds in distinct styles and marks the target and unbuilt stages", () => {
    const text = "FROM golang AS build\nRUN --mount=from=tools,target=/t go build\nFROM alpine AS tools\nFROM scratch AS final\nCOPY --from=build /out /app\n";
    const dot = renderDot(buildStageGraph(parseDockerfile(text), { target: "tools" }));
    expect(dot).toContain('  s1 [label="tools (final, target)", peripheries=2, penwidth=2, fillcolor="#dff5e3"];');
    expect(dot).toContain('  s0 [label="build (builder, not built)", style="rounded,dashed,filled", fillcolor="#fafafa", color=gray60, fontcolor=gray50];');
    expect(dot).toContain("  i0 -> s0 [style=solid];");
    expect(dot).toContain('  s1 -> s0 [style=bold, label="mount → /t (invalid)", color=red, fontcolor=red];');
    expect(dot).toContain('  s0 -> s2 [style=dashed, label="copy /out → /app"];');
  });

  it("keeps every hostile name and path inside its quotes", () => {
    const output = renderDot(buildHostileGraph());
    for (const line of output.trimEnd().split("\n")) {
      expect(linePatterns.some((p) => p.test(line)), line).toBe(true);
    }
    const labels = (output.match(new RegExp(quoted, "g")) ?? []).map(unquote);
    const graph = buildHostileGraph();
    expect(labels).toContain(hostileImage);
    for (const edge of graph.edges) if (edgeText(edge) !== "") expect(labels).toContain(edgeText(edge));
    expect(labels.some((l) => l.includes("<script>alert(x)</script> --> ]] |pipe|"))).toBe(true);
  });

  it("splits text over Graphviz's 16,384-byte string limit into joined strings, never inside an escape", () => {
    const text = `${"a\\".repeat(5000)}${"é😀".repeat(4000)}"end"`;
    const quoted = quoteDot(text);
    const parts = quoted.split('" + "');
    expect(parts.length).toBe(3);
    for (const part of parts) expect(new TextEncoder().encode(part).length).toBeLessThanOrEqual(DOT_STRING_LIMIT + 2);
    // Joined back, the strings are the one escaped label: no escape or surrogate pair was cut.
    expect(parts.join("")).toBe(`"${text.replaceAll("\\", "\\\\").replaceAll('"', '\\"')}"`);
    expect(quoteDot("short")).toBe('"short"');
  });

  it.runIf(existsSync("/usr/bin/dot"))("gives Graphviz a graph it accepts with a 100,000-character label", () => {
    const image = `registry.example/${"x".repeat(100_000)}`;
    const graph = buildStageGraph(parseDockerfile(`FROM ${image}\n`));
    const result = spawnSync("/usr/bin/dot", ["-Tplain"], { input: renderDot(graph), encoding: "utf8" });
    expect(result.stderr).toBe("");
    expect(result.status).toBe(0);
    expect(result.stdout).toContain("x".repeat(1000));
  });

  it("escapes quotes, backslashes and line breaks", () => {
    expect(quoteDot('a"b\\c\nd\re\u0001')).toBe('"a\\"b\\\\c\\nde "');
  });
});
