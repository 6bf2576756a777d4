import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { processWord } from "../syntax/shell/lex.ts";
import { changesUnderExpansion, expandWord } from "./expand.ts";

describe("expandWord", () => {
  const env = new Map([
    ["A", "1"],
    ["TARGETARCH", "amd64"],
  ]);

  it("expands and reports matched and unmatched names", () => {
    const result = expandWord("base-${TARGETARCH}-$NOPE", env, { escape: "\\" });
    expect(result).toEqual({ ok: true, value: "base-amd64-", matched: new Set(["TARGETARCH"]), unmatched: new Set(["NOPE"]) });
  });

  it("keeps unknown variables when asked", () => {
    const result = expandWord("/x/$A/$B", env, { escape: "\\", keepUnset: true });
    expect(result.ok && result.value).toBe("/x/1/$B");
  });

  it("agrees with the lexer on every word, plain or not", () => {
    const word = fc.string({ unit: fc.constantFrom("a", "/", "-", ".", "$", "{", "}", "A", "'", '"', "\\", "`", " ", ":") });
    fc.assert(
      fc.property(word, fc.constantFrom("\\" as const, "`" as const), (w, escape) => {
        const ours = expandWord(w, env, { escape });
        const lexer = processWord(w, env, { escape });
        expect(ours.ok).toBe(lexer.ok);
        if (ours.ok && lexer.ok) expect(ours.value).toBe(lexer.value);
        const plain = processWord(w, new Map(), { escape });
        expect(changesUnderExpansion(w, escape)).toBe(!plain.ok || plain.value !== w);
      }),
      { numRuns: 500 },
    );
  });
});
