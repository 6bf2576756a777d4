// @vitest-environment jsdom
/**
 * The diagrams as the real tools read them: every corpus file's Mermaid through Mermaid's own
 * parser (its flowchart database holds exactly our nodes, edges and labels, so no name broke out
 * of a label), and its DOT through Graphviz's `dot`. Mermaid needs a DOM for its sanitiser, hence
 * jsdom for this file only.
 */
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { buildHostileGraph } from "../../src/export/hostile.test-helpers.ts";
import { edgeText, stageText } from "../../src/export/labels.ts";
import { buildStageGraph, parseDockerfile, renderDot, renderMermaid, type StageGraph } from "../../src/index.ts";
import { requireCorpus } from "../corpus.ts";

const corpus = requireCorpus("Mermaid and DOT export corpus tests");
const files = corpus === null ? [] : readdirSync(join(corpus, "real")).filter((f) => f.endsWith(".Dockerfile")).sort();

/** Graphviz, where `.ci/run` installs it; without it the DOT tests say so and skip, except under CI. */
function findDot(): string | null {
  const found = ["/usr/bin/dot", "/usr/local/bin/dot", "/opt/homebrew/bin/dot"].find((p) => existsSync(p)) ?? null;
  if (found === null) {
    if (process.env["CI"] === "true") throw new Error("Graphviz `dot` not found; CI=true requires it (.ci/run installs it)");
    console.warn("SKIPPED DOT export tests: Graphviz `dot` not found (apt-get install graphviz)");
  }
  return found;
}
const dot = findDot();

type Mermaid = (typeof import("mermaid"))["default"];
let mermaid: Mermaid;
beforeAll(async () => {
  mermaid = (await import("mermaid")).default;
});

/** Mermaid keeps `#34;` codes as private markers until it draws; read them back as characters. */
function decodeMermaid(text: string): string {
  return text.replace(/ﬂ°°(\d+)¶ß/g, (_, code: string) => String.fromCodePoint(Number(code)));
}

interface FlowDb {
  getVertices(): Map<string, { text: string }>;
  getEdges(): { start: string; end: string; text: string }[];
}

async function readBack(text: string): Promise<FlowDb> {
  await mermaid.parse(text);
  return (await mermaid.mermaidAPI.getDiagramFromText(text)).db as unknown as FlowDb;
}

async function expectMermaidToHold(graph: StageGraph): Promise<void> {
  const db = await readBack(renderMermaid(graph));
  const vertices = db.getVertices();
  expect([...vertices.keys()].sort()).toEqual([...graph.stages.map((s) => `s${s.index}`), ...graph.images.map((_, i) => `i${i}`)].sort());
  for (const stage of graph.stages) expect(decodeMermaid(vertices.get(`s${stage.index}`)?.text ?? "")).toBe(stageText(stage, graph));
  graph.images.forEach((image, i) => expect(decodeMermaid(vertices.get(`i${i}`)?.text ?? "")).toBe(image.ref));
  expect(db.getEdges().map((e) => decodeMermaid(e.text))).toEqual(graph.edges.map(edgeText));
}

function runDot(source: string): { status: number | null; stderr: string; stdout: string } {
  const result = spawnSync(dot ?? "dot", ["-Tsvg"], { input: source, encoding: "utf8", timeout: 60_000 });
  return { status: result.status, stderr: result.stderr, stdout: result.stdout };
}

describe("Mermaid through Mermaid's parser", () => {
  it("holds names with quotes, brackets, %%, backslashes and newlines inside their labels", async () => {
    await expectMermaidToHold(buildHostileGraph());
  });

  describe.skipIf(files.length === 0)("every real corpus file", () => {
    it.each(files)("%s", async (file) => {
      await expectMermaidToHold(buildStageGraph(parseDockerfile(readFileSync(join(corpus ?? "", "real", file), "utf8"))));
    });
  });
});

describe.skipIf(dot === null)("DOT through Graphviz", () => {
  it("renders the hostile graph with every label as text", () => {
    const graph = buildHostileGraph();
    const result = runDot(renderDot(graph));
    expect(result.status, result.stderr).toBe(0);
    expect(result.stderr).toBe("");
    // Graphviz writes text escaped for SVG; the markup in a name stays text.
    expect(result.stdout).not.toContain("<script>");
    expect(result.stdout).toContain("&lt;script&gt;");
  });

  describe.skipIf(files.length === 0)("every real corpus file", () => {
    it.each(files)("%s", (file) => {
      const graph = buildStageGraph(parseDockerfile(readFileSync(join(corpus ?? "", "real", file), "utf8")));
      const result = runDot(renderDot(graph));
      expect(result.status, result.stderr).toBe(0);
      expect(result.stderr).toBe("");
      expect(result.stdout.match(/class="node"/g)?.length ?? 0).toBe(graph.stages.length + graph.images.length);
    });
  });
});
