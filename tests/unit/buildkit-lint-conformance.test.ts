/**
 * BuildKit's build checks against BuildKit's own lint tests (`corpus/buildkit-lint/`): for each
 * of the 87 cases, the findings of BuildKit's rules must be the case's `lintWarnings` (what
 * `docker build --check` returns), as a multiset of rule, line and message, byte for byte;
 * `lintError` must be our error where it is a lint violation, and a build error where the build fails.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { buildStageGraph, lintDockerfile, parseDockerfile } from "../../src/index.ts";
import { requireCorpus } from "../corpus.ts";

const corpus = requireCorpus("BuildKit lint conformance");
const dir = corpus === null ? "" : join(corpus, "buildkit-lint");

interface Warning {
  rule: string;
  line: number;
  message: string;
}

interface Expectation {
  id: string;
  dockerfile: string;
  dockerignore: string | null;
  buildArgs: Record<string, string>;
  frontendAttrs: Record<string, string> | null;
  lintWarnings: Warning[];
  lintWarningsStatedSeparately: boolean;
  lintError: string | null;
  buildError: string | null;
}

interface IndexRow {
  id: string;
  expect: string;
}

const rows: IndexRow[] = corpus === null ? [] : (JSON.parse(readFileSync(join(dir, "index.json"), "utf8")) as IndexRow[]);

/** Case 072 states lines 3 and 4 for instructions on lines 5 and 6 (see the corpus README); its lines are not compared. */
const linesNotStated = new Set(["072-testLegacyKeyValueFormat-3"]);

function key(w: Warning, withLine: boolean): string {
  return `${w.rule}\u0000${withLine ? w.line : ""}\u0000${w.message}`;
}

describe.skipIf(corpus === null)("buildkit-lint corpus", () => {
  it("has 87 cases", () => {
    expect(rows.length).toBe(87);
  });

  for (const row of rows) {
    it(row.id, () => {
      const e = JSON.parse(readFileSync(join(dir, row.expect), "utf8")) as Expectation;
      const text = readFileSync(join(dir, "cases", e.dockerfile), "utf8");
      const dockerignore = e.dockerignore === null ? undefined : readFileSync(join(dir, "cases", e.dockerignore), "utf8");
      const buildArgs: Record<string, string> = {};
      for (const [k, v] of Object.entries(e.frontendAttrs ?? {})) if (k.startsWith("build-arg:")) buildArgs[k.slice("build-arg:".length)] = v;
      const tree = parseDockerfile(text);
      const result = lintDockerfile(tree, { buildArgs, ...(dockerignore === undefined ? {} : { dockerignore }) });
      const withLine = !linesNotStated.has(e.id);
      const ours = result.findings.filter((f) => f.origin === "buildkit").map((f) => key({ rule: f.rule, line: f.line, message: f.message }, withLine));
      const theirs = e.lintWarnings.map((w) => key(w, withLine));
      expect(ours.sort()).toEqual(theirs.sort());

      if (e.lintError !== null && e.lintError.startsWith("lint violation found")) {
        expect(result.error).toBe(e.lintError);
      } else if (e.lintError !== null) {
        // A parse or build error: BuildKit fails, and so do we (as a diagnostic, not a finding).
        expect(result.error).toBeNull();
        const errors = buildStageGraph(tree, { buildArgs }).diagnostics.filter((d) => d.severity === "error");
        expect(errors.length, `${e.id}: expected a build error like ${e.lintError}`).toBeGreaterThan(0);
      } else {
        expect(result.error).toBeNull();
      }
    });
  }
});
