/**
 * Lint on the 60 real Dockerfiles of the corpus: no throw, every finding on a real line of its
 * file with a rule from the registry, every quick fix and suppression applicable, and the whole
 * list kept as a reviewed text snapshot (`lint-corpus.txt`): a rule change that moves a finding
 * on real files shows up in review.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { applyTextEdits, findLintRule, lintDockerfile, parseDockerfile } from "../../src/index.ts";
import { requireCorpus } from "../corpus.ts";

const corpus = requireCorpus("lint corpus tests");

describe.skipIf(corpus === null)("lint on the real corpus", () => {
  const dir = join(corpus ?? "", "real");
  const files = corpus === null ? [] : readdirSync(dir).filter((f) => f.endsWith(".Dockerfile")).sort();

  it("has the 60 files", () => expect(files.length).toBe(60));

  it("finds what the reviewed list says, each finding well formed", async () => {
    const lines: string[] = [];
    for (const file of files) {
      const text = readFileSync(join(dir, file), "utf8");
      const tree = parseDockerfile(text);
      const { findings, error } = lintDockerfile(tree);
      lines.push(`${file.replace(/\.Dockerfile$/, "")}${error === null ? "" : `  [${error}]`}`);
      for (const f of findings) {
        expect(findLintRule(f.rule), f.rule).toBeDefined();
        expect(f.line).toBeGreaterThanOrEqual(1);
        expect(f.line).toBeLessThanOrEqual(tree.lineStarts.length);
        expect(f.range.end).toBeGreaterThanOrEqual(f.range.start);
        for (const fix of [f.fix, f.suppress]) if (fix !== undefined) expect(() => applyTextEdits(text, fix.edits), `${file} ${f.rule}: ${fix.title}`).not.toThrow();
        const marks = `${f.built ? "" : " (not built)"}${f.fix === undefined ? "" : " [fix]"}`;
        lines.push(`  ${String(f.line).padStart(4)} ${f.severity.padEnd(7)} ${f.rule}: ${f.message.replace(/\s+/g, " ")}${marks}`);
      }
    }
    await expect(`${lines.join("\n")}\n`).toMatchFileSnapshot("lint-corpus.txt");
  });
});
