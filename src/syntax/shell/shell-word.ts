/**
 * The scanner behind `processWord`/`processWords`: BuildKit's `shellWord` from
 * `frontend/dockerfile/shell/lex.go`, rewritten as one forward pass over the string.
 *
 * Errors do not throw: a method that fails records BuildKit's message in `error` and returns
 * null, and every caller passes the null up. Where the scanner stands after a failure
 * matters, because BuildKit turns an inner failure at the end of the input into
 * "missing '}'"; each method leaves `pos` where Go's `text/scanner` would be.
 */
import { replacePattern, trimPatternPrefix, trimPatternSuffix } from "./pattern.ts";
import type { WordCollector } from "./words.ts";

/** The options of a BuildKit `Lex`, resolved. */
export interface LexSettings {
  /** The escape character as a UTF-16 code unit (`\` or `` ` ``). */
  readonly escape: number;
  readonly rawQuotes: boolean;
  readonly rawEscapes: boolean;
  readonly skipUnsetEnv: boolean;
  readonly skipProcessQuotes: boolean;
}

/** Returns the variable's value, or undefined when it is not set. */
export type EnvLookup = (name: string) => string | undefined;

/** "Not a character": the end of the input, or no stop character. */
/**
 * The longest value one word may expand to: 262,144 characters. BuildKit has no limit of its own
 * (Go grows the string until memory runs out), so `ARG V1=${V0}${V0}` repeated 26 times takes
 * 11 s and 1.2 GB, and a few more lines crash with "Invalid string length". Real build arguments
 * are far shorter; the only way past this from a file under 1 MB is repeated expansion. A word
 * that would exceed it fails like any other bad substitution, with a diagnostic on its line.
 */
export const MAX_EXPANDED_LENGTH = 262_144;

/** The error for a word whose expansion would pass {@link MAX_EXPANDED_LENGTH}. */
export const tooLongMessage = `expanded value is longer than ${MAX_EXPANDED_LENGTH} characters (Stagecraft's limit)`;

const EOF = -1;
const DOLLAR = 0x24;
const SINGLE_QUOTE = 0x27;
const DOUBLE_QUOTE = 0x22;
const LESS_THAN = 0x3c;
const OPEN_BRACE = 0x7b;
const CLOSE_BRACE = 0x7d;
const COLON = 0x3a;
const SLASH = 0x2f;
const HASH = 0x23;
const PERCENT = 0x25;
const PLUS = 0x2b;
const MINUS = 0x2d;
const QUESTION = 0x3f;
const UNDERSCORE = 0x5f;

/** Go formats the EOF rune with `string(rune(-1))`, which is U+FFFD. */
function runeText(cp: number): string {
  return cp < 0 ? "\ufffd" : String.fromCodePoint(cp);
}

const LETTER = /\p{L}/u;
const DIGIT = /\p{Nd}/u;

/** Go `unicode.IsDigit`. */
function isDigit(cp: number): boolean {
  if (cp < 0x80) return cp >= 0x30 && cp <= 0x39;
  return DIGIT.test(String.fromCodePoint(cp));
}

/** Go `unicode.IsLetter`. */
function isLetter(cp: number): boolean {
  if (cp < 0x80) return (cp | 0x20) >= 0x61 && (cp | 0x20) <= 0x7a;
  return LETTER.test(String.fromCodePoint(cp));
}

/** POSIX special parameters, which BuildKit reads as one-character names that are never set. */
function isSpecialParam(cp: number): boolean {
  switch (cp) {
    case 0x40: // @
    case 0x2a: // *
    case HASH:
    case QUESTION:
    case MINUS:
    case DOLLAR:
    case 0x21: // !
    case 0x30: // 0
      return true;
  }
  return false;
}

/** Blanks that BuildKit keeps glued to a `<<` so `<<  EOF` stays one heredoc word. */
function isHeredocBlank(c: number): boolean {
  return c === 0x20 || c === 0x09 || c === 0x0d;
}

export class ShellWordScanner {
  /** Set when a method returned null: BuildKit's message, without the "failed to process" prefix. */
  error: string | null = null;
  readonly matched = new Set<string>();
  readonly unmatched = new Set<string>();
  private pos: number;
  /** BuildKit switches raw escapes on inside `${x#p}`, `${x%p}` and `${x/p/r}`. */
  private rawEscapes: boolean;
  /**
   * Set once a value passed MAX_EXPANDED_LENGTH. That failure jumps to the end of the input, where
   * BuildKit's rule would turn it into "missing '}'"; the length message must survive instead.
   */
  private limitHit = false;

  constructor(
    private readonly src: string,
    private readonly settings: LexSettings,
    private readonly lookup: EnvLookup,
  ) {
    // Go's text/scanner drops a byte-order mark at the very start of its input.
    this.pos = src.charCodeAt(0) === 0xfeff ? 1 : 0;
    this.rawEscapes = settings.rawEscapes;
  }

  /** Expand the whole input; `words` (when given) collects the split words. */
  run(words: WordCollector | null): string | null {
    return this.processStopOn(EOF, this.settings.rawEscapes, words);
  }

  private fail(message: string): null {
    this.error = message;
    return null;
  }

  private tooLong(): null {
    this.pos = this.src.length;
    this.limitHit = true;
    return this.fail(tooLongMessage);
  }

  private peek(): number {
    return this.pos < this.src.length ? this.src.charCodeAt(this.pos) : EOF;
  }

  /** The code point at `pos` (a surrogate pair counts as one, like a Go rune). */
  private peekCodePoint(): number {
    return this.pos < this.src.length ? (this.src.codePointAt(this.pos) ?? EOF) : EOF;
  }

  private advance(cp: number): void {
    this.pos += cp > 0xffff ? 2 : 1;
  }

  private getEnv(name: string): string | undefined {
    const value = this.lookup(name);
    if (value === undefined) this.unmatched.add(name);
    else this.matched.add(name);
    return value;
  }

  /** Characters that end a run of plain text inside `processStopOn`. */
  private isSpecial(c: number, stop: number): boolean {
    if (c === stop || c === DOLLAR || c === LESS_THAN || c === this.settings.escape) return true;
    return (c === SINGLE_QUOTE || c === DOUBLE_QUOTE) && !this.settings.skipProcessQuotes;
  }

  /** BuildKit `processStopOn`: read up to `stop` (consumed) or the end of input. */
  private processStopOn(
    stop: number,
    rawEscapes: boolean,
    words: WordCollector | null,
  ): string | null {
    const saved = this.rawEscapes;
    this.rawEscapes = rawEscapes;
    const result = this.readUntil(stop, words);
    this.rawEscapes = saved;
    return result;
  }

  private readUntil(stop: number, words: WordCollector | null): string | null {
    const { src, settings } = this;
    let out = "";
    while (this.pos < src.length) {
      const c = src.charCodeAt(this.pos);
      if (c === stop) {
        this.pos++;
        return out;
      }
      if (c === DOLLAR) {
        const value = this.processDollar();
        if (value === null) return null;
        if (out.length + value.length > MAX_EXPANDED_LENGTH) return this.tooLong();
        out += value;
        words?.addSplitting(value);
      } else if (c === LESS_THAN) {
        const marker = this.processPossibleHeredoc();
        out += marker;
        words?.addRaw(marker);
      } else if (c === SINGLE_QUOTE && !settings.skipProcessQuotes) {
        const quoted = this.processSingleQuote();
        if (quoted === null) return null;
        out += quoted;
        words?.addRaw(quoted);
      } else if (c === DOUBLE_QUOTE && !settings.skipProcessQuotes) {
        const quoted = this.processDoubleQuote();
        if (quoted === null) return null;
        out += quoted;
        words?.addRaw(quoted);
      } else if (c === settings.escape) {
        this.pos++;
        if (this.rawEscapes) {
          const escChar = String.fromCharCode(c);
          out += escChar;
          words?.addRaw(escChar);
        }
        // An escape at the very end is dropped (or kept alone when raw).
        if (this.pos >= src.length) break;
        const cp = this.peekCodePoint();
        const escaped = runeText(cp);
        this.advance(cp);
        out += escaped;
        words?.addRaw(escaped);
      } else {
        const from = this.pos;
        let to = from + 1;
        while (to < src.length && !this.isSpecial(src.charCodeAt(to), stop)) to++;
        const text = src.slice(from, to);
        this.pos = to;
        out += text;
        words?.addSplitting(text);
      }
    }
    if (stop !== EOF) {
      return this.fail(
        `unexpected end of statement while looking for matching ${String.fromCharCode(stop)}`,
      );
    }
    return out;
  }

  /** Everything up to the next `'` is literal; a single quote cannot be escaped. */
  private processSingleQuote(): string | null {
    const open = this.pos;
    const close = this.src.indexOf("'", open + 1);
    if (close < 0) {
      this.pos = this.src.length;
      return this.fail("unexpected end of statement while looking for matching single-quote");
    }
    this.pos = close + 1;
    return this.settings.rawQuotes
      ? this.src.slice(open, close + 1)
      : this.src.slice(open + 1, close);
  }

  /**
   * Inside `"..."` variables expand, and the escape character escapes only `"`, `$` and
   * itself; before anything else it stays. With raw escapes BuildKit writes the escape
   * character first and then, when it escapes nothing, a second time.
   */
  private processDoubleQuote(): string | null {
    const { src, settings } = this;
    const esc = settings.escape;
    let out = settings.rawQuotes ? '"' : "";
    this.pos++;
    for (;;) {
      if (this.pos >= src.length) {
        return this.fail("unexpected end of statement while looking for matching double-quote");
      }
      const c = src.charCodeAt(this.pos);
      if (c === DOUBLE_QUOTE) {
        this.pos++;
        if (settings.rawQuotes) out += '"';
        return out;
      }
      if (c === DOLLAR) {
        const value = this.processDollar();
        if (value === null) return null;
        if (out.length + value.length > MAX_EXPANDED_LENGTH) return this.tooLong();
        out += value;
      } else if (c === esc) {
        const escChar = String.fromCharCode(c);
        this.pos++;
        if (this.rawEscapes) out += escChar;
        if (this.pos >= src.length) continue;
        const next = src.charCodeAt(this.pos);
        if (next === DOUBLE_QUOTE || next === DOLLAR || next === esc) {
          out += String.fromCharCode(next);
          this.pos++;
        } else {
          out += escChar;
        }
      } else {
        let to = this.pos + 1;
        while (to < src.length) {
          const d = src.charCodeAt(to);
          if (d === DOUBLE_QUOTE || d === DOLLAR || d === esc) break;
          to++;
        }
        out += src.slice(this.pos, to);
        this.pos = to;
      }
    }
  }

  /** `<` stays `<`; `<<` takes the blanks after it into the same word. */
  private processPossibleHeredoc(): string {
    const { src } = this;
    this.pos++;
    if (this.peek() !== LESS_THAN) return "<";
    this.pos++;
    const from = this.pos;
    while (this.pos < src.length && isHeredocBlank(src.charCodeAt(this.pos))) this.pos++;
    return "<<" + src.slice(from, this.pos);
  }

  /**
   * A name after `$`: a run of digits, one special-parameter character, or letters,
   * digits and `_` (Unicode letters and digits count, as in Go). Empty if none.
   */
  private processName(): string {
    const from = this.pos;
    const first = this.peekCodePoint();
    if (first === EOF) return "";
    if (isDigit(first)) {
      for (let cp = first; cp !== EOF && isDigit(cp); cp = this.peekCodePoint()) this.advance(cp);
      return this.src.slice(from, this.pos);
    }
    if (isSpecialParam(first)) {
      this.pos++;
      return this.src.slice(from, this.pos);
    }
    for (let cp = first; cp !== EOF; cp = this.peekCodePoint()) {
      if (!isLetter(cp) && !isDigit(cp) && cp !== UNDERSCORE) break;
      this.advance(cp);
    }
    return this.src.slice(from, this.pos);
  }

  /** BuildKit `processDollar`, entered with `pos` on the `$`. */
  private processDollar(): string | null {
    this.pos++;
    if (this.peek() !== OPEN_BRACE) {
      const name = this.processName();
      if (name === "") return "$";
      const value = this.getEnv(name);
      if (value !== undefined) return value;
      return this.settings.skipUnsetEnv ? "$" + name : "";
    }

    this.pos++;
    const first = this.peek();
    if (first === EOF) return this.fail("syntax error: missing '}'");
    if (first === OPEN_BRACE || first === CLOSE_BRACE || first === COLON) {
      return this.fail("syntax error: bad substitution");
    }
    const name = this.processName();
    let op = this.peekCodePoint();
    if (op !== EOF) this.advance(op);
    let opText = runeText(op);

    if (op === CLOSE_BRACE) {
      const value = this.getEnv(name);
      if (value !== undefined) return value;
      return this.settings.skipUnsetEnv ? "${" + name + "}" : "";
    }
    if (op === SLASH) return this.processReplace(name);

    let nullIsUnset = false;
    if (op === COLON) {
      nullIsUnset = true;
      op = this.peekCodePoint();
      if (op !== EOF) this.advance(op);
      opText += runeText(op);
      // `${x:#p}` and `${x:%p}` are refused outright. Any other unknown `:x` (`:=`, `:Y`)
      // is refused only after its word is read, so an unclosed one reports the missing `}`.
      if (op === HASH || op === PERCENT) {
        return this.fail(`unsupported modifier (${opText}) in substitution`);
      }
    } else if (op !== PLUS && op !== MINUS && op !== QUESTION && op !== HASH && op !== PERCENT) {
      return this.fail(`unsupported modifier (${opText}) in substitution`);
    }
    return this.applyModifier(name, op, opText, nullIsUnset);
  }

  /** The `${name<op>word}` forms, with `pos` just after the operator. */
  private applyModifier(
    name: string,
    op: number,
    opText: string,
    nullIsUnset: boolean,
  ): string | null {
    const isTrim = op === HASH || op === PERCENT;
    const word = this.processStopOn(CLOSE_BRACE, isTrim, null);
    if (word === null) return this.missingBraceAtEnd();
    const value = this.getEnv(name);
    if (value === undefined && this.settings.skipUnsetEnv) {
      return "${" + name + opText + word + "}";
    }
    const empty = value === undefined || (nullIsUnset && value === "");
    switch (op) {
      case MINUS:
        return empty ? word : (value ?? "");
      case PLUS:
        return empty ? "" : word;
      case QUESTION:
        if (value === undefined) {
          return this.fail(`${name}: ${word !== "" ? word : "is not allowed to be unset"}`);
        }
        if (empty) return this.fail(`${name}: ${word !== "" ? word : "is not allowed to be empty"}`);
        return value;
      case HASH:
      case PERCENT: {
        const greedy = word.charCodeAt(0) === op;
        const pattern = greedy ? word.slice(1) : word;
        const trimmed =
          op === PERCENT
            ? trimPatternSuffix(pattern, value ?? "", greedy)
            : trimPatternPrefix(pattern, value ?? "", greedy);
        return typeof trimmed === "string" ? trimmed : this.fail(trimmed.error);
      }
      default:
        return this.fail(`unsupported modifier (${opText}) in substitution`);
    }
  }

  /** `${name/pattern/replacement}` and `${name//pattern/replacement}`, `pos` after the `/`. */
  private processReplace(name: string): string | null {
    const all = this.peek() === SLASH;
    if (all) this.pos++;
    const pattern = this.processStopOn(SLASH, true, null);
    if (pattern === null) {
      return this.pos >= this.src.length && !this.limitHit ? this.fail("syntax error: missing '/' in ${}") : null;
    }
    const replacement = this.processStopOn(CLOSE_BRACE, true, null);
    if (replacement === null) return this.missingBraceAtEnd();
    const value = this.getEnv(name);
    if (value === undefined && this.settings.skipUnsetEnv) {
      // BuildKit writes a single `/` back even for `//`.
      return "${" + name + "/" + pattern + "/" + replacement + "}";
    }
    const replaced = replacePattern(pattern, value ?? "", replacement, all, MAX_EXPANDED_LENGTH);
    if (replaced === null) return this.tooLong();
    return typeof replaced === "string" ? replaced : this.fail(replaced.error);
  }

  /** BuildKit reports any failure that ran into the end of the input as a missing `}`. */
  private missingBraceAtEnd(): null {
    return this.pos >= this.src.length && !this.limitHit ? this.fail("syntax error: missing '}'") : null;
  }
}
