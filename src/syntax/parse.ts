/**
 * The Dockerfile parser: a lossless concrete syntax tree that reads every file exactly as
 * BuildKit's `frontend/dockerfile/parser` does (lines, directives, continuations, heredocs,
 * flags, JSON form), and never throws. Where BuildKit's parser would stop on an error, the
 * error becomes `tree.fatal` and parsing goes on, so an editor always has a tree to show.
 */
import { goTrim, skipGoSpace } from "./chars.ts";
import { DirectiveScanner } from "./directives.ts";
import { detectHeredocs } from "./heredoc.ts";
import { parseInstructionLine, type RawInstruction } from "./line-parsers.ts";
import { LogicalLine, makeToken, type Segment } from "./logical-line.ts";
import { Instruction, TriviaLine } from "./nodes.ts";
import { offsetToPosition } from "./positions.ts";
import type { TokenPlan } from "./nodes.ts";
import type {
  ArgNode,
  Diagnostic,
  FlagNode,
  DirectiveNode,
  DockerfileTree,
  HeredocNode,
  InstructionNode,
  TextRange,
  Token,
  TopLevelNode,
  TriviaNode,
} from "./types.ts";

/** BuildKit reads lines with a 64 KiB buffer: a longer line is an error. */
const MAX_LINE_BYTES = 65535;
const EMPTY: readonly never[] = Object.freeze([]);
const HEREDOC_KEYWORDS = new Set(["run", "copy", "add"]);

function utf8Length(s: string, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < to) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}

function computeLineStarts(source: string): number[] {
  const starts = [0];
  let i = source.indexOf("\n");
  while (i >= 0) {
    starts.push(i + 1);
    i = source.indexOf("\n", i + 1);
  }
  return starts;
}

class Parser {
  readonly n: number;
  readonly lineStarts: number[];
  /** Lines as BuildKit's scanner sees them (a final newline does not start another line). */
  readonly lineCount: number;
  readonly nodes: TopLevelNode[] = [];
  readonly instructions: InstructionNode[] = [];
  readonly directives: DirectiveNode[] = [];
  readonly diagnostics: Diagnostic[] = [];
  fatal: Diagnostic | null = null;
  escape: "\\" | "`" = "\\";
  escapeCode = 0x5c;
  private readonly directiveScanner = new DirectiveScanner();

  constructor(readonly source: string) {
    this.n = source.length;
    this.lineStarts = computeLineStarts(source);
    const last = this.lineStarts[this.lineStarts.length - 1]!;
    this.lineCount = last === this.n ? this.lineStarts.length - 1 : this.lineStarts.length;
  }

  lineStart(i: number): number {
    return this.lineStarts[i] ?? this.n;
  }

  /** End of line i's content: before its `\n` and any `\r` right before it (BuildKit's trimNewline). */
  contentEnd(i: number): number {
    let e = i + 1 < this.lineStarts.length ? this.lineStarts[i + 1]! : this.n;
    const start = this.lineStarts[i]!;
    while (e > start) {
      const c = this.source.charCodeAt(e - 1);
      if (c !== 0x0a && c !== 0x0d) break;
      e--;
    }
    return e;
  }

  report(code: string, severity: Diagnostic["severity"], message: string, range: TextRange): Diagnostic {
    const d: Diagnostic = { code, severity, message, range, line: offsetToPosition(this, range.start).line };
    this.diagnostics.push(d);
    return d;
  }

  /** BuildKit's parser stops at its first error; we note it and go on. */
  fail(message: string, range: TextRange, code = "ParseError"): void {
    const d = this.report(code, "error", message, range);
    if (!this.fatal) this.fatal = d;
  }

  isCommentLine(from: number, to: number): boolean {
    const a = skipGoSpace(this.source, from, to);
    return a < to && this.source.charCodeAt(a) === 0x23;
  }

  /** Applies BuildKit's continuation regex `([^E])E[ \t]*$|^E[ \t]*$` to `source[from, to)`. */
  trimContinuation(from: number, to: number): { end: number; continues: boolean } {
    const s = this.source;
    let p = to;
    while (p > from) {
      const c = s.charCodeAt(p - 1);
      if (c !== 0x20 && c !== 0x09) break;
      p--;
    }
    const e = this.escapeCode;
    if (p > from && s.charCodeAt(p - 1) === e && (p - 1 === from || s.charCodeAt(p - 2) !== e)) {
      return { end: p - 1, continues: true };
    }
    return { end: to, continues: false };
  }

  checkLineLength(i: number, start: number, end: number): void {
    if (end - start <= MAX_LINE_BYTES / 3) return;
    if (utf8Length(this.source, start, end) > MAX_LINE_BYTES) {
      this.fail(`dockerfile line greater than max allowed size of ${MAX_LINE_BYTES}`, { start, end }, "LineTooLong");
    }
  }

  trivia(kind: TriviaNode["kind"], start: number, end: number, line: number): void {
    if (end > start) this.nodes.push(new TriviaLine(kind, { start, end }, line, this));
  }

  token(kind: Token["kind"], start: number, end: number, into: Token[]): void {
    makeToken(this.source, kind, start, end, into);
  }

  /** Tokens of a line that holds no instruction text: blanks, a comment or a directive. */
  lineTokens(i: number, from: number, kind: "comment" | "directive" | "blank", into: Token[]): void {
    const end = this.contentEnd(i);
    const a = skipGoSpace(this.source, from, end);
    this.token("whitespace", from, a, into);
    if (kind === "blank") this.token("whitespace", a, end, into);
    else this.token(kind, a, end, into);
    this.token("newline", end, this.lineStart(i + 1), into);
  }

  parse(): DockerfileTree {
    const s = this.source;
    let comments: string[] | null = null;
    for (let i = 0; i < this.lineCount; i++) {
      let ls = this.lineStarts[i]!;
      const le = this.contentEnd(i);
      this.checkLineLength(i, ls, le);
      if (i === 0 && s.charCodeAt(0) === 0xfeff) {
        this.trivia("bom", 0, 1, 1);
        ls = 1;
      }
      const isComment = this.isCommentLine(ls, le);
      const t0 = skipGoSpace(s, ls, le);
      const directive = this.scanDirective(t0, le, i);
      if (isComment && !directive) {
        // BuildKit slices off the first byte, not the `#`: an indented comment keeps its `#`.
        const text = goTrim(s.slice(ls + 1, this.lineStart(i + 1)));
        // A bare `#` line ends the comment block that describes the next instruction.
        if (text === "") comments = null;
        else if (comments) comments.push(text);
        else comments = [text];
      }
      if (isComment) {
        this.trivia(directive ? "directive" : "comment", ls, this.lineStart(i + 1), i + 1);
        continue;
      }
      const first = this.trimContinuation(t0, le);
      if (!first.continues && first.end === t0) {
        this.trivia("blank", ls, this.lineStart(i + 1), i + 1);
        continue;
      }
      i = this.parseInstruction(i, ls, t0, first, comments ?? EMPTY);
      comments = null;
    }
    if (this.instructions.length === 0) {
      this.fail("file with no instructions", { start: this.n, end: this.n }, "NoInstructions");
    }
    return {
      source: s,
      nodes: this.nodes,
      instructions: this.instructions,
      directives: this.directives,
      escape: this.escape,
      diagnostics: this.diagnostics,
      fatal: this.fatal,
      lineStarts: this.lineStarts,
    };
  }

  scanDirective(t0: number, le: number, i: number): boolean {
    if (this.directiveScanner.finished) return false;
    const m = this.directiveScanner.scan(this.source.slice(t0, le), t0);
    if (!m) return false;
    const keyRange = { start: m.keyStart, end: m.keyEnd };
    const valueRange = { start: m.valueStart, end: m.valueEnd };
    if (m.error) {
      this.fail(m.error, valueRange, "InvalidDirective");
      return true;
    }
    this.directives.push({ key: m.key, value: m.value, keyRange, valueRange, line: i + 1 });
    if (m.key === "escape") {
      this.escape = m.value as "\\" | "`";
      this.escapeCode = this.escape.charCodeAt(0);
    }
    return true;
  }

  /** Reads one instruction that starts on line `i`; returns the index of its last line. */
  parseInstruction(i: number, ls: number, t0: number, first: { end: number; continues: boolean }, comments: readonly string[]): number {
    const s = this.source;
    const startLine = i + 1;
    const segments: Segment[] = [{ start: t0, end: first.end, logical: 0, line: i }];
    let logicalLength = first.end - t0;
    let continues = first.continues;
    let emptyLine = -1;
    while (continues && i + 1 < this.lineCount) {
      i++;
      const a = this.lineStarts[i]!;
      const e = this.contentEnd(i);
      this.checkLineLength(i, a, e);
      if (this.isCommentLine(a, e)) continue;
      if (skipGoSpace(s, a, e) === e) {
        if (emptyLine < 0) emptyLine = i;
        continue;
      }
      const r = this.trimContinuation(a, e);
      segments.push({ start: a, end: r.end, logical: logicalLength, line: i });
      logicalLength += r.end - a;
      continues = r.continues;
    }
    const logical = new LogicalLine(s, segments);
    const raw = parseInstructionLine(logical.text, 0, logical.text.length, this.escapeCode);
    const lastInstructionLine = i;
    if (emptyLine >= 0) {
      const range = { start: this.lineStarts[emptyLine]!, end: this.contentEnd(emptyLine) };
      this.report(
        "NoEmptyContinuation",
        "warning",
        "Empty continuation line: blank lines inside a continued instruction will become errors in a future release",
        range,
      );
    }
    if (raw.error) this.fail(raw.error, logical.range(raw.argsSpan.start, raw.argsSpan.end));

    const heredocs: HeredocNode[] = [];
    if (canContainHeredoc(raw) && logical.text.includes("<<")) {
      const found = detectHeredocs(logical.text);
      if (found.error) this.fail(found.error, logical.range(raw.argsSpan.start, raw.argsSpan.end));
      for (const h of found.heredocs) {
        const bodyStart = this.lineStart(i + 1);
        let terminator: TextRange | null = null;
        while (i + 1 < this.lineCount) {
          i++;
          const a = this.lineStarts[i]!;
          const e = this.contentEnd(i);
          let t = a;
          if (h.chomp) while (t < e && s.charCodeAt(t) === 0x09) t++;
          if (e - t === h.name.length && s.startsWith(h.name, t)) {
            terminator = { start: a, end: e };
            break;
          }
        }
        const bodyEnd = terminator ? terminator.start : this.n;
        if (!terminator) {
          this.fail("unterminated heredoc", { start: bodyStart, end: this.n }, "UnterminatedHeredoc");
        }
        heredocs.push({
          name: h.name,
          expand: h.expand,
          chomp: h.chomp,
          fileDescriptor: h.fileDescriptor,
          markerRange: logical.range(h.marker.start, h.marker.end),
          bodyRange: { start: bodyStart, end: bodyEnd },
          content: s.slice(bodyStart, bodyEnd),
          terminatorRange: terminator,
        });
      }
    }
    const node = toInstructionNode(raw, logical, { start: ls, end: this.lineStart(i + 1) }, startLine, i + 1, heredocs, comments, {
      lines: this,
      logical,
      raw,
      lastLine: lastInstructionLine,
    });
    this.nodes.push(node);
    this.instructions.push(node);
    return i;
  }
}

function canContainHeredoc(raw: RawInstruction): boolean {
  const node = raw.trigger ?? raw;
  return HEREDOC_KEYWORDS.has(node.lower) && !node.json;
}

/** Turns a raw instruction (and its ONBUILD trigger chain, innermost first) into tree nodes. */
function toInstructionNode(
  top: RawInstruction,
  logical: LogicalLine,
  range: TextRange,
  startLine: number,
  endLine: number,
  heredocs: readonly HeredocNode[],
  comments: readonly string[],
  plan: TokenPlan,
): Instruction {
  const chain: RawInstruction[] = [];
  for (let r: RawInstruction | null = top; r; r = r.trigger) chain.push(r);
  let trigger: Instruction | null = null;
  for (let k = chain.length - 1; k >= 0; k--) {
    const raw = chain[k]!;
    const isTop = k === 0;
    const span = raw.argsSpan;
    const flags: FlagNode[] = [];
    for (const f of raw.flags) {
      const eqIndex = f.text.indexOf("=");
      const hasValue = f.eq >= 0 && eqIndex >= 0;
      flags.push({
        range: logical.range(f.start, f.end),
        text: f.text,
        name: hasValue ? f.text.slice(2, eqIndex) : f.text.slice(2),
        nameRange: logical.range(f.start + 2, hasValue ? f.eq : f.end),
        value: hasValue ? f.text.slice(eqIndex + 1) : null,
        valueRange: hasValue ? logical.range(f.eq + 1, f.end) : null,
      });
    }
    const args: ArgNode[] = [];
    for (const a of raw.args) args.push({ value: a.value, range: logical.range(a.start, a.end), role: a.role });
    trigger = new Instruction(
      isTop ? range : logical.range(raw.keywordSpan.start, span.end),
      startLine,
      endLine,
      raw.keyword,
      logical.range(raw.keywordSpan.start, raw.keywordSpan.end),
      flags,
      args,
      raw.json,
      isTop ? heredocs : EMPTY,
      trigger,
      isTop ? logical.text : logical.text.slice(raw.keywordSpan.start, span.end),
      isTop ? comments : EMPTY,
      span.end > span.start ? logical.range(span.start, span.end) : null,
      isTop ? plan : null,
    );
  }
  return trigger!;
}

/**
 * Parses a Dockerfile into a lossless syntax tree. Never throws: problems are diagnostics
 * (`tree.diagnostics`), and the first one BuildKit's parser would stop on is `tree.fatal`.
 *
 * @example
 * const tree = parseDockerfile("FROM alpine AS base\nRUN echo hi\n");
 * tree.instructions[0].args.map((a) => a.value); // ["alpine", "AS", "base"]
 */
export function parseDockerfile(source: string): DockerfileTree {
  return new Parser(source).parse();
}
