import { describe, expect, it } from "vitest";
import { analyzeDockerfile, parseDockerfile } from "../index.ts";
import { elide, formatLineRange, labelCopiedPaths, MAX_INSTRUCTION_TEXT, shortenPath, summarizeInstruction } from "./summarize.ts";

function firstInstruction(text: string) {
  const stage = analyzeDockerfile(parseDockerfile(text)).stages[0];
  const instruction = stage?.instructions[0];
  if (instruction === undefined) throw new Error("no instruction");
  return instruction;
}

describe("summarizeInstruction", () => {
  it("splits keyword and arguments, joining continued lines", () => {
    expect(summarizeInstruction(firstInstruction("FROM a\nrun apt-get update \\\n  &&   apt-get install x\n"))).toEqual({
      keyword: "RUN",
      text: "apt-get update && apt-get install x",
      line: 2,
    });
  });

  it("keeps flags and the exec form as written", () => {
    expect(summarizeInstruction(firstInstruction('FROM a\nCOPY --from=b /x /y\nCMD ["a", "b"]\n')).text).toBe("--from=b /x /y");
    const cmd = analyzeDockerfile(parseDockerfile('FROM a\nCMD ["node", "x.js"]\n')).stages[0]?.instructions[0];
    expect(cmd && summarizeInstruction(cmd).text).toBe('["node", "x.js"]');
  });

  it("cuts very long arguments", () => {
    const text = summarizeInstruction(firstInstruction(`FROM a\nRUN ${"x".repeat(500)}\n`)).text;
    expect(text.length).toBe(MAX_INSTRUCTION_TEXT);
    expect(text.endsWith("…")).toBe(true);
  });
});

describe("short texts", () => {
  it("elides at the limit", () => {
    expect(elide("abcdef", 6)).toBe("abcdef");
    expect(elide("abcdefg", 6)).toBe("abcde…");
  });

  it("shortens a path from the start, at a slash when one is near", () => {
    expect(shortenPath("/app/dist")).toBe("/app/dist");
    expect(shortenPath("/usr/local/lib/node_modules/pkg/index.js", 24)).toBe("…/pkg/index.js");
    expect(shortenPath("/averyveryveryverylongsegmentname", 12).length).toBeLessThanOrEqual(12);
  });

  it("labels copied paths with the first and a count", () => {
    expect(labelCopiedPaths(["/app/dist"], "./dist")).toBe("/app/dist");
    expect(labelCopiedPaths(["/a", "/b", "/c"], "/")).toBe("/a +2");
    expect(labelCopiedPaths([], "/etc/x")).toBe("→ /etc/x");
    expect(labelCopiedPaths(undefined, undefined)).toBe("copy");
  });

  it("formats line ranges", () => {
    expect(formatLineRange(13, 21)).toBe("L13–21");
    expect(formatLineRange(4, 4)).toBe("L4");
  });
});
