/**
 * ARG scopes as BuildKit evaluates them.
 *
 * - Automatic platform ARGs (`defaultArgs`): linux/amd64 unless a build argument of the same
 *   name overrides one, declared or not.
 * - Global ARGs (`buildMetaArgs`): the ARGs before the first FROM, each default expanded with
 *   the ARGs above it; a build argument replaces the default of a declared ARG only. Only FROM
 *   lines see them.
 * - Stage variables (`dispatchArg`, `dispatchEnv`): ARG and ENV in order; a bare `ARG NAME`
 *   brings in the global value; a stage built FROM another starts with that stage's variables.
 */
import type { TextRange } from "../syntax/types.ts";
import { expandWord } from "./expand.ts";
import type { ArgInstruction, TypedInstruction } from "./types.ts";

export type BuildArgs = Readonly<Record<string, string>>;

/** The platform assumed when the user sets none (BuildKit uses the build machine's). */
export const defaultPlatform = { os: "linux", arch: "amd64", variant: "" } as const;

const hasOwn = (record: BuildArgs, key: string) => Object.prototype.hasOwnProperty.call(record, key);

/**
 * BuildKit's automatic ARGs, each overridable by a build argument of the same name.
 *
 * @example
 * automaticArgs({ TARGETARCH: "arm64" }, "final").get("TARGETARCH") // "arm64"
 */
export function automaticArgs(buildArgs: BuildArgs, targetStage: string): Map<string, string> {
  const platform = `${defaultPlatform.os}/${defaultPlatform.arch}`;
  const defaults: [string, string][] = [
    ["BUILDPLATFORM", platform],
    ["BUILDOS", defaultPlatform.os],
    ["BUILDOSVERSION", ""],
    ["BUILDARCH", defaultPlatform.arch],
    ["BUILDVARIANT", defaultPlatform.variant],
    ["TARGETPLATFORM", platform],
    ["TARGETOS", defaultPlatform.os],
    ["TARGETOSVERSION", ""],
    ["TARGETARCH", defaultPlatform.arch],
    ["TARGETVARIANT", defaultPlatform.variant],
    ["TARGETSTAGE", targetStage],
  ];
  return new Map(defaults.map(([key, value]) => [key, hasOwn(buildArgs, key) ? (buildArgs[key] ?? value) : value]));
}

export interface ArgProblem {
  readonly message: string;
  readonly range: TextRange;
}

export interface GlobalArgScope {
  /** What FROM lines expand with. */
  readonly env: ReadonlyMap<string, string>;
  /** Every global ARG name, with or without a value (UndefinedArgInFrom accepts them all). */
  readonly declared: ReadonlySet<string>;
  /** Defaults that failed to expand: BuildKit stops the build on the first. */
  readonly problems: readonly ArgProblem[];
}

/**
 * Evaluate the global ARGs on top of `base` (the automatic ARGs). With `buildArgs` null,
 * only defaults are used (BuildKit's check for InvalidDefaultArgInFrom).
 */
export function evaluateGlobalArgs(
  globalArgs: readonly ArgInstruction[],
  base: ReadonlyMap<string, string>,
  buildArgs: BuildArgs | null,
  escape: "\\" | "`",
): GlobalArgScope {
  const env = new Map(base);
  const declared = new Set<string>();
  const problems: ArgProblem[] = [];
  for (const instruction of globalArgs) {
    for (const declaration of instruction.declarations) {
      const key = declaration.name.value;
      declared.add(key);
      let value: string | null = null;
      if (buildArgs !== null && hasOwn(buildArgs, key)) value = buildArgs[key] ?? null;
      else if (declaration.defaultValue !== null) {
        const expanded = expandWord(declaration.defaultValue.value, env, { escape });
        if (expanded.ok) value = expanded.value;
        else problems.push({ message: expanded.error, range: declaration.defaultValue.range });
      }
      if (value !== null) env.set(key, value);
    }
  }
  return { env, declared, problems };
}

export interface StageVariables {
  readonly globals: ReadonlyMap<string, string>;
  readonly buildArgs: BuildArgs;
  readonly escape: "\\" | "`";
}

/** Called for an expansion that fails in a stage whatever its base image sets (see `walkStageVariables`). */
export type StageExpansionProblem = (problem: ArgProblem, instruction: TypedInstruction) => void;

/**
 * Walk a stage's instructions, keeping its ARG and ENV values up to date, and call `visit` with
 * the variables in effect before each one. Returns the variables at the end of the stage, which
 * a stage built FROM it starts with. Variables the model cannot know (from a base image's ENV)
 * are simply absent.
 *
 * A value that fails to expand is left unset, as before, and reported to `onProblem` when it
 * fails even with unknown variables left as written: a syntax error, or a value past the
 * expansion limit. A failure that hangs on an unknown variable (`${HOME:?}` from the base
 * image) could be wrong, so it is not reported.
 */
export function walkStageVariables(
  instructions: readonly TypedInstruction[],
  start: ReadonlyMap<string, string>,
  scope: StageVariables,
  visit: (instruction: TypedInstruction, env: ReadonlyMap<string, string>) => void,
  onProblem?: StageExpansionProblem,
): Map<string, string> {
  const env = new Map(start);
  const expand = (word: { readonly value: string; readonly range: TextRange }, instruction: TypedInstruction): string | null => {
    const result = expandWord(word.value, env, { escape: scope.escape });
    if (result.ok) return result.value;
    if (onProblem !== undefined) {
      const whatever = expandWord(word.value, env, { escape: scope.escape, keepUnset: true });
      if (!whatever.ok) onProblem({ message: whatever.error, range: word.range }, instruction);
    }
    return null;
  };
  for (const instruction of instructions) {
    visit(instruction, env);
    if (instruction.kind === "arg") {
      for (const declaration of instruction.declarations) {
        const key = declaration.name.value;
        let value: string | null;
        if (hasOwn(scope.buildArgs, key)) value = scope.buildArgs[key] ?? null;
        else if (declaration.defaultValue !== null) value = expand(declaration.defaultValue, instruction);
        else value = scope.globals.get(key) ?? null;
        if (value !== null) env.set(key, value);
      }
    } else if (instruction.kind === "env") {
      // Every pair is expanded with the values from before the instruction (ENV a=1 b=$a uses the old a).
      const updates = instruction.pairs.map((pair) => [expand(pair.key, instruction), expand(pair.value, instruction)] as const);
      for (const [key, value] of updates) if (key !== null && value !== null) env.set(key, value);
    }
  }
  return env;
}
