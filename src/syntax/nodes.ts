/**
 * Tree nodes whose token lists are built on first use. Most consumers (the model, the
 * graph, the dump) never read tokens, and building them is half the cost of a parse, so
 * the parser records only what is needed to build them later.
 */
import { buildInstructionTokens, makeToken, type LineSource, type LogicalLine } from "./logical-line.ts";
import type { RawInstruction } from "./line-parsers.ts";
import type { FlagNode, ArgNode, HeredocNode, InstructionNode, TextRange, Token, TriviaNode } from "./types.ts";

/** End of the line break that follows `offset` (`\r`… then `\n`), as BuildKit's trimNewline sees it. */
export function newlineEnd(s: string, offset: number): number {
  let j = offset;
  while (s.charCodeAt(j) === 0x0d) j++;
  if (s.charCodeAt(j) === 0x0a) j++;
  return j;
}

export class TriviaLine implements TriviaNode {
  private cached: Token[] | null = null;

  constructor(
    readonly kind: TriviaNode["kind"],
    readonly range: TextRange,
    readonly line: number,
    private readonly lines: LineSource,
  ) {}

  get tokens(): readonly Token[] {
    if (this.cached) return this.cached;
    const tokens: Token[] = [];
    if (this.kind === "bom") makeToken(this.lines.source, "bom", this.range.start, this.range.end, tokens);
    else this.lines.lineTokens(this.line - 1, this.range.start, this.kind, tokens);
    return (this.cached = tokens);
  }
}

/** What an instruction needs to build its tokens later. */
export interface TokenPlan {
  readonly lines: LineSource;
  readonly logical: LogicalLine;
  readonly raw: RawInstruction;
  /** 0-based index of the last line of the instruction text, before any heredoc body. */
  readonly lastLine: number;
}

export class Instruction implements InstructionNode {
  readonly kind = "instruction";
  readonly name: string;
  private cached: Token[] | null = null;

  constructor(
    readonly range: TextRange,
    readonly startLine: number,
    readonly endLine: number,
    readonly keyword: string,
    readonly keywordRange: TextRange,
    readonly flags: readonly FlagNode[],
    readonly args: readonly ArgNode[],
    readonly json: boolean,
    readonly heredocs: readonly HeredocNode[],
    readonly trigger: InstructionNode | null,
    readonly original: string,
    readonly comments: readonly string[],
    readonly argsRange: TextRange | null,
    private readonly plan: TokenPlan | null,
  ) {
    this.name = keyword.toUpperCase();
  }


  get tokens(): readonly Token[] {
    if (this.cached) return this.cached;
    if (!this.plan) return (this.cached = []);
    const { lines, logical, raw, lastLine } = this.plan;
    const tokens = buildInstructionTokens(lines, logical, raw, this.range.start, lastLine);
    const s = lines.source;
    for (const h of this.heredocs) {
      makeToken(s, "heredoc-body", h.bodyRange.start, h.bodyRange.end, tokens);
      if (h.terminatorRange) {
        makeToken(s, "heredoc-end", h.terminatorRange.start, h.terminatorRange.end, tokens);
        makeToken(s, "newline", h.terminatorRange.end, newlineEnd(s, h.terminatorRange.end), tokens);
      }
    }
    return (this.cached = tokens);
  }

  /** Plain data for JSON output and snapshots (getters are not enumerable). */
  toJSON(): InstructionNode {
    return { ...this, tokens: this.tokens } as InstructionNode;
  }
}
