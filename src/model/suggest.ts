/**
 * BuildKit's "did you mean" (`util/suggest`): the option nearest to a misspelt value by
 * Levenshtein distance, if it is closer than 3 edits.
 */

function levenshtein(a: readonly string[], b: readonly string[]): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const substitution = (previous[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1);
      current[j] = Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, substitution);
    }
    previous = current;
  }
  return previous[b.length] ?? 0;
}

function matchCase(option: string, original: string): string {
  if (original === original.toLowerCase()) return option.toLowerCase();
  if (original === original.toUpperCase()) return option.toUpperCase();
  return option;
}

/**
 * The suggestion for `value` among `options`, or null. An exact match means the value was not
 * the problem, so there is no suggestion. Ties go to the first option, as in BuildKit.
 *
 * @example
 * suggestName("FNTRYPOINT", ["entrypoint", "env"], false) // → "ENTRYPOINT"
 */
export function suggestName(value: string, options: readonly string[], caseSensitive: boolean): string | null {
  const wanted = caseSensitive ? value : value.toLowerCase();
  const wantedChars = [...wanted];
  let match: string | null = null;
  let best = 3;
  for (const raw of options) {
    const option = caseSensitive ? raw : raw.toLowerCase();
    if (option === wanted) return null;
    const distance = levenshtein(wantedChars, [...option]);
    if (distance < best) {
      best = distance;
      match = caseSensitive ? option : matchCase(option, value);
    }
  }
  return match;
}

/** `message (did you mean x?)` when there is a suggestion. */
export function withSuggestion(message: string, value: string, options: readonly string[], caseSensitive: boolean): string {
  const match = suggestName(value, options, caseSensitive);
  return match === null ? message : `${message} (did you mean ${match}?)`;
}
