/**
 * The canvas draws the graph BuildKit would build: one test per scenario in scenarios.ts.
 */
import { edgeElement, expect, readGraph, test } from "./app.ts";
import { GRAPH_SCENARIOS } from "./scenarios.ts";

function parseEdge(edge: string): { kind: string; source: string; target: string } {
  const match = /^(\S+) (.+)->(.+)$/.exec(edge);
  if (match === null) throw new Error(`not an edge: ${edge}`);
  return { kind: match[1]!, source: match[2]!, target: match[3]! };
}

for (const scenario of GRAPH_SCENARIOS) {
  test.describe(scenario.name, () => {
    if (scenario.seed !== undefined) test.use({ seed: scenario.seed });

    test("draws its stages, images and edges", async ({ app }) => {
      const expected = {
        stages: scenario.stages.map(([key, reachable]) => ({ key, reachable })).sort((a, b) => (a.key < b.key ? -1 : 1)),
        images: [...scenario.images].sort(),
        edges: [...scenario.edges].sort(),
      };
      await expect.poll(() => readGraph(app)).toEqual(expected);
      await expect(app.getByTestId("graph-canvas")).toHaveAttribute(
        "data-node-count",
        String(scenario.stages.length + scenario.images.length),
      );

      for (const edge of scenario.edges) {
        const invalid = scenario.invalid?.includes(edge) ?? false;
        const element = edgeElement(app, parseEdge(edge)).first();
        await expect(element, `${edge} is ${invalid ? "invalid" : "valid"}`).toHaveAttribute("data-valid", String(!invalid));
      }
    });
  });
}
