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
import { buildInstructionTokens, LogicalLine, type Segment } from "./logical-line.ts";
import type {
  Diagnostic,
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

  report(code: string, severity: Diagnostic["severity"], message: string, range: TextRange, line: number): Diagnostic {
    const d: Diagnostic = { code, severity, message, range, line };
    this.diagnostics.push(d);
    return d;
  }

  /** BuildKit's parser stops at its first error; we note it and go on. */
  fail(message: string, range: TextRange, line: number, code = "ParseError"): void {
    const d = this.report(code, "error", message, range, line);
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

  checkLineLength(i: number): void {
    const start = this.lineStarts[i]!;
    const end = this.contentEnd(i);
    if (end - start <= MAX_LINE_BYTES / 3) return;
    if (utf8Length(this.source, start, end) > MAX_LINE_BYTES) {
      this.fail(`dockerfile line greater than max allowed size of ${MAX_LINE_BYTES}`, { start, end }, i + 1, "LineTooLong");
    }
  }

  trivia(kind: TriviaNode["kind"], start: number, end: number, line: number, tokens: Token[]): void {
    this.nodes.push({ kind, range: { start, end }, line, tokens });
  }

  token(kind: Token["kind"], start: number, end: number, into: Token[]): void {
    if (end > start) into.push({ kind, start, end, text: this.source.slice(start, end) });
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
    let comments: string[] = [];
    for (let i = 0; i < this.lineCount; i++) {
      this.checkLineLength(i);
      let ls = this.lineStarts[i]!;
      if (i === 0 && s.charCodeAt(0) === 0xfeff) {
        this.trivia("bom", 0, 1, 1, [{ kind: "bom", start: 0, end: 1, text: s.slice(0, 1) }]);
        ls = 1;
      }
      const le = this.contentEnd(i);
      const isComment = this.isCommentLine(ls, le);
      const t0 = skipGoSpace(s, ls, le);
      const directive = this.scanDirective(t0, le, i);
      if (isComment && !directive) {
        // BuildKit slices off the first byte, not the `#`: an indented comment keeps its `#`.
        const text = goTrim(s.slice(ls + 1, this.lineStart(i + 1)));
        // A bare `#` line ends the comment block that describes the next instruction.
        if (text === "") comments = [];
        else comments.push(text);
      }
      if (isComment) {
        const tokens: Token[] = [];
        this.lineTokens(i, ls, directive ? "directive" : "comment", tokens);
        this.trivia(directive ? "directive" : "comment", ls, this.lineStart(i + 1), i + 1, tokens);
        continue;
      }
      const first = this.trimContinuation(t0, le);
      if (!first.continues && first.end === t0) {
        const tokens: Token[] = [];
        this.lineTokens(i, ls, "blank", tokens);
        this.trivia("blank", ls, this.lineStart(i + 1), i + 1, tokens);
        continue;
      }
      i = this.parseInstruction(i, ls, t0, first, comments);
      comments = [];
    }
    if (this.instructions.length === 0) {
      const line = Math.max(1, this.lineCount);
      this.fail("file with no instructions", { start: this.n, end: this.n }, line, "NoInstructions");
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
      this.fail(m.error, valueRange, i + 1, "InvalidDirective");
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
  parseInstruction(i: number, ls: number, t0: number, first: { end: number; continues: boolean }, comments: string[]): number {
    const s = this.source;
    const startLine = i + 1;
    const segments: Segment[] = [{ start: t0, end: first.end, logical: 0, line: i }];
    let logicalLength = first.end - t0;
    let continues = first.continues;
    let emptyLine = -1;
    while (continues && i + 1 < this.lineCount) {
      i++;
      this.checkLineLength(i);
      const a = this.lineStarts[i]!;
      const e = this.contentEnd(i);
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
        emptyLine + 1,
      );
    }
    const nodeRange = (): TextRange => ({ start: ls, end: this.lineStart(i + 1) });
    if (raw.error) this.fail(raw.error, logical.range(raw.argsSpan.start, raw.argsSpan.end), startLine);

    const heredocs: HeredocNode[] = [];
    const heredocTokens: Token[] = [];
    if (canContainHeredoc(raw) && logical.text.includes("<<")) {
      const found = detectHeredocs(logical.text);
      if (found.error) this.fail(found.error, logical.range(raw.argsSpan.start, raw.argsSpan.end), startLine);
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
        this.token("heredoc-body", bodyStart, bodyEnd, heredocTokens);
        if (terminator) {
          this.token("heredoc-end", terminator.start, terminator.end, heredocTokens);
          this.token("newline", terminator.end, this.lineStart(i + 1), heredocTokens);
        } else {
          this.fail("unterminated heredoc", { start: bodyStart, end: this.n }, startLine, "UnterminatedHeredoc");
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
    const tokens = buildInstructionTokens(this, logical, raw, ls, lastInstructionLine);
    for (const t of heredocTokens) tokens.push(t);
    const node = toInstructionNode(raw, logical, {
      range: nodeRange(),
      startLine,
      endLine: i + 1,
      heredocs,
      comments,
      tokens,
      original: logical.text,
    });
    this.nodes.push(node);
    this.instructions.push(node);
    return i;
  }
}

function canContainHeredoc(raw: RawInstruction): boolean {
  let node = raw;
  if (node.keyword.toLowerCase() === "onbuild" && node.trigger) node = node.trigger;
  return HEREDOC_KEYWORDS.has(node.keyword.toLowerCase()) && !node.json;
}

interface NodeExtras {
  range: TextRange;
  startLine: number;
  endLine: number;
  heredocs: HeredocNode[];
  comments: readonly string[];
  tokens: Token[];
  original: string;
}

function toInstructionNode(raw: RawInstruction, logical: LogicalLine, extras: NodeExtras): InstructionNode {
  const r = (a: number, b: number) => logical.range(a, b);
  return {
    kind: "instruction",
    range: extras.range,
    startLine: extras.startLine,
    endLine: extras.endLine,
    keyword: raw.keyword,
    name: raw.keyword.toUpperCase(),
    keywordRange: r(raw.keywordSpan.start, raw.keywordSpan.end),
    flags: raw.flags.map((f) => {
      const hasValue = f.eq >= 0;
      const eqIndex = f.text.indexOf("=");
      return {
        range: r(f.start, f.end),
        text: f.text,
        name: (hasValue ? f.text.slice(2, eqIndex) : f.text.slice(2)),
        nameRange: r(f.start + 2, hasValue ? f.eq : f.end),
        value: hasValue ? f.text.slice(eqIndex + 1) : null,
        valueRange: hasValue ? r(f.eq + 1, f.end) : null,
      };
    }),
    args: raw.args.map((a) => ({ value: a.value, range: r(a.start, a.end), role: a.role })),
    json: raw.json,
    heredocs: extras.heredocs,
    trigger: raw.trigger
      ? toInstructionNode(raw.trigger, logical, {
          range: r(raw.trigger.keywordSpan.start, raw.trigger.argsSpan.end),
          startLine: extras.startLine,
          endLine: extras.endLine,
          heredocs: [],
          comments: [],
          tokens: [],
          original: logical.text.slice(raw.trigger.keywordSpan.start, raw.trigger.argsSpan.end),
        })
      : null,
    original: extras.original,
    comments: extras.comments,
    argsRange: raw.argsSpan.end > raw.argsSpan.start ? r(raw.argsSpan.start, raw.argsSpan.end) : null,
    tokens: extras.tokens,
  };
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
