/**
 * BuildKit's shell lexer (`frontend/dockerfile/shell/lex.go`): variable expansion and word
 * splitting for Dockerfile words, byte for byte as BuildKit does it.
 *
 * Supported: `$x`, `${x}`, `${x:-w}`, `${x-w}`, `${x:+w}`, `${x+w}`, `${x:?m}`, `${x?m}`,
 * `${x#p}`, `${x##p}`, `${x%p}`, `${x%%p}`, `${x/p/r}`, `${x//p/r}`; single quotes (literal),
 * double quotes (expanding), the escape character (`\` or `` ` ``). Quirks kept on purpose:
 * `$$` is not an escape (it is the unset special parameter `$`), `$1`, `$@`, `$#`... expand to
 * nothing, `$.` stays literal, and `<<` keeps the blanks after it in its word.
 *
 * Variable lookups are case-sensitive (BuildKit on Unix). Nothing here throws.
 */
import { goQuote } from "../go-quote.ts";
import { ShellWordScanner, tooLongMessage, type EnvLookup, type LexSettings } from "./shell-word.ts";
import { WordCollector } from "./words.ts";

/** The switches of a BuildKit `shell.Lex`. */
export interface ShellLexOptions {
  /** The escape character; `\` unless the Dockerfile says `# escape=`` ` ``. */
  escape?: "\\" | "`";
  /** Keep quote characters in the output (BuildKit `RawQuotes`). */
  rawQuotes?: boolean;
  /** Keep escape characters in the output (BuildKit `RawEscapes`). */
  rawEscapes?: boolean;
  /** Leave `$x`/`${x...}` of unset variables as written (BuildKit `SkipUnsetEnv`). */
  skipUnsetEnv?: boolean;
  /** Treat quotes as ordinary characters (BuildKit `SkipProcessQuotes`, used for heredoc bodies). */
  skipProcessQuotes?: boolean;
}

/** Variables visible to the expansion. */
export type Env = ReadonlyMap<string, string> | Readonly<Record<string, string>>;

/**
 * The outcome of an expansion. `matched` holds the names that were looked up and found,
 * `unmatched` those looked up and not set (BuildKit's `ProcessWordWithMatches`), which is
 * what the UndefinedVar and UndefinedArgInFrom checks need. `error` is BuildKit's message,
 * e.g. `failed to process "${}": syntax error: bad substitution`.
 */
export type ShellResult<T> =
  | { ok: true; value: T; matched: ReadonlySet<string>; unmatched: ReadonlySet<string> }
  | { ok: false; error: string };

const hasOwn = Object.prototype.hasOwnProperty;

function toLookup(env: Env): EnvLookup {
  if (typeof (env as { get?: unknown }).get === "function") {
    const map = env as ReadonlyMap<string, string>;
    return (name) => (map.has(name) ? map.get(name) : undefined);
  }
  const record = env as Readonly<Record<string, string>>;
  return (name) => (hasOwn.call(record, name) ? record[name] : undefined);
}

function toSettings(options: ShellLexOptions | undefined): LexSettings {
  return {
    escape: options?.escape === "`" ? 0x60 : 0x5c,
    rawQuotes: options?.rawQuotes === true,
    rawEscapes: options?.rawEscapes === true,
    skipUnsetEnv: options?.skipUnsetEnv === true,
    skipProcessQuotes: options?.skipProcessQuotes === true,
  };
}

function run<T>(
  word: string,
  env: Env,
  options: ShellLexOptions | undefined,
  expand: (scanner: ShellWordScanner) => T | null,
): ShellResult<T> {
  let scanner: ShellWordScanner;
  let value: T | null;
  try {
    scanner = new ShellWordScanner(word, toSettings(options), toLookup(env));
    value = expand(scanner);
  } catch (error) {
    // Only a JavaScript limit gets here: thousands of nested `${...}` exhaust the stack (Go's
    // growable stacks would have coped), or a string passes the engine's maximum length (every
    // expansion is capped well below it, so this is a backstop). Say plainly which one it was.
    const detail = error instanceof RangeError && /string length/i.test(error.message) ? tooLongMessage : "expression nested too deeply";
    return { ok: false, error: `failed to process ${goQuote(word)}: ${detail}` };
  }
  if (value === null) {
    return { ok: false, error: `failed to process ${goQuote(word)}: ${scanner.error ?? "error"}` };
  }
  return { ok: true, value, matched: scanner.matched, unmatched: scanner.unmatched };
}

/**
 * Expand the variables in `word` and remove its quotes and escapes, keeping its spacing
 * (BuildKit `ProcessWord`).
 *
 * @example
 * processWord("${NAME:-app}-$VERSION", { VERSION: "1.2" })
 * // → { ok: true, value: "app-1.2", matched: {"VERSION"}, unmatched: {"NAME"} }
 */
export function processWord(
  word: string,
  env: Env,
  options?: ShellLexOptions,
): ShellResult<string> {
  return run(word, env, options, (scanner) => scanner.run(null));
}

/**
 * Expand `word` and split it into words on whitespace outside quotes; whitespace that
 * comes from an unquoted variable's value splits too (BuildKit `ProcessWords`).
 *
 * @example
 * processWords(`a "b c" $X`, { X: "d e" })  // → { ok: true, value: ["a", "b c", "d", "e"], ... }
 */
export function processWords(
  word: string,
  env: Env,
  options?: ShellLexOptions,
): ShellResult<string[]> {
  return run(word, env, options, (scanner) => {
    const words = new WordCollector();
    return scanner.run(words) === null ? null : words.finish();
  });
}
