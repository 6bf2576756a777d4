import { describe, expect, it } from "vitest";
import { parseDockerfile } from "../index.ts";
import type { Diagnostic } from "../index.ts";
import { commands, formatDiagnostics, listDiagnostics, runDump, runPrint } from "./commands.ts";
import { formatCommandUsage, formatUsage } from "./usage.ts";

const source = (text: string) => ({ name: "Dockerfile", text });

function diagnostic(code: string, start: number, line: number, severity: Diagnostic["severity"] = "warning"): Diagnostic {
  return { code, severity, message: `${code} happened`, range: { start, end: start + 1 }, line };
}

describe("runPrint", () => {
  it.each([
    ["plain", "FROM alpine AS base\nRUN echo hi\n"],
    ["CRLF, BOM, no final newline", "\uFEFFFROM a\r\nRUN x \\\r\n  y"],
    ["a heredoc and a comment", "FROM a\n# note\nCOPY <<EOF /x\nhello\nEOF\n"],
    ["text BuildKit rejects", "ENV PATH\n"],
    ["empty", ""],
  ])("gives back %s byte for byte, exit 0, nothing on stderr", (_, text) => {
    expect(runPrint(source(text))).toEqual({ stdout: text, stderr: "", exitCode: 0 });
  });
});

describe("runDump", () => {
  it("dumps a file BuildKit accepts, exit 0", () => {
    expect(runDump(source("FROM alpine AS base\nRUN echo hi\n"))).toEqual({
      stdout: '(from "alpine" "AS" "base")\n(run "echo hi")\n',
      stderr: "",
      exitCode: 0,
    });
  });

  it("prints BuildKit's error as the dump, the located error on stderr, exit 1", () => {
    const result = runDump({ name: "bad/Dockerfile", text: "FROM a\nENV PATH\n" });
    expect(result.exitCode).toBe(1);
    expect(result.stdout).toBe("ERROR: ENV must have two arguments\n");
    expect(result.stderr).toMatch(/^bad\/Dockerfile:2: error: ENV must have two arguments \(\w+\)\n$/);
  });

  it("puts warnings on stderr as FILE:LINE: warning: message (Code) and still exits 0", () => {
    const result = runDump({ name: "<stdin>", text: "FROM a\nRUN echo \\\n\n  hi\n" });
    expect(result.exitCode).toBe(0);
    expect(result.stdout).toBe('(from "a")\n(run "echo   hi")\n');
    expect(result.stderr).toMatch(/^<stdin>:3: warning: .+ \(NoEmptyContinuation\)\n$/);
  });
});

describe("listDiagnostics", () => {
  const tree = parseDockerfile("FROM a\n");

  it("adds the fatal diagnostic when the tree keeps it apart, in source order", () => {
    const warning = diagnostic("W", 0, 1);
    const fatal = diagnostic("F", 5, 1, "error");
    expect(listDiagnostics({ ...tree, diagnostics: [warning], fatal })).toEqual([warning, fatal]);
  });

  it("does not repeat a fatal diagnostic that is also in the list", () => {
    const fatal = diagnostic("F", 5, 1, "error");
    expect(listDiagnostics({ ...tree, diagnostics: [{ ...fatal }], fatal })).toHaveLength(1);
  });
});

describe("formatDiagnostics", () => {
  it("writes one line per diagnostic, even for a message with line breaks", () => {
    const multiLine = { ...diagnostic("X", 0, 7, "error"), message: "first\n  second" };
    expect(formatDiagnostics("a/Dockerfile", [diagnostic("JSONArgsRecommended", 0, 3), multiLine])).toBe(
      "a/Dockerfile:3: warning: JSONArgsRecommended happened (JSONArgsRecommended)\na/Dockerfile:7: error: first second (X)\n",
    );
  });

  it("writes nothing for no diagnostics", () => {
    expect(formatDiagnostics("f", [])).toBe("");
  });
});

describe("help text", () => {
  // Each line is read as a sentence: a word said twice in one line (`graph  print the stage graph`) is noise.
  const pages = [formatUsage(commands), ...commands.map(formatCommandUsage)];
  it.each(pages.flatMap((page) => page.split("\n").filter((line) => line.trim() !== "")))("says each word once: %s", (line) => {
    // An option's label (`--format FORMAT`) names it; the words after it are the sentence.
    const sentence = line.replace(/^\s+--\S+( \S+)?\s{2,}/, "");
    const words = (sentence.toLowerCase().match(/[a-z][a-z'-]{3,}/g) ?? []).filter((word) => word !== "stagecraft");
    const repeated = words.filter((word, i) => words.indexOf(word) !== i);
    expect(repeated).toEqual([]);
  });
});
