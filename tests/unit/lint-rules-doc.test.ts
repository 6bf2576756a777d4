/** docs/lint-rules.md is generated from the rule values: the committed file must be what they give now. */
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { describeRule, lintRules, renderLintRulesDoc } from "../../src/index.ts";

const path = join(dirname(fileURLToPath(import.meta.url)), "..", "..", "docs", "lint-rules.md");

describe("docs/lint-rules.md", () => {
  it("is exactly what the rules generate (run `npm run docs:lint` after changing a rule)", () => {
    expect(readFileSync(path, "utf8")).toBe(renderLintRulesDoc());
  });

  it("has an entry with what, why, fix and an example for every rule, under a unique anchor", () => {
    const docs = lintRules.map(describeRule);
    for (const doc of docs) {
      expect(doc.what.length, doc.id).toBeGreaterThan(10);
      expect(doc.why.length, doc.id).toBeGreaterThan(10);
      expect(doc.fix.length, doc.id).toBeGreaterThan(5);
      expect(doc.example, doc.id).not.toBeNull();
    }
    expect(new Set(docs.map((d) => d.anchor)).size).toBe(docs.length);
    const text = renderLintRulesDoc();
    for (const doc of docs) expect(text).toContain(`<a id="${doc.anchor}"></a>\n\n### ${doc.id}\n`);
  });

  it("is where Stagecraft's own rules send their docs link", () => {
    for (const rule of lintRules.filter((r) => r.origin === "stagecraft")) {
      expect(rule.docs).toBe(`docs/lint-rules.md#${describeRule(rule).anchor}`);
    }
  });
});
