/**
 * The hand-written graph fixtures: `tests/fixtures/graph/<case>.Dockerfile`, its expected
 * `<case>.graph.json` (written from BuildKit's rules, in the documented key order) and, when the
 * case needs a target or build arguments, `<case>.options.json`.
 */
import { existsSync, readFileSync, readdirSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { parseDockerfile } from "../syntax/parse.ts";
import { buildStageGraph } from "./build-stage-graph.ts";
import { stageGraphToJson } from "./to-json.ts";
import type { StageGraphOptions } from "./types.ts";

const dir = resolve(dirname(fileURLToPath(import.meta.url)), "../../tests/fixtures/graph");
const cases = readdirSync(dir)
  .filter((f) => f.endsWith(".Dockerfile"))
  .map((f) => f.slice(0, -".Dockerfile".length))
  .sort();

function readOptions(name: string): StageGraphOptions {
  const path = join(dir, `${name}.options.json`);
  return existsSync(path) ? (JSON.parse(readFileSync(path, "utf8")) as StageGraphOptions) : {};
}

describe("graph fixtures", () => {
  it("has fixtures", () => {
    expect(cases.length).toBeGreaterThan(25);
  });

  for (const name of cases) {
    it(name, () => {
      const text = readFileSync(join(dir, `${name}.Dockerfile`), "utf8");
      const expected = JSON.parse(readFileSync(join(dir, `${name}.graph.json`), "utf8")) as unknown;
      const graph = buildStageGraph(parseDockerfile(text), readOptions(name));
      // Compared as text so that key order counts too.
      expect(JSON.stringify(stageGraphToJson(graph), null, 2)).toBe(JSON.stringify(expected, null, 2));
    });
  }
});
