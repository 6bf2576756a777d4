/**
 * Every rule against the files that must and must not trigger it (`rule-fixtures.ts`), and every
 * quick fix those files produce: applied, the file still parses, the finding is gone, and no
 * finding of another rule appears.
 */
import { describe, expect, it } from "vitest";
import { parseDockerfile } from "../syntax/parse.ts";
import { applyTextEdits } from "../syntax/positions.ts";
import { lintDockerfile } from "./lint.ts";
import { lintRules } from "./registry.ts";
import { ruleFixtures } from "./rule-fixtures.ts";
import type { Finding, LintOptions } from "./types.ts";

function lint(text: string, options: LintOptions = {}): readonly Finding[] {
  return lintDockerfile(parseDockerfile(text), options).findings;
}

const key = (f: Finding) => `${f.rule}: ${f.message}`;

describe("rule fixtures", () => {
  it("covers every rule", () => {
    const covered = new Set(ruleFixtures.map((f) => f.rule));
    expect(lintRules.map((r) => r.id).filter((id) => !covered.has(id) && id !== "InvalidDefinitionDescription")).toEqual([]);
  });

  for (const fixture of ruleFixtures) {
    describe(fixture.rule, () => {
      fixture.must.forEach((text, n) => {
        it(`fires on must #${n + 1}`, () => {
          expect(lint(text, fixture.options).map((f) => f.rule)).toContain(fixture.rule);
        });
      });
      fixture.mustNot.forEach((text, n) => {
        it(`stays quiet on must-not #${n + 1}`, () => {
          expect(lint(text, fixture.options).filter((f) => f.rule === fixture.rule).map(key)).toEqual([]);
        });
      });
      fixture.must.forEach((text, n) => {
        const withFix = lint(text, fixture.options).filter((f) => f.rule === fixture.rule && f.fix !== undefined);
        withFix.forEach((finding, k) => {
          it(`quick fix ${k + 1} of must #${n + 1}: ${finding.fix?.title ?? ""}`, () => {
            const before = lint(text, fixture.options);
            const fixed = applyTextEdits(text, finding.fix?.edits ?? []);
            const tree = parseDockerfile(fixed);
            expect(tree.fatal).toBeNull();
            const after = lint(fixed, fixture.options);
            const sameRuleBefore = before.filter((f) => f.rule === fixture.rule).length;
            expect(after.filter((f) => f.rule === fixture.rule).length).toBeLessThan(sameRuleBefore);
            const old = new Set(before.map(key));
            expect(after.filter((f) => f.rule !== fixture.rule && !old.has(key(f))).map(key)).toEqual([]);
          });
        });
      });
    });
  }
});
