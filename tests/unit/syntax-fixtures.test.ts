/**
 * The project's own syntax fixtures (no corpus needed): `tests/fixtures/syntax/<case>.Dockerfile`
 * with, written by hand from BuildKit's rules,
 *   - `<case>.result`: the expected `dumpBuildkit` output, or
 *   - `<case>.error`: the expected fatal message (BuildKit's parser error), and optionally
 *   - `<case>.expect.json`: further expectations (see `Expectations`).
 * Every fixture also goes through the round trip and the structural invariants, and its dump
 * must not change with CRLF line endings, a BOM or the final newline.
 */
import { readdirSync, readFileSync, existsSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { dumpBuildkit, parseDockerfile, printDockerfile } from "../../src/index.ts";
import type { DockerfileTree, InstructionNode } from "../../src/index.ts";
import { collectTreeProblems, describeTextDifference, show } from "./syntax-invariants.ts";

const fixtureDir = join(dirname(fileURLToPath(import.meta.url)), "..", "fixtures", "syntax");

interface HeredocExpectation {
  name: string;
  expand: boolean;
  chomp: boolean;
  fileDescriptor: number;
  content: string;
}

/** Optional per-fixture expectations; per-instruction arrays are in instruction order. */
interface Expectations {
  escape?: "\\" | "`";
  /** `[key, value]` of every directive, in order. */
  directives?: [string, string][];
  /** `[startLine, endLine]` per instruction. */
  lines?: [number, number][];
  originals?: string[];
  comments?: string[][];
  keywords?: string[];
  json?: boolean[];
  /** `[name, value]` per flag, per instruction (value null for `--link`). */
  flags?: [string, string | null][][];
  /** Heredocs per instruction (an ONBUILD's may sit on the instruction or on its trigger). */
  heredocs?: HeredocExpectation[][];
  /** Start lines of the instructions that have an empty continuation line (NoEmptyContinuation). */
  emptyContinuationWarnings?: number[];
}

interface Fixture {
  name: string;
  source: string;
  result: string | null;
  error: string | null;
  expect: Expectations | null;
}

function readOptional(path: string): string | null {
  return existsSync(path) ? readFileSync(path, "utf8") : null;
}

const fixtureNames = readdirSync(fixtureDir)
  .filter((file) => file.endsWith(".Dockerfile"))
  .map((file) => file.slice(0, -".Dockerfile".length))
  .sort();

const fixtures: Fixture[] = fixtureNames.map((name) => {
  const base = join(fixtureDir, name);
  const error = readOptional(`${base}.error`);
  const expectText = readOptional(`${base}.expect.json`);
  return {
    name,
    source: readFileSync(`${base}.Dockerfile`, "utf8"),
    result: readOptional(`${base}.result`),
    // The .error file holds the message on its first line.
    error: error === null ? null : error.replace(/\n$/, ""),
    expect: expectText === null ? null : (JSON.parse(expectText) as Expectations),
  };
});

function parseOrFail(text: string, label: string): DockerfileTree {
  try {
    return parseDockerfile(text);
  } catch (error) {
    throw new Error(`parseDockerfile threw on ${label}: ${String(error)}`, { cause: error });
  }
}

function heredocsOf(node: InstructionNode): HeredocExpectation[] {
  return [...node.heredocs, ...(node.trigger?.heredocs ?? [])].map((h) => ({
    name: h.name,
    expand: h.expand,
    chomp: h.chomp,
    fileDescriptor: h.fileDescriptor,
    content: h.content,
  }));
}

function checkExpectations(tree: DockerfileTree, want: Expectations, name: string): void {
  const nodes = tree.instructions;
  const perInstruction = <T,>(field: string, expected: T[] | undefined, actual: (node: InstructionNode) => T): void => {
    if (expected === undefined) return;
    expect(nodes.length, `${name}: instruction count (for ${field})`).toBe(expected.length);
    expect(nodes.map(actual), `${name}: ${field} per instruction`).toEqual(expected);
  };
  if (want.escape !== undefined) expect(tree.escape, `${name}: escape`).toBe(want.escape);
  if (want.directives !== undefined) {
    expect(tree.directives.map((d) => [d.key, d.value]), `${name}: directives [key, value]`).toEqual(want.directives);
  }
  perInstruction("[startLine, endLine]", want.lines, (n) => [n.startLine, n.endLine]);
  perInstruction("original", want.originals, (n) => n.original);
  perInstruction("comments", want.comments, (n) => [...n.comments]);
  perInstruction("keyword", want.keywords, (n) => n.keyword);
  perInstruction("json", want.json, (n) => n.json);
  perInstruction("flags [name, value]", want.flags, (n) =>
    [...n.flags, ...(n.trigger?.flags ?? [])].map((f) => [f.name, f.value]),
  );
  perInstruction("heredocs", want.heredocs, heredocsOf);
  if (want.emptyContinuationWarnings !== undefined) {
    const warned = nodes
      .filter((n) =>
        tree.diagnostics.some(
          (d) => d.code === "NoEmptyContinuation" && d.severity === "warning" && n.startLine <= d.line && d.line <= n.endLine,
        ),
      )
      .map((n) => n.startLine);
    expect(warned, `${name}: start lines of instructions warned with NoEmptyContinuation`).toEqual(want.emptyContinuationWarnings);
  }
}

describe("syntax fixtures are well-formed", () => {
  it("has fixtures, each with exactly one of .result / .error", () => {
    expect(fixtures.length).toBeGreaterThanOrEqual(40);
    const malformed = fixtures.filter((f) => (f.result === null) === (f.error === null)).map((f) => f.name);
    expect(malformed, "fixtures needing exactly one of <case>.result or <case>.error").toEqual([]);
  });
  it("has no expectation file without its Dockerfile", () => {
    const orphans = readdirSync(fixtureDir)
      .filter((file) => !file.endsWith(".Dockerfile"))
      .filter((file) => !fixtureNames.includes(file.replace(/\.(result|error|expect\.json)$/, "")));
    expect(orphans, "files in tests/fixtures/syntax without a matching <case>.Dockerfile").toEqual([]);
  });
});

describe("syntax fixtures: BuildKit dump, errors and details", () => {
  it.each(fixtures)("$name", ({ name, source, result, error, expect: want }) => {
    const tree = parseOrFail(source, name);
    const dump = dumpBuildkit(tree);
    if (error !== null) {
      expect(tree.fatal, `${name}: BuildKit fails with ${show(error)}, we report no fatal error`).not.toBeNull();
      expect(tree.fatal?.severity, `${name}: fatal severity`).toBe("error");
      expect(tree.fatal?.message, `${name}: fatal message`).toBe(error);
      expect(dump, `${name}: dump of a failing parse`).toBe(`ERROR: ${error}\n`);
    } else {
      expect(tree.fatal?.message, `${name}: BuildKit parses this file, we report a fatal error`).toBeUndefined();
      expect(dump, `${name}: dump differs\n${describeTextDifference(result ?? "", dump)}`).toBe(result);
    }
    if (want !== null) checkExpectations(tree, want, name);
    expect(collectTreeProblems(tree, source), `${name}: structural problems`).toEqual([]);
  });
});

/**
 * BuildKit reads lines with a 64 KiB scanner buffer: a line of more than 65535 bytes (UTF-8,
 * newline excluded) fails the parse. Generated here rather than stored as 64 KiB fixtures.
 */
describe("syntax fixtures: BuildKit's maximum line length", () => {
  const message = "dockerfile line greater than max allowed size of 65535";
  it("accepts a line of exactly 65535 bytes", () => {
    const command = "x".repeat(65535 - "RUN ".length);
    const tree = parseOrFail(`FROM a\nRUN ${command}\n`, "65535-byte line");
    expect(tree.fatal?.message, "65535-byte line: no fatal error").toBeUndefined();
    expect(dumpBuildkit(tree)).toBe(`(from "a")\n(run "${command}")\n`);
  });
  it("rejects a line of 65536 bytes", () => {
    const tree = parseOrFail(`FROM a\nRUN ${"x".repeat(65536 - "RUN ".length)}\n`, "65536-byte line");
    expect(tree.fatal?.message, "65536-byte line").toBe(message);
  });
  it("counts UTF-8 bytes, not UTF-16 units", () => {
    // 4 + 2 × 32766 = 65536 bytes in 32770 UTF-16 units.
    const tree = parseOrFail(`FROM a\nRUN ${"é".repeat(32766)}\n`, "65536-byte line of é");
    expect(tree.fatal?.message, "65536-byte line of é").toBe(message);
  });
});

/** Variants BuildKit cannot tell apart from the original, so the dump must not change. */
const VARIANTS: { name: string; make: (s: string) => string }[] = [
  { name: "CRLF", make: (s) => s.replace(/\r?\n/g, "\r\n") },
  { name: "BOM", make: (s) => (s.startsWith("\uFEFF") ? s : `\uFEFF${s}`) },
  { name: "no final newline", make: (s) => s.replace(/\r?\n$/, "") },
  { name: "final newline added", make: (s) => `${s}\n` },
];

describe("syntax fixtures: round trip and a dump unchanged by line endings, BOM and final newline", () => {
  const cases = fixtures.flatMap((fixture) => VARIANTS.map((variant) => ({ fixture, variant })));
  it.each(cases)("$fixture.name ($variant.name)", ({ fixture, variant }) => {
    const text = variant.make(fixture.source);
    const where = `${fixture.name} (${variant.name})`;
    const tree = parseOrFail(text, where);
    const printed = printDockerfile(tree);
    expect(printed, `${where}: printDockerfile(parseDockerfile(s)) !== s\n${describeTextDifference(text, printed)}`).toBe(text);
    expect(collectTreeProblems(tree, text), `${where}: structural problems`).toEqual([]);
    const expected = fixture.error !== null ? `ERROR: ${fixture.error}\n` : (fixture.result ?? "");
    const dump = dumpBuildkit(tree);
    expect(dump, `${where}: dump changed\n${describeTextDifference(expected, dump)}`).toBe(expected);
  });
});
