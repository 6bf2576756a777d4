/**
 * The lossless concrete syntax tree of a Dockerfile.
 *
 * All ranges are half-open `[start, end)` UTF-16 offsets into the source text
 * (`DockerfileTree.source`). Lines are 1-based. Convert offsets to positions only
 * with `offsetToPosition` (src/syntax/positions.ts).
 */

export interface TextRange {
  readonly start: number;
  readonly end: number;
}

export type TokenKind =
  | "bom" // a UTF-8 byte-order mark at the very start
  | "directive" // a parser directive line's text, e.g. `# escape=\``
  | "comment" // a comment line's text from `#` to end of line (also inside a continuation)
  | "whitespace" // blanks that separate things on a line
  | "newline" // `\n`, `\r\n` (and any run of `\r` before the `\n`)
  | "continuation" // the escape character that continues a line plus the blanks after it
  | "keyword" // the instruction word as written
  | "flag" // one `--name[=value]` flag word (see FlagNode for its parts)
  | "flag-end" // a lone `--` that ends the flags
  | "argument" // an argument word or, in shell form, the whole command
  | "json-string" // one element of a JSON array, with its quotes
  | "json-punctuation" // `[`, `,`, `]` of a JSON array
  | "heredoc-body" // the lines of a heredoc, verbatim, with their newlines
  | "heredoc-end" // the terminator line of a heredoc, without its newline
  | "text"; // anything else (trailing text after JSON, garbage)

export interface Token extends TextRange {
  readonly kind: TokenKind;
  /** The exact source text of the token: `source.slice(start, end)`. */
  readonly text: string;
}

export type Severity = "error" | "warning" | "info";

export interface Diagnostic {
  /** A BuildKit check name where BuildKit has one (`NoEmptyContinuation`), else our own name. */
  readonly code: string;
  readonly severity: Severity;
  readonly message: string;
  readonly range: TextRange;
  /** 1-based line of `range.start`. */
  readonly line: number;
}

export interface FlagNode {
  /** The flag word's source range, from `--` to its last character. */
  readonly range: TextRange;
  /** The flag as BuildKit's parser reports it: quotes removed, escapes applied, e.g. `--from=build`. */
  readonly text: string;
  /** The name without dashes, e.g. `from`; `mount`. */
  readonly name: string;
  /** Source range of the name (after `--`). */
  readonly nameRange: TextRange;
  /** The value after `=` as BuildKit reports it (quotes removed); null for `--link`. */
  readonly value: string | null;
  /** Source range of the value (after `=`); null when there is no `=`. */
  readonly valueRange: TextRange | null;
}

export type ArgRole =
  | "word" // a whitespace-separated word (FROM, EXPOSE, COPY/ADD/VOLUME shell form, ARG)
  | "json" // an element of a JSON array (value is the decoded string)
  | "command" // the rest of the line as one string (RUN/CMD/ENTRYPOINT/SHELL shell form, USER, WORKDIR, …)
  | "key" // ENV/LABEL key
  | "value" // ENV/LABEL value (raw, quotes kept)
  | "separator" // ENV/LABEL separator: `=` or, in the legacy form, "" with an empty range
  | "healthcheck-type" // HEALTHCHECK's first word (CMD, NONE, …)
  | "ignored"; // the single empty argument BuildKit gives an unknown instruction

export interface ArgNode {
  /** The value exactly as BuildKit's parser puts it in `Node.Next`. */
  readonly value: string;
  /** The source range the value came from (for a JSON element: the quoted string). */
  readonly range: TextRange;
  readonly role: ArgRole;
}

export interface HeredocNode {
  /** The delimiter with quotes removed (BuildKit's `Name`). */
  readonly name: string;
  /** False when any part of the delimiter was quoted (no expansion of the body). */
  readonly expand: boolean;
  /** `<<-`: leading tabs are stripped from body and terminator. */
  readonly chomp: boolean;
  readonly fileDescriptor: number;
  /** The marker word in the instruction line, e.g. `<<EOF` or `3<<-"EOT"`. */
  readonly markerRange: TextRange;
  /** The body lines, verbatim with their newlines (may be empty: start === end). */
  readonly bodyRange: TextRange;
  /** The body text (BuildKit's `Content`): `source.slice(bodyRange.start, bodyRange.end)`. */
  readonly content: string;
  /** The terminator line without its newline; null when the heredoc is unterminated. */
  readonly terminatorRange: TextRange | null;
}

export interface InstructionNode {
  readonly kind: "instruction";
  /** From the first character of the line (indentation included) to the end of the last line, newline included. */
  readonly range: TextRange;
  readonly startLine: number;
  /** The last physical line: a heredoc's terminator, or the last continued line. */
  readonly endLine: number;
  /** The instruction word as written, e.g. `from`, `Run`. */
  readonly keyword: string;
  /** Upper-case keyword, e.g. `FROM`. */
  readonly name: string;
  readonly keywordRange: TextRange;
  readonly flags: readonly FlagNode[];
  /** Arguments as BuildKit's parser reports them (`Node.Next`), each with its source range. */
  readonly args: readonly ArgNode[];
  /** True when the arguments are a JSON array (exec form). */
  readonly json: boolean;
  readonly heredocs: readonly HeredocNode[];
  /** The trigger of an ONBUILD instruction; null otherwise. */
  readonly trigger: InstructionNode | null;
  /** The joined logical line, as BuildKit's `Node.Original`. */
  readonly original: string;
  /** Comment lines directly above (BuildKit's `PrevComment`). */
  readonly comments: readonly string[];
  /** Source range of the text after the keyword and flags (the arguments), or null when empty. */
  readonly argsRange: TextRange | null;
  /** Every token of the instruction, in order, covering `range` with no gap (empty for an ONBUILD trigger). */
  readonly tokens: readonly Token[];
}

export interface TriviaNode {
  readonly kind: "blank" | "comment" | "directive" | "bom";
  readonly range: TextRange;
  readonly line: number;
  readonly tokens: readonly Token[];
}

export interface DirectiveNode {
  /** Lower-case key: `syntax`, `escape` or `check`. */
  readonly key: string;
  readonly value: string;
  readonly keyRange: TextRange;
  readonly valueRange: TextRange;
  readonly line: number;
}

export type TopLevelNode = InstructionNode | TriviaNode;

export interface DockerfileTree {
  /** The exact input text. */
  readonly source: string;
  /** Top-level nodes in order; their ranges tile the source with no gap and no overlap. */
  readonly nodes: readonly TopLevelNode[];
  /** The instructions only, in order (the same objects as in `nodes`). */
  readonly instructions: readonly InstructionNode[];
  readonly directives: readonly DirectiveNode[];
  /** The escape character in effect: `\` or `` ` ``. */
  readonly escape: "\\" | "`";
  readonly diagnostics: readonly Diagnostic[];
  /**
   * BuildKit's parser would stop on this error (the first one); null when BuildKit's parser accepts
   * the file. Parsing here goes on regardless, so the tree stays useful.
   */
  readonly fatal: Diagnostic | null;
  /** Offsets at which each line starts (line n starts at lineStarts[n - 1]). */
  readonly lineStarts: readonly number[];
}

/** A replacement of `[range.start, range.end)` by `text`. */
export interface TextEdit {
  readonly range: TextRange;
  readonly text: string;
}
