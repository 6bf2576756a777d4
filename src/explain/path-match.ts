/**
 * Build-context path matching as BuildKit does it: Go `filepath.Match` globs (`*`, `?`, `[…]`)
 * per path segment, `**` across segments, a pattern naming a directory matching everything in
 * it, and `.dockerignore` rules where the last matching line (with `!` exceptions) wins.
 */

/** A context path in one form: no leading `./` or `/`, no `.` segments, no trailing `/`. */
export function normalizeContextPath(path: string): string {
  const out: string[] = [];
  for (const part of path.replace(/\\/g, "/").split("/")) {
    if (part === "" || part === ".") continue;
    if (part === "..") out.pop();
    else out.push(part);
  }
  return out.join("/");
}

const cache = new Map<string, RegExp>();

/** A glob of one or more segments as a regular expression over a whole path. */
function globToRegExp(glob: string): RegExp {
  const hit = cache.get(glob);
  if (hit !== undefined) return hit;
  let re = "";
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i] ?? "";
    if (c === "*") {
      if (glob[i + 1] === "*") {
        // `**/` matches zero or more whole segments; a trailing `**` matches everything.
        if (glob[i + 2] === "/") {
          re += "(?:[^/]*/)*";
          i += 2;
        } else {
          re += ".*";
          i += 1;
        }
      } else re += "[^/]*";
    } else if (c === "?") re += "[^/]";
    else if (c === "[") {
      const close = glob.indexOf("]", i + 1);
      if (close < 0) re += "\\[";
      else {
        const body = glob.slice(i + 1, close).replace(/^\^/, "!");
        re += `[${body.startsWith("!") ? `^${body.slice(1)}` : body}]`;
        i = close;
      }
    } else if (c === "\\" && i + 1 < glob.length) {
      re += `\\${glob[i + 1] ?? ""}`;
      i++;
    } else re += /[.+^${}()|\]\\]/.test(c) ? `\\${c}` : c;
  }
  const compiled = new RegExp(`^${re}$`);
  cache.set(glob, compiled);
  return compiled;
}

/**
 * Whether a COPY/ADD source pattern takes in `path` (both relative to the context root): the
 * pattern matches the path itself or one of its parent directories. `.` takes in everything.
 */
export function sourceMatches(pattern: string, path: string): boolean {
  const p = normalizeContextPath(pattern.replace(/\$\{?\w+\}?/g, "*"));
  const target = normalizeContextPath(path);
  if (p === "") return true;
  const re = globToRegExp(p);
  const parts = target.split("/");
  for (let n = parts.length; n >= 1; n--) if (re.test(parts.slice(0, n).join("/"))) return true;
  return false;
}

export interface IgnoreRule {
  readonly pattern: string;
  readonly negate: boolean;
}

/** The rules of a `.dockerignore`: comments and blank lines dropped, `!` exceptions kept in order. */
export function parseDockerignore(text: string): IgnoreRule[] {
  const rules: IgnoreRule[] = [];
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    if (line === "" || line.startsWith("#")) continue;
    const negate = line.startsWith("!");
    const pattern = normalizeContextPath((negate ? line.slice(1) : line).trim());
    if (pattern !== "") rules.push({ pattern, negate });
  }
  return rules;
}

/** Whether `.dockerignore` keeps `path` out of the build context: the last rule matching it (or a parent) decides. */
export function isIgnored(rules: readonly IgnoreRule[], path: string): boolean {
  let ignored = false;
  for (const rule of rules) if (sourceMatches(rule.pattern, path)) ignored = !rule.negate;
  return ignored;
}
