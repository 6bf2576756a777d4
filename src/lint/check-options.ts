/**
 * BuildKit's check configuration: `# check=skip=A,B;error=true;experimental=C` (the parser
 * directive, or the `BUILDKIT_DOCKERFILE_CHECK` build argument, which then replaces it), and
 * the same in the comments right above one instruction, whose `skip` and `experimental` add to
 * the file's for that instruction only. Read from BuildKit's `ParseLintOptions`.
 */

export interface CheckConfig {
  readonly skipAll: boolean;
  readonly skip: ReadonlySet<string>;
  readonly experimentalAll: boolean;
  readonly experimental: ReadonlySet<string>;
  readonly error: boolean;
}

export const defaultCheckConfig: CheckConfig = {
  skipAll: false,
  skip: new Set(),
  experimentalAll: false,
  experimental: new Set(),
  error: false,
};

export type CheckParse = { readonly ok: true; readonly config: CheckConfig } | { readonly ok: false; readonly error: string };

const trueWords = new Set(["1", "t", "T", "TRUE", "true", "True"]);
const falseWords = new Set(["0", "f", "F", "FALSE", "false", "False"]);

/** Go's `strings.SplitN(s, sep, n)`. */
function splitN(s: string, sep: string, n: number): string[] {
  const parts = s.split(sep);
  return parts.length <= n ? parts : [...parts.slice(0, n - 1), parts.slice(n - 1).join(sep)];
}

function nameList(value: string): Set<string> {
  return new Set(value.split(",").map((name) => name.trim()));
}

/**
 * Parse a check option string as BuildKit does.
 *
 * @example
 * parseCheckOptions("skip=JSONArgsRecommended;error=true") // { ok: true, config: { skip: {JSONArgsRecommended}, error: true, … } }
 */
export function parseCheckOptions(text: string): CheckParse {
  const trimmed = text.trim();
  if (trimmed === "") return { ok: true, config: defaultCheckConfig };
  let skipAll = false;
  let skip = new Set<string>();
  let experimentalAll = false;
  let experimental = new Set<string>();
  let error = false;
  for (const part of splitN(trimmed, ";", 3)) {
    const eq = part.indexOf("=");
    if (eq < 0) return { ok: false, error: `invalid check option "${part}"` };
    const key = part.slice(0, eq).trim();
    const value = part.slice(eq + 1).trim();
    switch (key) {
      case "skip":
        if (value === "all") skipAll = true;
        else skip = nameList(value);
        break;
      case "experimental":
        if (value === "all") experimentalAll = true;
        else experimental = nameList(value);
        break;
      case "error":
        if (trueWords.has(value)) error = true;
        else if (falseWords.has(value)) error = false;
        else return { ok: false, error: `failed to parse check option "${part}": strconv.ParseBool: parsing "${value}": invalid syntax` };
        break;
      default:
        return { ok: false, error: `invalid check option "${key}"` };
    }
  }
  return { ok: true, config: { skipAll, skip, experimentalAll, experimental, error } };
}

/** The value a `check=` comment or directive carries: the text up to the first space. */
export function firstWord(value: string): string {
  const space = value.search(/\s/);
  return space < 0 ? value : value.slice(0, space);
}

const commentCheck = /^check\s*=\s*(.+?)\s*$/i;

/** The file's config merged with the first `check=` comment above an instruction that parses. */
export function mergeCommentConfig(file: CheckConfig, comments: readonly string[]): CheckConfig {
  for (const comment of comments) {
    const match = commentCheck.exec(comment);
    if (match === null) continue;
    const parsed = parseCheckOptions(firstWord(match[1] ?? ""));
    if (!parsed.ok) continue;
    const local = parsed.config;
    return {
      skipAll: file.skipAll || local.skipAll,
      skip: new Set([...file.skip, ...local.skip]),
      experimentalAll: file.experimentalAll || local.experimentalAll,
      experimental: new Set([...file.experimental, ...local.experimental]),
      error: file.error,
    };
  }
  return file;
}

/** Whether BuildKit's `Linter.Run` lets a check fire under `config`. */
export function checkEnabled(config: CheckConfig, rule: string, experimental: boolean): boolean {
  if (experimental) return config.experimentalAll || config.experimental.has(rule);
  return !config.skipAll && !config.skip.has(rule);
}

const hadolintIgnore = /^hadolint\s+ignore\s*=\s*(.+)$/;
const hadolintGlobalIgnore = /^hadolint\s+global\s+ignore\s*=\s*(.+)$/;

/** Rule ids named by `# hadolint ignore=DL3008,DL3009` comments (or `global ignore`, with `global`). */
export function hadolintIgnores(comments: readonly string[], global: boolean): Set<string> {
  const ids = new Set<string>();
  for (const comment of comments) {
    const match = (global ? hadolintGlobalIgnore : hadolintIgnore).exec(comment.trim());
    if (match === null) continue;
    for (const id of (match[1] ?? "").split(",")) ids.add(id.trim().split(/\s/)[0] ?? "");
  }
  return ids;
}
