import { describe, expect, it } from "vitest";
import { buildStageGraph } from "../graph/build-stage-graph.ts";
import { parseDockerfile } from "../syntax/parse.ts";
import { buildHostileGraph, hostileImage } from "./hostile.test-helpers.ts";
import { edgeText } from "./labels.ts";
import { quoteMermaid, renderMermaid } from "./mermaid.ts";

const quoted = String.raw`"(?:[A-Za-z0-9 _.,/@+=-]|#\d+;)*"`;
const linePatterns = [
  /^flowchart TB$/,
  new RegExp(String.raw`^  s\d+\[\[${quoted}\]\]$`),
  new RegExp(String.raw`^  s\d+\[${quoted}\]$`),
  new RegExp(String.raw`^  i\d+\(\[${quoted}\]\)$`),
  new RegExp(String.raw`^  [si]\d+ (-->|-\.->|==>)(\|${quoted}\|)? s\d+$`),
  /^ {2}classDef (stage|target|image|unbuilt) [a-z0-9#:,. -]+$/,
  /^ {2}class [si]\d+(,[si]\d+)* (stage|target|image|unbuilt)$/,
  /^ {2}linkStyle \d+(,\d+)* stroke:#d11,color:#d11$/,
];

function decode(label: string): string {
  return label.slice(1, -1).replace(/#(\d+);/g, (_, code: string) => String.fromCodePoint(Number(code)));
}

describe("renderMermaid", () => {
  it("draws stages, images, the three edge kinds, the target, unbuilt stages and invalid edges", () => {
    const text = "FROM golang AS build\nRUN --mount=from=tools,target=/t go build\nFROM alpine AS tools\nFROM scratch AS final\nCOPY --from=build /out /app\n";
    expect(renderMermaid(buildStageGraph(parseDockerfile(text), { target: "final" }))).toBe(
      [
        "flowchart TB",
        '  s0["build #40;builder#41;"]',
        '  s1["tools #40;tools#41;"]',
        '  s2[["final #40;export, target#41;"]]',
        '  i0(["golang"])',
        '  i1(["alpine"])',
        "  i0 --> s0",
        '  s1 ==>|"mount #8594; /t #40;invalid#41;"| s0',
        "  i1 --> s1",
        '  s0 -.->|"copy /out #8594; /app"| s2',
        "  classDef stage fill:#eef4ff,stroke:#3b6fd8,color:#10213f",
        "  classDef target fill:#dff5e3,stroke:#1d8a3a,stroke-width:3px,color:#0d2e16",
        "  classDef image fill:#f6f6f6,stroke:#888,color:#333",
        "  classDef unbuilt fill:#fafafa,stroke:#bbb,color:#999,stroke-dasharray:4 3",
        "  class s0,s1 stage",
        "  class s2 target",
        "  class i0,i1 image",
        "  linkStyle 1 stroke:#d11,color:#d11",
        "",
      ].join("\n"),
    );
  });

  it("keeps every hostile name and path inside its quotes", () => {
    const output = renderMermaid(buildHostileGraph());
    for (const line of output.trimEnd().split("\n")) {
      expect(linePatterns.some((p) => p.test(line)), line).toBe(true);
    }
    const labels = (output.match(new RegExp(quoted, "g")) ?? []).map(decode);
    const graph = buildHostileGraph();
    expect(labels).toContain(hostileImage);
    for (const edge of graph.edges) if (edgeText(edge) !== "") expect(labels).toContain(edgeText(edge));
    expect(labels.some((l) => l.includes("<script>alert(x)</script> --> ]] |pipe|"))).toBe(true);
  });

  it("quotes with entity codes for every character outside a small plain set", () => {
    expect(quoteMermaid('a"b')).toBe('"a#34;b"');
    expect(quoteMermaid("😀\n")).toBe('"#128512;#10;"');
    expect(decode(quoteMermaid("x --> y [z] (w) {v} <u> & ; # |"))).toBe("x --> y [z] (w) {v} <u> & ; # |");
    // A colon is written as a code too, so Mermaid's `key:value` style handling never sees one.
    expect(quoteMermaid("node:20-alpine")).toBe('"node#58;20-alpine"');
    expect(quoteMermaid("a:b;color:red")).not.toMatch(/:/);
  });
});
