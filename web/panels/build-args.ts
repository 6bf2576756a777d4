/**
 * The rows of the build-argument panel: the global ARGs the Dockerfile declares, BuildKit's
 * automatic platform ARGs, and overrides left over from an ARG that is gone.
 */
import type { StageGraph } from "../../src/index.ts";

/** BuildKit's automatic platform ARGs a user may override with `--build-arg`. */
export const PLATFORM_ARGS = [
  "TARGETPLATFORM",
  "TARGETOS",
  "TARGETARCH",
  "TARGETVARIANT",
  "BUILDPLATFORM",
  "BUILDOS",
  "BUILDARCH",
  "BUILDVARIANT",
] as const;

export interface BuildArgRow {
  /** `global`: declared before the first FROM; `platform`: automatic; `leftover`: an override of neither. */
  readonly kind: "global" | "platform" | "leftover";
  readonly name: string;
  /** The default as written (`node:${NODE_VERSION}`); null for `ARG NAME` and automatic ARGs. */
  readonly declaredDefault: string | null;
  /** What FROM lines see: the override, or the default expanded; null when the ARG has no value. */
  readonly value: string | null;
  /** The user's `--build-arg` value, or null. */
  readonly override: string | null;
  /** The line of the first declaration; null for automatic ARGs and leftovers. */
  readonly line: number | null;
}

const hasOwn = (record: object, key: string) => Object.prototype.hasOwnProperty.call(record, key);

/**
 * One row per global ARG name (ARGs before the first FROM), in order of first declaration.
 * When a name is declared twice, the last default wins, as BuildKit evaluates them in order.
 */
export function listGlobalArgs(graph: StageGraph, overrides: Readonly<Record<string, string>>): BuildArgRow[] {
  const rows = new Map<string, { declaredDefault: string | null; line: number }>();
  for (const instruction of graph.model.globalArgs) {
    for (const declaration of instruction.declarations) {
      const name = declaration.name.value;
      const known = rows.get(name);
      const declaredDefault = declaration.defaultValue?.value ?? known?.declaredDefault ?? null;
      rows.set(name, { declaredDefault, line: known?.line ?? instruction.line });
    }
  }
  return [...rows].map(([name, row]) => ({
    kind: "global" as const,
    name,
    declaredDefault: row.declaredDefault,
    value: graph.globalArgs.get(name) ?? null,
    override: hasOwn(overrides, name) ? (overrides[name] ?? null) : null,
    line: row.line,
  }));
}

/** The automatic platform ARGs the file does not declare globally itself, with their values. */
export function listPlatformArgs(graph: StageGraph, overrides: Readonly<Record<string, string>>, declared: ReadonlySet<string>): BuildArgRow[] {
  return PLATFORM_ARGS.filter((name) => !declared.has(name)).map((name) => ({
    kind: "platform" as const,
    name,
    declaredDefault: null,
    value: graph.globalArgs.get(name) ?? null,
    override: hasOwn(overrides, name) ? (overrides[name] ?? null) : null,
    line: null,
  }));
}

/** Overrides of names that are neither declared globally nor automatic (the ARG was removed or renamed). */
export function listLeftoverOverrides(overrides: Readonly<Record<string, string>>, declared: ReadonlySet<string>): BuildArgRow[] {
  const automatic = new Set<string>(PLATFORM_ARGS);
  return Object.entries(overrides)
    .filter(([name]) => !declared.has(name) && !automatic.has(name))
    .map(([name, value]) => ({ kind: "leftover" as const, name, declaredDefault: null, value, override: value, line: null }));
}
