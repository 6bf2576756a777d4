/**
 * The checks that moved out of the model and the graph into lint rules still give what the graph
 * fixtures expected of them: `tests/fixtures/lint/graph-fixture-checks.txt` holds those
 * expectations, taken from the fixtures when the checks moved. One changed: in
 * `stage-name-checks` the invalid stage name `1bad` stops BuildKit while it parses instructions,
 * so the whole-file ReservedStageName check never runs there (as in the corpus case 048).
 */
import { existsSync, readFileSync, readdirSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { expect, it } from "vitest";
import { parseDockerfile } from "../syntax/parse.ts";
import type { StageGraphOptions } from "../graph/types.ts";
import { lintDockerfile } from "./lint.ts";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "../../tests/fixtures");
const moved = new Set(["StageNameCasing", "FromAsCasing", "ReservedStageName", "DuplicateStageName", "UndefinedArgInFrom", "InvalidDefaultArgInFrom"]);

it("gives the moved checks' findings on the graph fixtures", () => {
  const dir = join(root, "graph");
  const lines: string[] = [];
  for (const file of readdirSync(dir).filter((f) => f.endsWith(".Dockerfile"))) {
    const name = file.slice(0, -".Dockerfile".length);
    const optionsPath = join(dir, `${name}.options.json`);
    const options = existsSync(optionsPath) ? (JSON.parse(readFileSync(optionsPath, "utf8")) as StageGraphOptions) : {};
    const { findings } = lintDockerfile(parseDockerfile(readFileSync(join(dir, file), "utf8")), options);
    for (const f of findings) if (moved.has(f.rule)) lines.push(`${name}:${f.line}: ${f.rule}: ${f.message}`);
  }
  expect(lines.sort().join("\n")).toBe(readFileSync(join(root, "lint", "graph-fixture-checks.txt"), "utf8").trimEnd());
});
