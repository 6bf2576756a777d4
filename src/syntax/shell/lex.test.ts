import { readFileSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { requireCorpus } from "../../../tests/corpus.ts";
import { goTrim, isGoSpace } from "../chars.ts";
import { MAX_EXPANDED_LENGTH } from "./shell-word.ts";
import { processWord, processWords, type Env, type ShellLexOptions } from "./lex.ts";

const corpus = requireCorpus("shell lexer conformance (buildkit/shell)");

function corpusLines(name: string): { line: number; text: string }[] {
  const text = readFileSync(join(corpus ?? "", "buildkit", "shell", name), "utf8");
  const lines = text.split("\n");
  if (lines[lines.length - 1] === "") lines.pop();
  return lines.map((t, i) => ({ line: i + 1, text: t }));
}

/** BuildKit's `TestShellParser4EnvVars`, one Vitest case per line of `envVarTest`. */
function envVarCases(): { line: number; platform: string; input: string; expected: string }[] {
  if (corpus === null) return [];
  const cases = [];
  for (const { line, text } of corpusLines("envVarTest")) {
    if (text.startsWith("#")) continue;
    const trimmed = goTrim(text);
    if (trimmed === "") continue;
    const parts = trimmed.split("|");
    if (parts.length !== 3) throw new Error(`envVarTest line ${line} is not P|input|expected`);
    const [platform, input, expected] = parts.map(goTrim) as [string, string, string];
    cases.push({ line, platform, input, expected });
  }
  return cases;
}

/** BuildKit's `TestShellParser4Words`: `ENV k=v` lines add to the env of later lines. */
function wordsCases(): { line: number; input: string; env: Map<string, string>; expected: string[] }[] {
  if (corpus === null) return [];
  const env = new Map<string, string>();
  const cases = [];
  for (const { line, text } of corpusLines("wordsTest")) {
    if (text.startsWith("#")) continue;
    if (text.startsWith("ENV ")) {
      const assignment = text.slice(3).replace(/^ +/, "");
      const eq = assignment.indexOf("=");
      if (eq < 0) env.set(assignment, "");
      else env.set(assignment.slice(0, eq), assignment.slice(eq + 1));
      continue;
    }
    const parts = text.split("|");
    if (parts.length !== 2) throw new Error(`wordsTest line ${line} must have exactly one |`);
    const expected = (parts[1] ?? "").replace(/^ +/, "").split(",");
    cases.push({ line, input: goTrim(parts[0] ?? ""), env: new Map(env), expected });
  }
  return cases;
}

const corpusEnv = { PWD: "/home", SHELL: "bash", KOREAN: "한국어", NULL: "" };

describe.skipIf(corpus === null)("corpus buildkit/shell/envVarTest", () => {
  const cases = envVarCases();
  it("has cases", () => expect(cases.length).toBeGreaterThan(200));
  const name = "line $line [$platform] $input → $expected";
  // `W` lines hold Windows expectations (case-insensitive names); BuildKit on Unix skips them.
  it.skip.each(cases.filter((c) => c.platform === "W"))(name, () => {});
  it.each(cases.filter((c) => c.platform !== "W"))(name, ({ input, expected }) => {
    const result = processWord(input, corpusEnv);
    if (expected === "error") expect(result.ok).toBe(false);
    else expect(result).toMatchObject({ ok: true, value: expected });
  });
});

describe.skipIf(corpus === null)("corpus buildkit/shell/wordsTest", () => {
  const cases = wordsCases();
  it("has cases", () => expect(cases.length).toBeGreaterThan(20));
  it.each(cases)("line $line: $input", ({ input, env, expected }) => {
    const result = processWords(input, env);
    expect(result.ok ? result.value : ["error"]).toEqual(expected);
  });
});

const env = {
  PWD: "/home",
  EMPTY: "",
  FOO: "xxyy",
  SPACE: "a  b",
  LEAD: "  a b",
  BRACKET: "a[b]c",
  STARS: "**a",
  NL: "a\nb",
  EMOJI: "😀x😀",
  PATH_: "/tmp/foo.txt",
};

type Case = [input: string, expected: string, options?: ShellLexOptions];

function checkWord(cases: Case[], environment: Env = env): void {
  it.each(cases)("%s → %s", (input, expected, options) => {
    expect(processWord(input, environment, options)).toMatchObject({ ok: true, value: expected });
  });
}

function checkError(cases: [input: string, message: string][], environment: Env = env): void {
  it.each(cases)("%s fails", (input, message) => {
    expect(processWord(input, environment)).toEqual({ ok: false, error: message });
    expect(processWords(input, environment)).toEqual({ ok: false, error: message });
  });
}

describe("variable forms", () => {
  checkWord([
    ["$PWD", "/home"],
    ["${PWD}", "/home"],
    ["$PWD.x", "/home.x"],
    ["a${PWD}b", "a/homeb"],
    ["$UNSET", ""],
    ["${UNSET:-w}", "w"],
    ["${EMPTY:-w}", "w"],
    ["${PWD:-w}", "/home"],
    ["${UNSET-w}", "w"],
    ["${EMPTY-w}", ""],
    ["${PWD:+w}", "w"],
    ["${EMPTY:+w}", ""],
    ["${UNSET:+w}", ""],
    ["${EMPTY+w}", "w"],
    ["${UNSET+w}", ""],
    ["${PWD:?m}", "/home"],
    ["${PWD?m}", "/home"],
    ["${EMPTY?m}", ""],
    ["${UNSET:-${EMPTY:-$PWD}}", "/home"],
    ["${UNSET:-a b  c}", "a b  c"],
    ["${UNSET:-'$PWD'}", "$PWD"],
    ["${UNSET:-\\}}", "}"],
  ]);
});

describe("special parameters, digits and odd dollars", () => {
  checkWord([
    ["$$", ""],
    ["$$PWD", "PWD"],
    ["$1x", "x"],
    ["$0", ""],
    ["$@", ""],
    ["$#", ""],
    ["$!", ""],
    ["${1:-d}", "d"],
    ["${#}", ""],
    ["$.", "$."],
    ["$", "$"],
    ["a$", "a$"],
    ["$ x", "$ x"],
    ["\\$PWD", "$PWD"],
    ["\\${PWD}", "${PWD}"],
    ["$PWD한", ""],
    ["\uFEFF$PWD", "/home"],
  ]);
  it("reads Unicode letters as part of a name", () => {
    expect(processWord("$안녕!", { 안녕: "hi" })).toMatchObject({ ok: true, value: "hi!" });
  });
});

describe("prefix and suffix patterns (shell globs turned into Go regexps)", () => {
  checkWord([
    ["${FOO#x}", "xyy"],
    ["${FOO##x}", "xyy"],
    ["${FOO#*x}", "xyy"],
    ["${FOO##*x}", "yy"],
    ["${FOO#*}", "xxyy"],
    ["${FOO##*}", ""],
    ["${FOO#?x}", "yy"],
    ["${FOO#z}", "xxyy"],
    ["${FOO#}", "xxyy"],
    ["${FOO%y}", "xxy"],
    ["${FOO%y*}", "xxy"],
    ["${FOO%%y*}", "xx"],
    ["${FOO%%*}", ""],
    ["${FOO%*}", "xxyy"],
    ["${FOO%x*}", "x"],
    ["${FOO%%x*}", ""],
    ["${FOO#$EMPTY}", "xxyy"],
    ["${STARS#\\*}", "*a"],
    ["${STARS##\\*}", "*a"],
    ["${STARS%%\\**}", ""],
    ["${STARS#*\\*}", "*a"],
    // `[...]` is not a bracket expression in BuildKit: brackets are literal.
    ["${BRACKET#a[b]}", "c"],
    ["${FOO#[x]}", "xxyy"],
    // Go's `.` never matches a newline, so `*` cannot cross one.
    ["${NL#*b}", "a\nb"],
    ["${NL%%a*}", "a\nb"],
    ["${NL#a?}", "a\nb"],
    // `?` is one code point, not half a surrogate pair.
    ["${EMOJI#?}", "x😀"],
    ["${EMOJI%?}", "😀x"],
    ["${UNSET#*}", ""],
  ]);
});

describe("replacement patterns", () => {
  checkWord([
    ["${FOO/x/-}", "-xyy"],
    ["${FOO//x/-}", "--yy"],
    ["${FOO//?/.}", "...."],
    ["${FOO/*/z}", "z"],
    ["${FOO//y*/z}", "xxz"],
    ["${FOO/q/z}", "xxyy"],
    ["${FOO/x/}", "xyy"],
    ["${FOO///}", "xxyy"],
    ["${FOO/$EMPTY/-}", "-xxyy"],
    ["${FOO//$EMPTY/-}", "-x-x-y-y-"],
    ["${PATH_//\\//\\/}", "\\/tmp\\/foo.txt"],
    ["${PATH_/\\/tmp/}", "/foo.txt"],
    // Only `//` goes through Go's ReplaceAllString, which expands `$0` and `$$`.
    ["${FOO//x/'<$0>'}", "<x><x>yy"],
    ["${FOO/x/'<$0>'}", "<$0>xyy"],
    ["${FOO//x/'$$'}", "$$yy"],
    ["${FOO//x/'$1'}", "yy"],
    ["${FOO//x/'${0}'}", "xxyy"],
    ["${FOO//x/'$'}", "$$yy"],
    ["${UNSET/x/y}", ""],
  ]);
});

describe("errors carry BuildKit's message", () => {
  checkError([
    ["${}", 'failed to process "${}": syntax error: bad substitution'],
    ["a${:-x}", 'failed to process "a${:-x}": syntax error: bad substitution'],
    ["${{x}", 'failed to process "${{x}": syntax error: bad substitution'],
    ["${", "failed to process \"${\": syntax error: missing '}'"],
    ["${x:-abc", "failed to process \"${x:-abc\": syntax error: missing '}'"],
    ["${x", 'failed to process "${x": unsupported modifier (\ufffd) in substitution'],
    ["${x:=y}", 'failed to process "${x:=y}": unsupported modifier (:=) in substitution'],
    ["${x:=y", "failed to process \"${x:=y\": syntax error: missing '}'"],
    ["${x!y}", 'failed to process "${x!y}": unsupported modifier (!) in substitution'],
    ["${.}", 'failed to process "${.}": unsupported modifier (.) in substitution'],
    ["${FOO:#x}", 'failed to process "${FOO:#x}": unsupported modifier (:#) in substitution'],
    ["${UNSET?boom $PWD}", 'failed to process "${UNSET?boom $PWD}": UNSET: boom /home'],
    ["${UNSET?}", 'failed to process "${UNSET?}": UNSET: is not allowed to be unset'],
    ["${UNSET:?}", 'failed to process "${UNSET:?}": UNSET: is not allowed to be unset'],
    ["${EMPTY:?}", 'failed to process "${EMPTY:?}": EMPTY: is not allowed to be empty'],
    ["${EMPTY:?no}", 'failed to process "${EMPTY:?no}": EMPTY: no'],
    // An inner failure that reached the end of the input is reported as a missing brace.
    ["${a:-${UNSET?m}", "failed to process \"${a:-${UNSET?m}\": syntax error: missing '}'"],
    ["${a:-${}}", 'failed to process "${a:-${}}": syntax error: bad substitution'],
    ["${FOO/x", "failed to process \"${FOO/x\": syntax error: missing '/' in ${}"],
    ["${FOO//x}", "failed to process \"${FOO//x}\": syntax error: missing '/' in ${}"],
    ["${FOO/x/y", "failed to process \"${FOO/x/y\": syntax error: missing '}'"],
    [
      "${FOO#\\x}",
      "failed to process \"${FOO#\\\\x}\": invalid pattern (\\x) in substitution: invalid escape '\\x'",
    ],
    [
      "${FOO%a\\x}",
      "failed to process \"${FOO%a\\\\x}\": invalid pattern (\\xa) in substitution: invalid escape '\\x'",
    ],
    [
      "${FOO/\\q/z}",
      "failed to process \"${FOO/\\\\q/z}\": invalid pattern (\\q) in substitution: invalid escape '\\q'",
    ],
    ["'abc", `failed to process "'abc": unexpected end of statement while looking for matching single-quote`],
    ['a"b', 'failed to process "a\\"b": unexpected end of statement while looking for matching double-quote'],
    ['"a\\"', 'failed to process "\\"a\\\\\\"": unexpected end of statement while looking for matching double-quote'],
    ["\t\n${}", 'failed to process "\\t\\n${}": syntax error: bad substitution'],
  ]);
});

describe("quotes and escapes", () => {
  checkWord([
    ["'$PWD'", "$PWD"],
    ['"$PWD"', "/home"],
    ["\"'$PWD'\"", "'/home'"],
    ['"\\$PWD"', "$PWD"],
    ['"a\\b"', "a\\b"],
    ['"a\\"b"', 'a"b'],
    ['"a\\\\b"', "a\\b"],
    ["a\\b", "ab"],
    ["a\\", "a"],
    ["a\\\\", "a\\"],
    ["'a\\'", "a\\"],
    ["'a\"b'", 'a"b'],
    ["\"\"''", ""],
    ["a\\😀b", "a😀b"],
  ]);
});

describe("backtick escape", () => {
  const bt: ShellLexOptions = { escape: "`" };
  checkWord([
    ["`$PWD", "$PWD", bt],
    ["\\$PWD", "\\/home", bt],
    ["C:\\Users\\$PWD", "C:\\Users\\/home", bt],
    ['"a``b"', "a`b", bt],
    ['"a`"b"', 'a"b', bt],
    ['"a`b"', "a`b", bt],
    ["a`", "a", bt],
    ["a` b", "a b", bt],
    ["${UNSET:-`}}", "}", bt],
  ]);
  it("splits words with the backtick as escape", () => {
    expect(processWords("a` b c\\ d", {}, bt)).toMatchObject({ value: ["a b", "c\\", "d"] });
  });
});

describe("options", () => {
  const rawQuotes: ShellLexOptions = { rawQuotes: true };
  const rawEscapes: ShellLexOptions = { rawEscapes: true };
  const skipUnset: ShellLexOptions = { skipUnsetEnv: true };
  const skipQuotes: ShellLexOptions = { skipProcessQuotes: true };
  checkWord([
    [`a"b $PWD"'c $PWD'`, `a"b /home"'c $PWD'`, rawQuotes],
    ["a\\ b\\$PWD", "a\\ b\\$PWD", rawEscapes],
    ["a\\", "a\\", rawEscapes],
    ['"a\\"b"', 'a\\"b', rawEscapes],
    // BuildKit writes an escape that escapes nothing twice when escapes are raw.
    ['"a\\b"', "a\\\\b", rawEscapes],
    // Inside `${x:-w}` BuildKit always removes escapes, even with RawEscapes.
    ["${UNSET:-a\\b}", "ab", rawEscapes],
    [
      "$X ${X} ${X:-d} ${X?m} ${X#p} ${X/a/b} ${X//a/b} ${PWD} $PWD ${FOO:+y}",
      "$X ${X} ${X:-d} ${X?m} ${X#p} ${X/a/b} ${X/a/b} /home /home y",
      skipUnset,
    ],
    ["${X:-$Y}", "${X:-$Y}", skipUnset],
    [`'$PWD' "a b"`, `'/home' "a b"`, skipQuotes],
    [`"\\$PWD"`, `"$PWD"`, skipQuotes],
  ]);
  it("keeps quoted words whole with rawQuotes", () => {
    expect(processWords(`a "b c" 'd e'`, {}, rawQuotes)).toMatchObject({
      value: ["a", '"b c"', "'d e'"],
    });
  });
  it("splits on quotes' blanks when quotes are not processed", () => {
    expect(processWords(`'a b' "c"`, {}, skipQuotes)).toMatchObject({
      value: ["'a", "b'", '"c"'],
    });
  });
  it("keeps escapes in words with rawEscapes", () => {
    expect(processWords("a\\ b c", {}, rawEscapes)).toMatchObject({ value: ["a\\ b", "c"] });
  });
});

describe("heredoc markers stay one word, as BuildKit's parser needs", () => {
  const heredocLexer: ShellLexOptions = { rawQuotes: true, rawEscapes: true, skipUnsetEnv: true };
  it.each<[string, string[]]>([
    ["cat <<  EOF", ["cat", "<<  EOF"]],
    ["cat <<\tEOF", ["cat", "<<\tEOF"]],
    ["<<-'EOT' 3<<\"X\" <<$EOF", ["<<-'EOT'", '3<<"X"', "<<$EOF"]],
    ["<<eo\\'f", ["<<eo\\'f"]],
    ['"<<EOF"', ['"<<EOF"']],
    ["a < b", ["a", "<", "b"]],
    ["a <", ["a", "<"]],
    ["a << ", ["a", "<< "]],
    // A vertical tab is a Go space but not one of the blanks glued to `<<`.
    ["<<\vEOF", ["<<", "EOF"]],
    ["<<'one two'", ["<<'one two'"]],
  ])("%s", (input, expected) => {
    expect(processWords(input, {}, heredocLexer)).toMatchObject({ ok: true, value: expected });
  });
  it("does the same without any option (BuildKit registers `<` unconditionally)", () => {
    expect(processWords("cat <<  EOF", {})).toMatchObject({ value: ["cat", "<<  EOF"] });
  });
});

describe("word splitting", () => {
  it.each<[string, string[]]>([
    ["a b\tc\nd", ["a", "b", "c", "d"]],
    ["  a  ", ["a"]],
    ["", []],
    ['""', []],
    ['a "" b', ["a", "b"]],
    ['a""b', ["ab"]],
    ["$SPACE", ["a", "b"]],
    ['"$SPACE"', ["a  b"]],
    ["x${SPACE}y", ["xa", "by"]],
    ["x${LEAD}", ["x", "a", "b"]],
    ["a\\ b", ["a b"]],
    ["a\u00a0b\u3000c\u2028d", ["a", "b", "c", "d"]],
    ["${UNSET:-a b}", ["a", "b"]],
    ["'a b'c", ["a bc"]],
  ])("%j", (input, expected) => {
    expect(processWords(input, env)).toMatchObject({ ok: true, value: expected });
  });
  it("keeps Unicode spaces in processWord", () => {
    expect(processWord("a\u00a0b", {})).toMatchObject({ value: "a\u00a0b" });
  });
});

describe("matched and unmatched variables", () => {
  it("records every lookup", () => {
    const result = processWord("${A:-$B} $C ${D+x} $1 $@ ${E#$F} ${G//x/$H}", {
      A: "",
      C: "c",
      D: "",
      E: "e",
    });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect([...result.matched].sort()).toEqual(["A", "C", "D", "E"]);
    expect([...result.unmatched].sort()).toEqual(["1", "@", "B", "F", "G", "H"]);
  });
  it("does not look up what quotes or escapes hide", () => {
    const result = processWord("'$A' \\$B", { A: "a" });
    expect(result).toMatchObject({ ok: true, value: "$A $B" });
    if (result.ok) expect([...result.matched, ...result.unmatched]).toEqual([]);
  });
  it("reads a Map", () => {
    const result = processWord("$X-$Y", new Map([["X", "1"]]));
    expect(result).toMatchObject({ ok: true, value: "1-" });
    if (result.ok) expect([...result.unmatched]).toEqual(["Y"]);
  });
  it("looks up case-sensitively, as BuildKit does on Unix", () => {
    expect(processWord("$pwd", { PWD: "/home" })).toMatchObject({ ok: true, value: "" });
  });
  it("ignores inherited object properties", () => {
    const result = processWord("[$constructor$toString$__proto__]", {});
    expect(result).toMatchObject({ ok: true, value: "[]" });
    if (result.ok) expect(result.unmatched.size).toBe(3);
  });
});

describe("robustness", () => {
  const options = fc.record(
    {
      escape: fc.constantFrom<"\\" | "`">("\\", "`"),
      rawQuotes: fc.boolean(),
      rawEscapes: fc.boolean(),
      skipUnsetEnv: fc.boolean(),
      skipProcessQuotes: fc.boolean(),
    },
    { requiredKeys: [] },
  );
  const shellish = fc.string({
    unit: fc.constantFrom(..."${}:-+?#%/*'\"\\`<> \tab1@.[]\n😀\uD800\u00a0".split("")),
    maxLength: 40,
  });
  const codeUnits = fc
    .array(fc.integer({ min: 0, max: 0xffff }), { maxLength: 30 })
    .map((units) => String.fromCharCode(...units));
  const anyText = fc.oneof(shellish, codeUnits, fc.string({ unit: "binary" }));
  const environment = fc.dictionary(fc.constantFrom("a", "b", "PWD", "1"), shellish);

  it("never throws, and words are never empty", () => {
    fc.assert(
      fc.property(anyText, environment, options, (text, vars, opts) => {
        const word = processWord(text, vars, opts);
        const words = processWords(text, vars, opts);
        expect(word.ok).toBe(words.ok);
        if (words.ok) expect(words.value.every((w) => w.length > 0)).toBe(true);
        if (!word.ok) expect(word.error.startsWith("failed to process ")).toBe(true);
      }),
      { numRuns: 3000 },
    );
  });

  it("leaves text without special characters alone, and splits it on Go spaces", () => {
    const plain = fc.string({ unit: fc.constantFrom(..."ab:-+?#%/*{}[]. \t\u00a0é😀".split("")) });
    fc.assert(
      fc.property(plain, (text) => {
        expect(processWord(text, { a: "x" })).toMatchObject({ ok: true, value: text });
        const expected: string[] = [];
        let current = "";
        for (const ch of text) {
          if (isGoSpace(ch.charCodeAt(0))) {
            if (current !== "") expected.push(current);
            current = "";
          } else current += ch;
        }
        if (current !== "") expected.push(current);
        expect(processWords(text, {})).toMatchObject({ ok: true, value: expected });
      }),
    );
  });

  it("survives nesting deeper than the JavaScript stack", () => {
    const depth = 50_000;
    const text = "${a:-".repeat(depth) + "x" + "}".repeat(depth);
    const result = processWord(text, {});
    if (result.ok) expect(result.value).toBe("x");
    else expect(result.error).toMatch(/nested too deeply$/);
    expect(processWord("${a:-".repeat(50) + "x" + "}".repeat(50), {})).toMatchObject({
      ok: true,
      value: "x",
    });
  });
});

describe("the expansion limit", () => {
  it("refuses a word whose expansion would pass MAX_EXPANDED_LENGTH, with a message, not a freeze", () => {
    const half = "x".repeat(MAX_EXPANDED_LENGTH / 2);
    expect(processWord("${V}${V}", { V: half })).toMatchObject({ ok: true });
    expect(processWord("${V}${V}a", { V: half })).toMatchObject({ ok: true });
    expect(processWord("${V}${V}$V", { V: half })).toEqual({
      ok: false,
      error: `failed to process "\${V}\${V}$V": expanded value is longer than ${MAX_EXPANDED_LENGTH} characters (Stagecraft's limit)`,
    });
    expect(processWord(`"$V $V $V"`, { V: half })).toMatchObject({ ok: false, error: expect.stringMatching(/Stagecraft's limit\)$/) });
    expect(processWords("$V $V $V", { V: half })).toMatchObject({ ok: false });
  });

  it("says the limit was passed when it is passed inside `${x//p/r}`, `${x/p/r}` or a modifier's word", () => {
    // Each of these once came back as "nested too deeply" (the result passed JavaScript's string
    // limit) or "missing '}'" (the inner failure ran to the end of the word).
    const big = "x".repeat(200_000);
    const limit = `expanded value is longer than ${MAX_EXPANDED_LENGTH} characters (Stagecraft's limit)`;
    for (const word of ["${V//x/$V}", "${V//x/abc}", "${V//?/${V}${V}}", "${V/x/$V$V}", "${V:-$V$V}", "${U:+$V$V}", "${V#$V$V}", "${V%%$V$V}"]) {
      expect(processWord(word, { V: big }), word).toEqual({ ok: false, error: `failed to process ${JSON.stringify(word)}: ${limit}` });
    }
    // Under the limit the same forms still expand, and a real missing brace is still reported as one.
    expect(processWord("${V//x/ab}", { V: "xx" })).toMatchObject({ ok: true, value: "abab" });
    expect(processWord("${V/x/$V$V}", { V: "xy" })).toMatchObject({ ok: true, value: "xyxyy" });
    expect(processWord("${V//x/$V", { V: "xy" })).toEqual({ ok: false, error: `failed to process "\${V//x/$V": syntax error: missing '}'` });
  });

  it("stops a doubling chain of ARGs at the limit (26 doublings of 2 characters would be 128 MB)", () => {
    const env = new Map<string, string>([["V0", "ab"]]);
    let failedAt = -1;
    for (let i = 1; i <= 40 && failedAt < 0; i++) {
      const result = processWord(`\${V${i - 1}}\${V${i - 1}}`, env);
      if (result.ok) env.set(`V${i}`, result.value);
      else failedAt = i;
    }
    expect(failedAt).toBe(Math.log2(MAX_EXPANDED_LENGTH));
  });
});
