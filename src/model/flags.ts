/**
 * Instruction flags read as BuildKit's `BFlags.Parse` reads them: the flags an instruction
 * accepts, their types, and BuildKit's messages for everything else. BuildKit stops at the
 * first bad flag; here the bad flag is reported and the good ones are still kept, so the
 * graph stays useful while the text is being typed.
 */
import type { FlagNode, TextRange } from "../syntax/types.ts";
import { withSuggestion } from "./suggest.ts";
import type { BoolFlag, StringFlag } from "./types.ts";

/** `string`: `--name=value`; `bool`: `--name[=true|false]`; `list`: a repeatable `--name=value`. */
export type FlagType = "string" | "bool" | "list";

export type FlagSpec = Readonly<Record<string, FlagType>>;

export interface FlagError {
  readonly code: "UnknownFlag" | "DuplicateFlag" | "MissingFlagValue" | "InvalidFlagValue";
  readonly message: string;
  readonly range: TextRange;
}

export interface ParsedFlags {
  readonly strings: ReadonlyMap<string, StringFlag>;
  readonly bools: ReadonlyMap<string, BoolFlag>;
  readonly lists: ReadonlyMap<string, readonly StringFlag[]>;
  /** The first error, the one BuildKit would report. */
  readonly error: FlagError | null;
}

const noFlags: ParsedFlags = { strings: new Map(), bools: new Map(), lists: new Map(), error: null };

/**
 * Check `flags` against `spec`.
 *
 * @example
 * readFlags(copyNode.flags, { from: "string", link: "bool", exclude: "list" })
 */
export function readFlags(flags: readonly FlagNode[], spec: FlagSpec): ParsedFlags {
  if (flags.length === 0) return noFlags;
  const strings = new Map<string, StringFlag>();
  const bools = new Map<string, BoolFlag>();
  const lists = new Map<string, StringFlag[]>();
  const used = new Set<string>();
  let error: FlagError | null = null;
  const fail = (e: FlagError) => {
    error ??= e;
  };
  const names = Object.keys(spec);
  for (const flag of flags) {
    const flagName = `--${flag.name}`;
    const type = Object.prototype.hasOwnProperty.call(spec, flag.name) ? spec[flag.name] : undefined;
    if (type === undefined) {
      fail({ code: "UnknownFlag", message: withSuggestion(`unknown flag: ${flagName}`, flag.name, names, true), range: flag.range });
      continue;
    }
    if (used.has(flag.name) && type !== "list") {
      fail({ code: "DuplicateFlag", message: `duplicate flag specified: ${flagName}`, range: flag.range });
      continue;
    }
    used.add(flag.name);
    if (type === "bool") {
      const value = flag.value?.toLowerCase() ?? "";
      if (flag.value === "") {
        fail({ code: "MissingFlagValue", message: `missing a value on flag: ${flagName}`, range: flag.range });
      } else if (value === "" || value === "true" || value === "false") {
        bools.set(flag.name, { value: value !== "false", node: flag });
      } else {
        fail({
          code: "InvalidFlagValue",
          message: `expecting boolean value for flag ${flagName}, not: ${flag.value ?? ""}`,
          range: flag.valueRange ?? flag.range,
        });
      }
      continue;
    }
    if (flag.value === null) {
      fail({ code: "MissingFlagValue", message: `missing a value on flag: ${flagName}`, range: flag.range });
      continue;
    }
    const typed: StringFlag = { value: flag.value, node: flag };
    if (type === "string") strings.set(flag.name, typed);
    else {
      // Appended in place: copying the list per flag made 20,000 `--mount`s quadratic.
      const list = lists.get(flag.name);
      if (list === undefined) lists.set(flag.name, [typed]);
      else list.push(typed);
    }
  }
  return { strings, bools, lists, error };
}
