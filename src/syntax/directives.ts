/**
 * Parser directives (`# syntax=`, `# escape=`, `# check=`), read only at the top of the file
 * exactly as BuildKit's `possibleParserDirective` does: the first line that is not a known
 * directive ends the scan for good.
 */

// Go's `\s` is [\t\n\f\r ]; `.` matches everything but `\n`.
const RE_DIRECTIVE = /^#[\t\n\f\r ]*([a-zA-Z][a-zA-Z0-9]*)[\t\n\f\r ]*=[\t\n\f\r ]*(.+?)[\t\n\f\r ]*$/ds;
const KNOWN = new Set(["syntax", "escape", "check"]);

export interface DirectiveMatch {
  readonly key: string;
  readonly value: string;
  readonly keyStart: number;
  readonly keyEnd: number;
  readonly valueStart: number;
  readonly valueEnd: number;
  /** BuildKit's error for this directive (repeated, invalid escape), or null. */
  readonly error: string | null;
}

export class DirectiveScanner {
  private done = false;
  private readonly seen = new Set<string>();

  get finished(): boolean {
    return this.done;
  }

  /**
   * Looks at one line (newline and leading blanks already removed; `offset` is where `line`
   * starts in the source). Returns the directive it holds, or null (and the scan ends).
   */
  scan(line: string, offset: number): DirectiveMatch | null {
    if (this.done) return null;
    const m = RE_DIRECTIVE.exec(line);
    const key = m?.[1]?.toLowerCase();
    if (!m || !key || !KNOWN.has(key)) {
      this.done = true;
      return null;
    }
    const value = m[2] ?? "";
    const [ks, ke] = m.indices![1]!;
    const [vs, ve] = m.indices![2]!;
    let error: string | null = null;
    if (this.seen.has(key)) error = `only one ${key} parser directive can be used`;
    else if (key === "escape" && value !== "`" && value !== "\\") {
      error = `invalid escape token '${value}' does not match \` or \\`;
    }
    this.seen.add(key);
    return { key, value, keyStart: offset + ks, keyEnd: offset + ke, valueStart: offset + vs, valueEnd: offset + ve, error };
  }
}
