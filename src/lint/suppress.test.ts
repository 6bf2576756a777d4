/**
 * The suppression offered with every finding: applied to each rule's must-fixtures, it silences
 * exactly that finding (BuildKit's `# check=skip=` or hadolint's `# hadolint ignore=`), the file
 * still parses, and nothing new appears. Then the placements that are easy to get wrong.
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

const key = (f: Finding) => `${f.rule}@${f.line}: ${f.message}`;

/** Applies the suppression of the first finding of `rule` and returns the new text. */
function suppress(text: string, rule: string): string {
  const finding = lint(text).find((f) => f.rule === rule);
  expect(finding?.suppress, `${rule} offers a suppression`).toBeDefined();
  return applyTextEdits(text, finding!.suppress!.edits);
}

describe("suppressing a finding", () => {
  for (const fixture of ruleFixtures) {
    fixture.must.forEach((text, n) => {
      it(`${fixture.rule}, must #${n + 1}: silenced, nothing else changes`, () => {
        const before = lint(text, fixture.options);
        const finding = before.find((f) => f.rule === fixture.rule)!;
        const rule = lintRules.find((r) => r.id === fixture.rule)!;
        if (rule.origin !== "hadolint") expect(finding.suppress?.title).toMatch(/check=skip=/);
        else expect(finding.suppress?.title).toMatch(/hadolint ignore=/);
        const fixed = applyTextEdits(text, finding.suppress!.edits);
        expect(parseDockerfile(fixed).fatal).toBeNull();
        const after = lint(fixed, fixture.options);
        const same = (f: Finding) => f.rule === fixture.rule && f.message === finding.message;
        // A file-wide skip silences every finding of the rule; one on the instruction, that one.
        const expected = finding.suppress!.title.includes("in this file") ? 0 : before.filter(same).length - 1;
        expect(after.filter(same).length).toBe(expected);
        // A message may name a line, and an added comment line moves the lines below it.
        const loose = (f: Finding) => `${f.rule}: ${f.message.replace(/line \d+/g, "line N")}`;
        const old = new Set(before.map(loose));
        expect(after.filter((f) => f.rule !== fixture.rule && !old.has(loose(f))).map(key)).toEqual([]);
      });
    });
  }

  it("adds a comment line right above the instruction, not above its comment block", () => {
    const text = "FROM alpine:3.20 AS build\n# start the app\nCMD node server.js\n";
    expect(suppress(text, "JSONArgsRecommended")).toBe("FROM alpine:3.20 AS build\n# start the app\n# check=skip=JSONArgsRecommended\nCMD node server.js\n");
  });

  it("extends a check= comment already there: BuildKit reads only the first one", () => {
    const text = "FROM alpine:3.20\n# check=skip=StageNameCasing\nCMD node server.js\n";
    expect(suppress(text, "JSONArgsRecommended")).toBe("FROM alpine:3.20\n# check=skip=StageNameCasing,JSONArgsRecommended\nCMD node server.js\n");
    const other = "FROM alpine:3.20\n# check=error=true\nCMD node server.js\n";
    expect(suppress(other, "JSONArgsRecommended")).toBe("FROM alpine:3.20\n# check=skip=JSONArgsRecommended;error=true\nCMD node server.js\n");
  });

  it("extends a hadolint ignore comment already there", () => {
    const text = "FROM debian:12\n# hadolint ignore=DL3015\nRUN apt-get install -y curl\n";
    const fixed = suppress(text, "DL3008");
    expect(fixed).toBe("FROM debian:12\n# hadolint ignore=DL3015,DL3008\nRUN apt-get install -y curl\n");
    expect(lint(fixed).filter((f) => f.rule === "DL3008" || f.rule === "DL3015")).toEqual([]);
  });

  it("on the first line, where a comment would be a parser directive, skips the rule for the file in the check directive", () => {
    expect(suppress("FROM alpine as build\n", "FromAsCasing")).toBe("# check=skip=FromAsCasing\nFROM alpine as build\n");
    expect(suppress("# syntax=docker/dockerfile:1\nFROM alpine as build\n", "FromAsCasing")).toBe("# syntax=docker/dockerfile:1\n# check=skip=FromAsCasing\nFROM alpine as build\n");
    expect(suppress("# check=error=true\nFROM alpine as build\n", "FromAsCasing")).toBe("# check=skip=FromAsCasing;error=true\nFROM alpine as build\n");
    const fixed = suppress("\uFEFFFROM alpine as build\n", "FromAsCasing");
    expect(fixed).toBe("\uFEFF# check=skip=FromAsCasing\nFROM alpine as build\n");
    expect(parseDockerfile(fixed).directives.map((d) => d.key)).toEqual(["check"]);
  });

  it("puts a whole-file check in the check directive, even below the first line", () => {
    const text = "FROM alpine\nRUN echo a \\\n\n  b\n";
    expect(suppress(text, "NoEmptyContinuation")).toBe(`# check=skip=NoEmptyContinuation\n${text}`);
  });
});
