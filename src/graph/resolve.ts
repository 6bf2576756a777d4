/**
 * How BuildKit turns a stage reference into a stage, an image or scratch
 * (`dockerfile2llb/convert.go`: `addState`, `toCommand`, `detectRunMount`, `findStateBy*`).
 */
import { changesUnderExpansion } from "../model/expand.ts";

export type Resolution =
  | { readonly kind: "stage"; readonly index: number }
  | { readonly kind: "image"; readonly ref: string }
  | { readonly kind: "scratch" }
  | { readonly kind: "error"; readonly code: "VariableInFrom" | "InvalidStageIndex"; readonly message: string };

/** BuildKit's name for the empty image. */
export const scratch = "scratch";

/**
 * `FROM X` after expansion: the most recent *earlier* stage whose (lowercased) name equals X
 * exactly, so `FROM Builder` never matches stage `builder`; then scratch; then an image.
 *
 * @param earlier lowercased stage name → index, holding only the stages above this FROM
 */
export function resolveBaseName(expanded: string, earlier: ReadonlyMap<string, number>): Resolution {
  const index = earlier.get(expanded);
  if (index !== undefined) return { kind: "stage", index };
  return expanded === scratch ? { kind: "scratch" } : { kind: "image", ref: expanded };
}

const int64Max = 2n ** 63n - 1n;

/** Go's `strconv.Atoi` on a 64-bit platform: an optional sign and decimal digits, in range. */
function parseGoInt(value: string): number | null {
  if (!/^[+-]?\d+$/.test(value)) return null;
  const n = BigInt(value);
  if (n > int64Max || n < -int64Max - 1n) return null;
  return Number(n);
}

/**
 * `COPY --from=V`: never expanded (a `$`, quote or escape is an error); all digits is a
 * 0-based stage index; else a case-insensitive name over all stages (the last duplicate wins);
 * else scratch or an image.
 *
 * BuildKit bounds indexes by a list that also collects the images met so far; they are bounded
 * by the number of stages here, as the semantics reference asks.
 */
export function resolveCopyFrom(
  value: string,
  names: ReadonlyMap<string, number>,
  stageCount: number,
  escape: "\\" | "`",
): Resolution {
  if (changesUnderExpansion(value, escape)) {
    return {
      kind: "error",
      code: "VariableInFrom",
      message: "variable expansion is not supported for --from, define a new stage with FROM using ARG from global scope as a workaround",
    };
  }
  const index = parseGoInt(value);
  if (index !== null) {
    return index >= 0 && index < stageCount
      ? { kind: "stage", index }
      : { kind: "error", code: "InvalidStageIndex", message: `invalid stage index ${index}` };
  }
  return resolveByName(value, names);
}

/**
 * `RUN --mount from=V`: a case-insensitive name over all stages, else scratch or an image; no
 * indexes. A mount without `from` looks up `scratch`, which only matters when a stage is
 * (unwisely) named scratch: that stage is then built too.
 */
export function resolveMountFrom(value: string, names: ReadonlyMap<string, number>): Resolution {
  return resolveByName(value === "" ? scratch : value, names);
}

function resolveByName(value: string, names: ReadonlyMap<string, number>): Resolution {
  const index = names.get(value.toLowerCase());
  if (index !== undefined) return { kind: "stage", index };
  return value === scratch ? { kind: "scratch" } : { kind: "image", ref: value };
}
