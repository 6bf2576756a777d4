/**
 * Conformance of the syntax core with BuildKit's own parser, over the read-only corpus:
 * the upstream `testfiles` dumps, the negative cases, line numbers, the JSON form of the
 * upstream parser's output (ours to compare field by field), and 60 real Dockerfiles.
 * Every file also goes through the lossless round trip and the structural invariants,
 * as is and in variants (CRLF, BOM, final newline removed/added, tab-indented continuations).
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { basename, join } from "node:path";
import { describe, expect, it } from "vitest";
import { dumpBuildkit, parseDockerfile, printDockerfile } from "../../src/index.ts";
import type { DockerfileTree, HeredocNode, InstructionNode } from "../../src/index.ts";
import { requireCorpus } from "../corpus.ts";
import { collectTreeProblems, describeTextDifference, show } from "./syntax-invariants.ts";

const corpus = requireCorpus("syntax conformance");

/** One upstream parser node, as serialised in `derived-json/` and `real-buildkit-dump/*.json`. */
interface BuildkitNode {
  value: string;
  flags?: string[];
  attributes?: { json?: boolean };
  original: string;
  startLine: number;
  endLine: number;
  prevComment?: string[];
  heredocs?: { name: string; fileDescriptor: number; expand: boolean; chomp: boolean; content: string }[];
  next: (string | { children: BuildkitNode[] })[];
}

interface BuildkitResult {
  error?: string;
  escapeToken?: "\\" | "`";
  syntaxDirective?: string;
  checkDirective?: string;
  warnings?: { short: string; url: string; line: number }[];
  startLine?: number;
  endLine?: number;
  children?: BuildkitNode[];
}

interface CorpusFile {
  /** Short name for messages, e.g. `testfiles/env` or `real/moby__moby__Dockerfile.Dockerfile`. */
  label: string;
  path: string;
}

function readText(path: string): string {
  return readFileSync(path, "utf8");
}

function listDirs(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
}

const buildkitDir = corpus === null ? "" : join(corpus, "buildkit");
const testfiles = corpus === null ? [] : listDirs(join(buildkitDir, "testfiles"));
const negatives = corpus === null ? [] : listDirs(join(buildkitDir, "testfiles-negative"));
const realFiles =
  corpus === null
    ? []
    : readdirSync(join(corpus, "real"))
        .filter((name) => name.endsWith(".Dockerfile"))
        .sort();

/** Every Dockerfile in the corpus, for the round trip and the invariants. */
const allFiles: CorpusFile[] =
  corpus === null
    ? []
    : [
        ...testfiles.map((name) => ({ label: `testfiles/${name}`, path: join(buildkitDir, "testfiles", name, "Dockerfile") })),
        ...negatives.map((name) => ({ label: `testfiles-negative/${name}`, path: join(buildkitDir, "testfiles-negative", name, "Dockerfile") })),
        { label: "testfile-line", path: join(buildkitDir, "testfile-line", "Dockerfile") },
        ...realFiles.map((name) => ({ label: `real/${name}`, path: join(corpus, "real", name) })),
      ];

/** Parses, failing the test (not crashing the file) with the input's name if the parser throws. */
function parseOrFail(text: string, label: string): DockerfileTree {
  try {
    return parseDockerfile(text);
  } catch (error) {
    throw new Error(`parseDockerfile threw on ${label}: ${String(error)}`, { cause: error });
  }
}

function expectDump(tree: DockerfileTree, expected: string, label: string): void {
  const actual = dumpBuildkit(tree);
  expect(actual, `${label}: dump differs from BuildKit's\n${describeTextDifference(expected, actual)}`).toBe(expected);
}

describe.skipIf(corpus === null)("corpus layout", () => {
  it("has the documented number of cases", () => {
    expect(testfiles.length, "buildkit/testfiles").toBe(33);
    expect(negatives.length, "buildkit/testfiles-negative").toBe(4);
    expect(realFiles.length, "real/*.Dockerfile").toBe(60);
  });
});

describe.skipIf(corpus === null)("BuildKit testfiles: dump equals `result` byte for byte", () => {
  it.each(testfiles)("%s", (name) => {
    const dir = join(buildkitDir, "testfiles", name);
    const tree = parseOrFail(readText(join(dir, "Dockerfile")), `testfiles/${name}`);
    expect(tree.fatal, `testfiles/${name}: BuildKit parses this file, we report a fatal error`).toBeNull();
    expectDump(tree, readText(join(dir, "result")), `testfiles/${name}`);
  });
});

/** The error BuildKit's parser gives for each negative case (buildkit/README.md). */
const NEGATIVE_MESSAGES: Readonly<Record<string, string>> = {
  empty_dockerfile: "file with no instructions",
  only_comments: "file with no instructions",
  env_no_value: "ENV must have two arguments",
  "shykes-nested-json": "when using JSON array syntax, arrays must be comprised of strings only",
};

describe.skipIf(corpus === null)("BuildKit testfiles-negative: a fatal error with BuildKit's message", () => {
  it.each(negatives)("%s", (name) => {
    const expected = NEGATIVE_MESSAGES[name];
    expect(expected, `no expected message recorded for testfiles-negative/${name}`).toBeDefined();
    const tree = parseOrFail(readText(join(buildkitDir, "testfiles-negative", name, "Dockerfile")), `testfiles-negative/${name}`);
    expect(tree.fatal, `testfiles-negative/${name}: BuildKit fails with ${show(expected ?? "")}, we report no fatal error`).not.toBeNull();
    expect(tree.fatal?.severity, `testfiles-negative/${name}: severity`).toBe("error");
    expect(tree.fatal?.message, `testfiles-negative/${name}: message`).toBe(expected);
    expect(dumpBuildkit(tree), `testfiles-negative/${name}: dump`).toBe(`ERROR: ${expected ?? ""}\n`);
  });
});

describe.skipIf(corpus === null)("BuildKit testfile-line: line numbers", () => {
  it("gives (5,5), (11,12), (17,31)", () => {
    const tree = parseOrFail(readText(join(buildkitDir, "testfile-line", "Dockerfile")), "testfile-line");
    expect(tree.fatal).toBeNull();
    const lines = tree.instructions.map((node) => [node.keyword, node.startLine, node.endLine]);
    expect(lines, "testfile-line: [keyword, startLine, endLine] per instruction").toEqual([
      ["FROM", 5, 5],
      ["ENV", 11, 12],
      ["RUN", 17, 31],
    ]);
  });
});

function heredocFields(heredocs: readonly HeredocNode[]) {
  return heredocs.map((h) => ({ name: h.name, expand: h.expand, chomp: h.chomp, fileDescriptor: h.fileDescriptor, content: h.content }));
}

/** The fields BuildKit's JSON records for an ONBUILD trigger (its lines are always 0 upstream). */
function ourTrigger(node: InstructionNode | null) {
  if (node === null) return null;
  return {
    keyword: node.keyword,
    original: node.original,
    flags: node.flags.map((f) => f.text),
    json: node.json,
    args: node.args.map((a) => a.value),
    heredocs: heredocFields(node.heredocs),
  };
}

function theirTrigger(node: BuildkitNode) {
  const child = node.next.find((n): n is { children: BuildkitNode[] } => typeof n !== "string")?.children[0];
  if (child === undefined) return null;
  return {
    keyword: child.value,
    original: child.original,
    flags: child.flags ?? [],
    json: child.attributes?.json === true,
    args: child.next.filter((n): n is string => typeof n === "string"),
    heredocs: child.heredocs ?? [],
  };
}

function ours(node: InstructionNode) {
  return {
    keyword: node.keyword,
    startLine: node.startLine,
    endLine: node.endLine,
    original: node.original,
    flags: node.flags.map((f) => f.text),
    json: node.json,
    comments: [...node.comments],
    args: node.name === "ONBUILD" ? "(see trigger)" : node.args.map((a) => a.value),
    heredocs: heredocFields(node.heredocs),
    trigger: node.name === "ONBUILD" ? ourTrigger(node.trigger) : null,
  };
}

function theirs(node: BuildkitNode) {
  const isOnbuild = node.value.toUpperCase() === "ONBUILD";
  return {
    keyword: node.value,
    startLine: node.startLine,
    endLine: node.endLine,
    original: node.original,
    flags: node.flags ?? [],
    json: node.attributes?.json === true,
    comments: node.prevComment ?? [],
    args: isOnbuild ? "(see trigger)" : node.next.filter((n): n is string => typeof n === "string"),
    heredocs: node.heredocs ?? [],
    trigger: isOnbuild ? theirTrigger(node) : null,
  };
}

/** Compares our tree with the upstream parser's JSON, instruction by instruction. */
function compareWithBuildkitJson(tree: DockerfileTree, expected: BuildkitResult, label: string): void {
  if (expected.error !== undefined) {
    expect(tree.fatal?.message, `${label}: BuildKit fails with ${show(expected.error)}`).toBe(expected.error);
    return;
  }
  expect(tree.fatal, `${label}: BuildKit parses this file, we report a fatal error`).toBeNull();
  expect(tree.escape, `${label}: escape token`).toBe(expected.escapeToken);
  const directive = (key: string) => tree.directives.find((d) => d.key === key)?.value;
  expect(directive("syntax"), `${label}: # syntax directive`).toBe(expected.syntaxDirective);
  expect(directive("check"), `${label}: # check directive`).toBe(expected.checkDirective);

  const children = expected.children ?? [];
  expect(
    tree.instructions.map((n) => `${n.startLine}:${n.keyword}`),
    `${label}: instructions (line:keyword)`,
  ).toEqual(children.map((c) => `${c.startLine}:${c.value}`));
  for (const [i, child] of children.entries()) {
    const node = tree.instructions[i];
    if (node === undefined) break;
    expect(ours(node), `${label}: instruction #${i + 1} (${child.value} on line ${child.startLine})`).toEqual(theirs(child));
  }

  // BuildKit warns once per instruction that has an empty continuation line; we may report each
  // such line, so compare which instructions are affected.
  const warned = (expected.warnings ?? [])
    .filter((w) => w.url.endsWith("/no-empty-continuation/"))
    .map((w) => children.find((c) => c.startLine <= w.line && w.line <= c.endLine)?.startLine ?? -w.line);
  const ourWarned = tree.instructions
    .filter((n) =>
      tree.diagnostics.some(
        (d) => d.code === "NoEmptyContinuation" && d.severity === "warning" && n.startLine <= d.line && d.line <= n.endLine,
      ),
    )
    .map((n) => n.startLine);
  expect(ourWarned, `${label}: start lines of instructions with an empty continuation line (NoEmptyContinuation)`).toEqual([...new Set(warned)]);
}

const derivedJson: { label: string; json: string; input: string }[] =
  corpus === null
    ? []
    : readdirSync(join(buildkitDir, "derived-json"))
        .filter((name) => name.endsWith(".json"))
        .sort()
        .map((name) => {
          const stem = basename(name, ".json");
          const input = stem.startsWith("negative-")
            ? join(buildkitDir, "testfiles-negative", stem.slice("negative-".length), "Dockerfile")
            : stem === "testfile-line"
              ? join(buildkitDir, "testfile-line", "Dockerfile")
              : join(buildkitDir, "testfiles", stem, "Dockerfile");
          return { label: `derived-json/${name}`, json: join(buildkitDir, "derived-json", name), input };
        })
        .filter((entry) => existsSync(entry.input));

describe.skipIf(corpus === null)("BuildKit derived-json: per-instruction fields", () => {
  it("covers every input", () => {
    expect(derivedJson.length, "derived-json files with an existing input").toBe(38);
  });
  it.each(derivedJson)("$label", ({ label, json, input }) => {
    const tree = parseOrFail(readText(input), label);
    compareWithBuildkitJson(tree, JSON.parse(readText(json)) as BuildkitResult, label);
  });
});

describe.skipIf(corpus === null)("real Dockerfiles against BuildKit's dump and JSON", () => {
  it.each(realFiles)("%s: dump", (name) => {
    const tree = parseOrFail(readText(join(corpus ?? "", "real", name)), `real/${name}`);
    expectDump(tree, readText(join(corpus ?? "", "real-buildkit-dump", `${name}.result`)), `real/${name}`);
  });
  it.each(realFiles)("%s: fields, heredocs, directives", (name) => {
    const tree = parseOrFail(readText(join(corpus ?? "", "real", name)), `real/${name}`);
    const expected = JSON.parse(readText(join(corpus ?? "", "real-buildkit-dump", `${name}.json`))) as BuildkitResult;
    compareWithBuildkitJson(tree, expected, `real/${name}`);
  });
});

/** Text transformations that BuildKit ignores (CRLF, BOM, final newline) or that only move whitespace. */
const VARIANTS: { name: string; make: (s: string) => string; sameDump: boolean }[] = [
  { name: "as is", make: (s) => s, sameDump: true },
  { name: "CRLF", make: (s) => s.replace(/\n/g, "\r\n"), sameDump: true },
  { name: "BOM", make: (s) => `\uFEFF${s}`, sameDump: true },
  { name: "no final newline", make: (s) => s.replace(/\n$/, ""), sameDump: true },
  { name: "final newline added", make: (s) => `${s}\n`, sameDump: true },
  { name: "CRLF + BOM", make: (s) => `\uFEFF${s.replace(/\n/g, "\r\n")}`, sameDump: true },
  {
    name: "tab-indented continuation lines",
    // A tab after every line that ends in either escape character and optional blanks.
    make: (s) => s.replace(/([\\`][ \t]*\n)/g, "$1\t"),
    sameDump: false,
  },
];

describe.skipIf(corpus === null)("round trip and invariants over every corpus file and its variants", () => {
  const cases = allFiles.flatMap((file) => VARIANTS.map((variant) => ({ ...file, variant })));
  it.each(cases)("$label ($variant.name)", ({ label, path, variant }) => {
    const original = readText(path);
    const text = variant.make(original);
    const where = `${label} (${variant.name})`;
    const tree = parseOrFail(text, where);
    const printed = printDockerfile(tree);
    expect(printed, `${where}: printDockerfile(parseDockerfile(s)) !== s\n${describeTextDifference(text, printed)}`).toBe(text);
    expect(collectTreeProblems(tree, text), `${where}: structural problems`).toEqual([]);
    if (variant.sameDump && variant.name !== "as is") {
      const expected = dumpBuildkit(parseOrFail(original, label));
      const actual = dumpBuildkit(tree);
      expect(actual, `${where}: the dump changed although BuildKit ignores this difference\n${describeTextDifference(expected, actual)}`).toBe(expected);
    }
  });
});
