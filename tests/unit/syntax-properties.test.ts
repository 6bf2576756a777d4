/**
 * Properties of the syntax core for ANY input: parsing never throws, printing gives the input
 * back, the tree's tokens and ranges are consistent (see syntax-invariants.ts), and the output
 * grows linearly with the input. Inputs: arbitrary Unicode (and lone surrogates), strings built
 * from Dockerfile-ish pieces, and random mutations of real Dockerfiles (the corpus when present,
 * always the project's own fixtures).
 *
 * Linear time is not asserted with a clock (that belongs to the benchmark); instead the amount
 * of output the parser produces is bounded by the input size, here and on pathological inputs.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { dumpBuildkit, parseDockerfile } from "../../src/index.ts";
import type { DockerfileTree } from "../../src/index.ts";
import { corpusDir } from "../corpus.ts";
import { collectTreeProblems, computeLineStarts, measureOutput, show } from "./syntax-invariants.ts";

/** Checks everything that must hold for any input; throws a descriptive error otherwise. */
function checkAnyInput(source: string): DockerfileTree {
  let tree: DockerfileTree;
  try {
    tree = parseDockerfile(source);
  } catch (error) {
    throw new Error(`parseDockerfile threw ${String(error)} on ${show(source, 400)}`, { cause: error });
  }
  const problems = collectTreeProblems(tree, source);
  if (problems.length > 0) {
    throw new Error(`for input ${show(source, 400)}:\n  ${problems.join("\n  ")}`);
  }
  const lines = computeLineStarts(source).length;
  const { tokens, nodes, text } = measureOutput(tree);
  const n = source.length;
  if (tokens > n + lines) throw new Error(`${tokens} tokens for ${n} characters and ${lines} lines in ${show(source, 400)}`);
  if (nodes > 4 * (n + lines) + 16) throw new Error(`${nodes} nodes for ${n} characters in ${show(source, 400)}`);
  if (text > 8 * n + 64) throw new Error(`${text} characters of derived text for ${n} characters in ${show(source, 400)}`);
  return tree;
}

// Sized so that this file runs in a few seconds on two cores.
const RUNS = { unicode: 1000, pieces: 3000, lines: 2000, mutations: 1500 };

const KEYWORDS = [
  "FROM", "RUN", "COPY", "ADD", "ONBUILD", "ENV", "ARG", "LABEL", "CMD", "ENTRYPOINT", "SHELL",
  "HEALTHCHECK", "USER", "WORKDIR", "EXPOSE", "VOLUME", "STOPSIGNAL", "MAINTAINER", "run", "From", "foo",
];

const PIECES = [
  ...KEYWORDS,
  " ", "  ", "\t", "\n", "\n", "\r\n", "\r", "\\", "\\", "`", "#", "# escape=`", "# escape=\\",
  "# syntax=docker/dockerfile:1", "# check=skip=all", "<<EOF", "<<-EOF", "<<'EOF'", "<<\"EOF\"", "3<<EOF",
  "<<", "EOF", "\tEOF", "[", "]", "\"", "'", ",", "--", "--from=a", "--mount=type=cache,target=/x", "=",
  "a", "b=c", "AS", "$x", "${y:-z}", "CMD", "NONE", "1", "null", "{", "}", "\uFEFF", "é", "\u2028", "\u00A0", "\v", "\f", "😀",
];

/** Strings glued from Dockerfile-ish pieces: dense in the characters the parser cares about. */
const dockerfileish = fc.array(fc.constantFrom(...PIECES), { maxLength: 80 }).map((pieces) => pieces.join(""));

/** Line-structured input: keyword-led lines, continuations, heredoc bodies and comments. */
const dockerfileLines = fc
  .array(
    fc.oneof(
      fc.tuple(fc.constantFrom(...KEYWORDS), fc.array(fc.constantFrom(...PIECES.filter((p) => !p.includes("\n"))), { maxLength: 8 }))
        .map(([keyword, rest]) => `${keyword} ${rest.join(" ")}`),
      fc.constantFrom("EOF", "\tEOF", "", "  ", "# comment", "\\", "  && more \\", "RUN <<EOF", "COPY <<A <<B /d", "A", "B"),
    ),
    { maxLength: 30 },
  )
  .chain((lines) => fc.constantFrom("\n", "\r\n").map((newline) => lines.join(newline)));

/** Any sequence of UTF-16 code units, lone surrogates included (an editor buffer can hold them). */
const utf16 = fc
  .array(fc.integer({ min: 0, max: 0xffff }), { maxLength: 120 })
  .map((units) => String.fromCharCode(...units));

function listSeedFiles(): { name: string; text: string }[] {
  const fixtureDir = join(dirname(fileURLToPath(import.meta.url)), "..", "fixtures", "syntax");
  const files = readdirSync(fixtureDir)
    .filter((f) => f.endsWith(".Dockerfile"))
    .map((f) => ({ name: `fixtures/${f}`, text: readFileSync(join(fixtureDir, f), "utf8") }));
  const corpus = corpusDir();
  if (corpus !== null) {
    const real = join(corpus, "real");
    if (existsSync(real)) {
      for (const f of readdirSync(real).filter((name) => name.endsWith(".Dockerfile"))) {
        files.push({ name: `real/${f}`, text: readFileSync(join(real, f), "utf8") });
      }
    }
    const testfiles = join(corpus, "buildkit", "testfiles");
    if (existsSync(testfiles)) {
      for (const d of readdirSync(testfiles)) {
        files.push({ name: `testfiles/${d}`, text: readFileSync(join(testfiles, d, "Dockerfile"), "utf8") });
      }
    }
  }
  return files;
}

type Mutation =
  | { kind: "delete"; at: number; length: number }
  | { kind: "duplicate"; at: number; length: number; to: number }
  | { kind: "insert"; at: number; text: string }
  | { kind: "swap-lines"; a: number; b: number };

function applyMutation(text: string, m: Mutation): string {
  const pos = (fraction: number): number => Math.floor(fraction * (text.length + 1));
  switch (m.kind) {
    case "delete": {
      const at = pos(m.at);
      return text.slice(0, at) + text.slice(at + m.length);
    }
    case "duplicate": {
      const at = pos(m.at);
      const to = pos(m.to);
      return text.slice(0, to) + text.slice(at, at + m.length) + text.slice(to);
    }
    case "insert": {
      const at = pos(m.at);
      return text.slice(0, at) + m.text + text.slice(at);
    }
    case "swap-lines": {
      const lines = text.split("\n");
      const a = Math.floor(m.a * lines.length);
      const b = Math.floor(m.b * lines.length);
      const la = lines[a];
      const lb = lines[b];
      if (la === undefined || lb === undefined) return text;
      lines[a] = lb;
      lines[b] = la;
      return lines.join("\n");
    }
  }
}

const fraction = fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true });
const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant("delete" as const), at: fraction, length: fc.integer({ min: 1, max: 200 }) }),
  fc.record({ kind: fc.constant("duplicate" as const), at: fraction, length: fc.integer({ min: 1, max: 200 }), to: fraction }),
  fc.record({
    kind: fc.constant("insert" as const),
    at: fraction,
    text: fc.oneof(
      fc.integer({ min: 0, max: 255 }).map((code) => String.fromCharCode(code)),
      fc.string({ unit: "binary", minLength: 1, maxLength: 3 }),
      fc.constantFrom(...PIECES),
    ),
  }),
  fc.record({ kind: fc.constant("swap-lines" as const), a: fraction, b: fraction }),
);

describe("syntax properties: never throws, round-trips, consistent tree, linear output", () => {
  it("holds for arbitrary Unicode strings", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary", maxLength: 200 }), (s) => {
        checkAnyInput(s);
      }),
      { numRuns: RUNS.unicode },
    );
  });

  it("holds for arbitrary UTF-16 (lone surrogates included)", () => {
    fc.assert(fc.property(utf16, (s) => void checkAnyInput(s)), { numRuns: RUNS.unicode });
  });

  it("holds for strings of Dockerfile-ish pieces", () => {
    fc.assert(fc.property(dockerfileish, (s) => void checkAnyInput(s)), { numRuns: RUNS.pieces });
  });

  it("holds for line-structured Dockerfile-ish input", () => {
    fc.assert(fc.property(dockerfileLines, (s) => void checkAnyInput(s)), { numRuns: RUNS.lines });
  });

  it("holds for random mutations of real Dockerfiles", () => {
    const seeds = listSeedFiles();
    expect(seeds.length).toBeGreaterThan(0);
    fc.assert(
      fc.property(
        fc.constantFrom(...seeds),
        fc.array(mutation, { minLength: 1, maxLength: 3 }),
        (seed, mutations) => {
          const text = mutations.reduce(applyMutation, seed.text);
          try {
            checkAnyInput(text);
          } catch (error) {
            throw new Error(`${seed.name} after ${JSON.stringify(mutations)}: ${String(error)}`, { cause: error });
          }
        },
      ),
      { numRuns: RUNS.mutations },
    );
  });
});

/** Inputs that make naive parsers do quadratic work or recurse deeply. */
const PATHOLOGICAL: { name: string; text: string }[] = [
  { name: "20k continuation lines", text: `RUN a \\\n${"b \\\n".repeat(20_000)}c\n` },
  { name: "20k empty continuation lines", text: `RUN a \\\n${"\n".repeat(20_000)}c\n` },
  { name: "20k comment lines inside a continuation", text: `RUN a \\\n${"# c\n".repeat(20_000)}c\n` },
  { name: "5k heredoc markers on one line, unterminated", text: `FROM a\nRUN ${"<<EOF ".repeat(5_000)}\n` },
  { name: "5k heredoc markers, all terminated", text: `FROM a\nCOPY ${"<<E ".repeat(5_000)}/d\n${"E\n".repeat(5_000)}` },
  { name: "a 100k-line heredoc body", text: `FROM a\nRUN <<EOF\n${"x\n".repeat(100_000)}EOF\n` },
  { name: "50k nested JSON brackets", text: `FROM a\nCMD ${"[".repeat(50_000)}${"]".repeat(50_000)}\n` },
  { name: "50k unclosed JSON brackets", text: `FROM a\nCMD ${"[".repeat(50_000)}\n` },
  { name: "a 200k-character line of quotes", text: `FROM a\nENV ${"\"'".repeat(100_000)}\n` },
  { name: "20k flags", text: `FROM a\nRUN ${"--mount=type=cache,target=/x ".repeat(20_000)}true\n` },
  { name: "100k escape characters", text: `FROM a\nENV A=${"\\".repeat(100_000)}\n` },
  { name: "50k directive look-alikes", text: "# syntax=x\n".repeat(50_000) },
  { name: "100k blank lines", text: `${"\n".repeat(100_000)}FROM a\n` },
  { name: "50k CRs", text: `FROM a\nRUN x${"\r".repeat(50_000)}\n` },
  { name: "20k ONBUILD ONBUILD", text: `FROM a\n${"ONBUILD ".repeat(20_000)}RUN x\n` },
];

describe("syntax properties: pathological inputs parse with output linear in their size", () => {
  it.each(PATHOLOGICAL)("$name", ({ text }) => {
    checkAnyInput(text);
  });
});

/**
 * Deep nesting that BuildKit handles (its lines stay under 65535 bytes), so the exact outcome is
 * known: Go's encoding/json accepts up to 10000 nested arrays and calls deeper input invalid
 * (so CMD falls back to shell form); ONBUILD triggers nest without limit.
 */
describe("syntax properties: deep nesting is parsed like BuildKit, without recursion limits", () => {
  const nested = (depth: number): string => `${"[".repeat(depth)}${"]".repeat(depth)}`;
  it("JSON nested 10000 deep is valid JSON with a non-string element: an error", () => {
    const tree = checkAnyInput(`FROM a\nCMD ${nested(10_000)}\n`);
    expect(tree.fatal?.message).toBe("when using JSON array syntax, arrays must be comprised of strings only");
  });
  it("JSON nested 10001 deep exceeds Go's maximum depth: shell form", () => {
    const tree = checkAnyInput(`FROM a\nCMD ${nested(10_001)}\n`);
    expect(tree.fatal?.message, "no fatal error").toBeUndefined();
    expect(dumpBuildkit(tree)).toBe(`(from "a")\n(cmd "${nested(10_001)}")\n`);
  });
  it("ONBUILD nested 5000 deep", () => {
    const tree = checkAnyInput(`FROM a\n${"ONBUILD ".repeat(5_000)}RUN x\n`);
    expect(tree.fatal?.message, "no fatal error").toBeUndefined();
    expect(dumpBuildkit(tree)).toBe(`(from "a")\n${"(onbuild ".repeat(5_000)}(run "x")${")".repeat(5_000)}\n`);
  });
});
