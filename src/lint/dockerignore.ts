/**
 * `.dockerignore` as BuildKit reads it (moby's `ignorefile` and `patternmatcher`): one pattern a
 * line, `#` comments, `!` re-includes, `*` and `?` within one path segment, `**` across
 * segments, and a pattern that matches a parent directory excluding everything under it.
 */

interface IgnorePattern {
  /** As written after cleaning, without `!` (for quick fixes that look for `.git`). */
  readonly text: string;
  readonly exclusion: boolean;
  readonly regex: RegExp;
}

export interface IgnoreMatcher {
  readonly patterns: readonly IgnorePattern[];
  /** Whether any pattern starts with `!`. */
  readonly hasExclusions: boolean;
  /** Whether `path` (cleaned, relative to the context) is left out of the build context. */
  matches(path: string): boolean;
}

/** Go's `path.Clean`. */
export function cleanPath(path: string): string {
  if (path === "") return ".";
  const rooted = path.startsWith("/");
  const out: string[] = [];
  for (const part of path.split("/")) {
    if (part === "" || part === ".") continue;
    if (part === "..") {
      if (out.length > 0 && out[out.length - 1] !== "..") out.pop();
      else if (!rooted) out.push("..");
      continue;
    }
    out.push(part);
  }
  const joined = out.join("/");
  if (rooted) return `/${joined}`;
  return joined === "" ? "." : joined;
}

function escapeRegex(c: string): string {
  return /[.+^${}()|\\]/.test(c) ? `\\${c}` : c;
}

/** A pattern as a regular expression over slash-separated paths. */
function compile(pattern: string): RegExp {
  let re = "^";
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i]!;
    if (c === "*") {
      if (pattern[i + 1] === "*") {
        i++;
        if (pattern[i + 1] === "/") i++;
        re += i + 1 >= pattern.length ? ".*" : "(.*/)?";
      } else re += "[^/]*";
    } else if (c === "?") re += "[^/]";
    else if (c === "\\" && i + 1 < pattern.length) {
      i++;
      re += escapeRegex(pattern[i]!);
    } else if (c === "[") {
      const close = pattern.indexOf("]", i + 1);
      if (close < 0) re += "\\[";
      else {
        re += `[${pattern.slice(i + 1, close).replace(/^!/, "^")}]`;
        i = close;
      }
    } else re += escapeRegex(c);
  }
  try {
    return new RegExp(`${re}$`);
  } catch {
    return /(?!)/;
  }
}

/**
 * Read a `.dockerignore` text.
 *
 * @example
 * parseDockerignore("node_modules\n!node_modules/keep\n").matches("node_modules/x") // true
 */
export function parseDockerignore(text: string): IgnoreMatcher {
  const patterns: IgnorePattern[] = [];
  for (const raw of text.replace(/^\uFEFF/, "").split(/\r?\n/)) {
    if (raw.startsWith("#")) continue;
    let line = raw.trim();
    if (line === "") continue;
    const exclusion = line.startsWith("!");
    if (exclusion) line = line.slice(1).trim();
    if (line === "") continue;
    let cleaned = cleanPath(line);
    if (cleaned.length > 1 && cleaned.startsWith("/")) cleaned = cleaned.slice(1);
    patterns.push({ text: cleaned, exclusion, regex: compile(cleaned) });
  }
  const matches = (path: string): boolean => {
    const parents = path.split("/").slice(0, -1);
    let matched = false;
    for (const pattern of patterns) {
      if (pattern.exclusion !== matched) continue;
      let hit = pattern.regex.test(path);
      for (let i = 1; !hit && i <= parents.length; i++) hit = pattern.regex.test(parents.slice(0, i).join("/"));
      if (hit) matched = !pattern.exclusion;
    }
    return matched;
  };
  return { patterns, hasExclusions: patterns.some((p) => p.exclusion), matches };
}
