/**
 * `RUN --mount=…` values typed as BuildKit reads them (`instructions/commands_runmount.go`).
 *
 * BuildKit reads a mount twice. While parsing, only the CSV and `from` are checked (so a bad
 * CSV or `from=$X` fails every build). While building the stage, every field is expanded and
 * checked; those errors only fail a build that includes the stage. Values holding a variable
 * are not checked here: their value is only known at build time.
 */
import type { FlagNode, TextRange } from "../syntax/types.ts";
import { readCsvRecord } from "./csv.ts";
import type { CsvField } from "./csv.ts";
import { withSuggestion } from "./suggest.ts";
import type { FailureTime, MountKind, MountOption, RunMount } from "./types.ts";

export interface MountProblem {
  readonly code: "InvalidMount" | "VariableInFrom";
  readonly message: string;
  readonly range: TextRange;
  readonly when: FailureTime;
}

export interface ReadMount {
  /** Null when the CSV itself cannot be read. */
  readonly mount: RunMount | null;
  readonly problems: readonly MountProblem[];
}

const mountKinds: readonly MountKind[] = ["bind", "cache", "tmpfs", "secret", "ssh"];
const sharingModes = ["shared", "private", "locked"] as const;
const allKeys = ["type", "from", "source", "target", "readonly", "id", "sharing", "required", "mode", "uid", "gid", "src", "dst", "ro", "rw", "readwrite"];

/** Maps offsets in the flag's value to the source, exactly when the value is written verbatim. */
function locate(source: string, flag: FlagNode): (from: number, to: number) => TextRange {
  const range = flag.valueRange ?? flag.range;
  const verbatim = flag.valueRange !== null && flag.value !== null && source.slice(range.start, range.end) === flag.value;
  return (from, to) => (verbatim ? { start: range.start + from, end: range.start + to } : range);
}

function toOption(field: CsvField, at: (from: number, to: number) => TextRange): MountOption {
  const eq = field.value.indexOf("=");
  const key = (eq < 0 ? field.value : field.value.slice(0, eq)).toLowerCase();
  const value = eq < 0 ? null : field.value.slice(eq + 1);
  const valueRange =
    value === null ? null : field.valueStart === null ? at(field.start, field.end) : at(field.valueStart + eq + 1, field.valueStart + field.value.length);
  return { key, value, range: at(field.start, field.end), valueRange };
}

const hasVariable = (value: string) => value.includes("$");

function parseBool(value: string): boolean | null {
  if (["1", "t", "T", "TRUE", "true", "True"].includes(value)) return true;
  if (["0", "f", "F", "FALSE", "false", "False"].includes(value)) return false;
  return null;
}

function isUint(value: string, radix: 8 | 10): boolean {
  const re = radix === 8 ? /^[0-7]+$/ : /^[0-9]+$/;
  return re.test(value) && Number.parseInt(value, radix) <= 0xffffffff;
}

/** docker/go-units `RAMInBytes`: a number with an optional binary unit, e.g. `64m`, `1.5GiB`. */
function isRamSize(value: string): boolean {
  return /^\s*\d+(\.\d+)?\s*([kmgtp]i?b?|b)?\s*$/i.test(value);
}

/**
 * Type one `--mount` flag.
 *
 * @example
 * readMount(source, flag) // flag `--mount=type=cache,target=/root/.cache` → { kind: "cache", … }
 */
export function readMount(source: string, flag: FlagNode): ReadMount {
  const at = locate(source, flag);
  const whole = flag.valueRange ?? flag.range;
  const csv = readCsvRecord(flag.value ?? "");
  if (!csv.ok) {
    return { mount: null, problems: [{ code: "InvalidMount", message: `failed to parse csv mounts: ${csv.error}`, range: whole, when: "parse" }] };
  }
  const options = csv.fields.map((f) => toOption(f, at));
  const problems: MountProblem[] = [];
  const fail = (message: string, range: TextRange, when: FailureTime = "build", code: MountProblem["code"] = "InvalidMount") =>
    problems.push({ code, message, range, when });

  let type = "bind";
  let readOnly: boolean | null = null;
  let required = false;
  let sharing: (typeof sharingModes)[number] | null = null;
  const last = new Map<string, MountOption>();
  options.forEach((option, index) => {
    const field = csv.fields[index]?.value ?? "";
    const { key, value } = option;
    if (key === "from" && value !== null && /\$./.test(value)) {
      fail("'from' doesn't support variable expansion, define alias stage instead", option.range, "parse", "VariableInFrom");
    }
    if (value === null) {
      if (key === "readonly" || key === "ro") readOnly = true;
      else if (key === "readwrite" || key === "rw") readOnly = false;
      else if (key === "required" && (type === "secret" || type === "ssh")) required = true;
      else if (key === "required") fail(`unexpected key '${key}' for mount type '${type}'`, option.range);
      else fail(`invalid field '${field}' must be a key=value pair`, option.range);
      return;
    }
    const canCheck = !hasVariable(value);
    const valueRange = option.valueRange ?? option.range;
    switch (key) {
      case "type":
        type = value.toLowerCase();
        if (canCheck && !(mountKinds as readonly string[]).includes(type)) {
          fail(withSuggestion(`unsupported mount type "${value}"`, value, mountKinds, true), valueRange);
        }
        break;
      case "from":
      case "id":
      case "env":
        last.set(key, option);
        break;
      case "source":
      case "src":
        last.set("source", option);
        break;
      case "target":
      case "dst":
      case "destination":
        last.set("target", option);
        break;
      case "readonly":
      case "ro":
      case "readwrite":
      case "rw": {
        const parsed = parseBool(value);
        if (parsed === null) {
          if (canCheck) fail(`invalid value for ${key}: ${value}`, valueRange);
        } else readOnly = key === "readonly" || key === "ro" ? parsed : !parsed;
        break;
      }
      case "required":
        if (type !== "secret" && type !== "ssh") fail(`unexpected key '${key}' for mount type '${type}'`, option.range);
        else if (parseBool(value) === null) {
          if (canCheck) fail(`invalid value for ${key}: ${value}`, valueRange);
        } else required = parseBool(value) === true;
        break;
      case "size":
        if (type !== "tmpfs") fail(`unexpected key '${key}' for mount type '${type}'`, option.range);
        else if (canCheck && !isRamSize(value)) fail(`invalid value for ${key}: ${value}`, valueRange);
        last.set("size", option);
        break;
      case "sharing": {
        const mode = value.toLowerCase();
        if ((sharingModes as readonly string[]).includes(mode)) sharing = mode as (typeof sharingModes)[number];
        else if (canCheck) fail(withSuggestion(`unsupported sharing value "${value}"`, value, sharingModes, true), valueRange);
        last.set("sharing", option);
        break;
      }
      case "mode":
      case "uid":
      case "gid":
        if (canCheck && !isUint(value, key === "mode" ? 8 : 10)) fail(`invalid value ${value} for ${key}`, valueRange);
        last.set(key, option);
        break;
      default:
        fail(withSuggestion(`unexpected key '${key}' in '${field}'`, key, allKeys, true), option.range);
    }
  });

  const get = (key: string) => last.get(key) ?? null;
  const target = get("target");
  const fileInfoAllowed = type === "secret" || type === "ssh" || type === "cache";
  if (!fileInfoAllowed) {
    for (const key of ["mode", "uid", "gid"]) {
      const option = get(key);
      if (option !== null) fail(`${key} not allowed for "${type}" type mounts`, option.range);
    }
  }
  const sharingOption = get("sharing");
  if (type === "secret") {
    const from = get("from");
    if (from !== null && from.value !== "") fail("secret mount should not have a from", from.range);
    if (sharingOption !== null) fail("secret mount should not define sharing", sharingOption.range);
    const src = get("source")?.value ?? "";
    const id = get("id")?.value ?? "";
    if (src === "" && (target?.value ?? "") === "" && id === "") fail("invalid secret mount. one of source, target required", whole);
    if (src !== "" && id !== "") fail("both source and id can't be set", whole);
  } else if (sharingOption !== null && type !== "cache") {
    fail(`invalid cache sharing set for ${type} mount`, sharingOption.range);
  }

  // Object literals with every property written out: spreading a shared base here made V8 build
  // each mount property by property, which cost more than reading the whole mount.
  let mount: RunMount;
  switch (type) {
    case "bind":
      mount = { kind: "bind", flag, options, target, source: get("source"), from: get("from"), readOnly: readOnly ?? true };
      break;
    case "cache":
      mount = {
        kind: "cache",
        flag,
        options,
        target,
        id: get("id"),
        source: get("source"),
        from: get("from"),
        sharing: sharing ?? "shared",
        readOnly: readOnly ?? false,
        mode: get("mode"),
        uid: get("uid"),
        gid: get("gid"),
      };
      break;
    case "tmpfs":
      mount = { kind: "tmpfs", flag, options, target, size: get("size") };
      break;
    case "secret":
      mount = {
        kind: "secret",
        flag,
        options,
        target,
        id: get("id"),
        source: get("source"),
        env: get("env"),
        required,
        mode: get("mode"),
        uid: get("uid"),
        gid: get("gid"),
      };
      break;
    case "ssh":
      mount = { kind: "ssh", flag, options, target, id: get("id"), required, mode: get("mode"), uid: get("uid"), gid: get("gid") };
      break;
    default:
      mount = { kind: "other", flag, options, target, type, from: get("from") };
  }
  return { mount, problems };
}

/** The `from=` of a mount, whatever its type (BuildKit looks it up before it knows the type). */
export function mountFrom(mount: RunMount): MountOption | null {
  switch (mount.kind) {
    case "bind":
    case "cache":
    case "other":
      return mount.from;
    default:
      return mount.options.filter((o) => o.key === "from" && o.value !== null).pop() ?? null;
  }
}
