/**
 * The one door from the model to BuildKit's shell lexer (`src/syntax/shell/lex.ts`): every
 * variable expansion the model and the graph do goes through here, never through a second
 * expander.
 */
import { processWord } from "../syntax/shell/lex.ts";
import type { Env } from "../syntax/shell/lex.ts";

export type { Env } from "../syntax/shell/lex.ts";

export type Expansion =
  | { readonly ok: true; readonly value: string; readonly matched: ReadonlySet<string>; readonly unmatched: ReadonlySet<string> }
  | { readonly ok: false; readonly error: string };

const emptyEnv: Env = new Map<string, string>();
const none: ReadonlySet<string> = new Set<string>();

export interface ExpandOptions {
  readonly escape: "\\" | "`";
  /** Leave variables that are not in `env` as written, for values the model cannot know (a base image's ENV). */
  readonly keepUnset?: boolean;
}

/**
 * Expand `word` as BuildKit's `ProcessWordWithMatches` does: variables replaced, quotes and
 * escapes removed.
 *
 * @example
 * expandWord("base-${TARGETARCH}", new Map([["TARGETARCH", "amd64"]]), { escape: "\\" })
 * // → { ok: true, value: "base-amd64", matched: {"TARGETARCH"}, unmatched: {} }
 */
export function expandWord(word: string, env: Env, options: ExpandOptions): Expansion {
  if (isPlain(word, options.escape)) return { ok: true, value: word, matched: none, unmatched: none };
  const result = processWord(word, env, {
    escape: options.escape,
    skipUnsetEnv: options.keepUnset === true,
  });
  return result.ok
    ? { ok: true, value: result.value, matched: result.matched, unmatched: result.unmatched }
    : { ok: false, error: result.error };
}

/**
 * The lexer only acts on `$`, quotes and the escape character; a word without them comes back
 * unchanged. Checking that first keeps the common case (plain paths, plain tags) off the lexer,
 * which matters on every keystroke.
 */
function isPlain(word: string, escape: "\\" | "`"): boolean {
  for (let i = 0; i < word.length; i++) {
    const c = word.charCodeAt(i);
    if (c === 0x24 || c === 0x22 || c === 0x27 || c === 0x5c || c === 0x60) {
      if (c === 0x5c && escape === "`") continue;
      if (c === 0x60 && escape === "\\") continue;
      return false;
    }
  }
  return true;
}

/** Whether BuildKit's lexer would change `word` with no variables set: any `$`, quote or escape in it. */
export function changesUnderExpansion(word: string, escape: "\\" | "`"): boolean {
  if (isPlain(word, escape)) return false;
  const result = processWord(word, emptyEnv, { escape });
  return !result.ok || result.value !== word;
}
