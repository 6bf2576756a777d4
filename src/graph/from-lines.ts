/**
 * FROM lines as BuildKit's `buildDispatchStates` reads them: the base name and `--platform`
 * expanded with the global ARGs, then matched against the stages above, with the errors that
 * stop a build. The checks BuildKit runs there (UndefinedArgInFrom, InvalidDefaultArgInFrom) are
 * lint rules (`src/lint/rules/`).
 */
import { goQuote } from "../syntax/go-quote.ts";
import type { TextRange } from "../syntax/types.ts";
import type { GlobalArgScope } from "../model/args.ts";
import type { DiagnosticList } from "../model/diagnostics.ts";
import { expandWord } from "../model/expand.ts";
import { checkImageReference } from "../model/image-reference.ts";
import { suggestName } from "../model/suggest.ts";
import type { Stage, TextPart } from "../model/types.ts";
import { resolveBaseName } from "./resolve.ts";
import type { StageBase } from "./types.ts";

export interface ResolvedFrom {
  readonly base: StageBase;
  readonly platform: string | null;
  /** False when BuildKit cannot use the base (expansion failed, blank, or not an image reference). */
  readonly valid: boolean;
  /** The image word, where an edge for the base points. */
  readonly range: TextRange;
}

/** BuildKit adds "did you mean" for a misspelt ARG to errors about the expanded value. */
function undeclaredHint(unmatched: ReadonlySet<string>, scope: GlobalArgScope): string {
  const known = [...new Set([...scope.declared, ...scope.env.keys()])].sort();
  for (const name of [...unmatched].sort()) {
    if (scope.declared.has(name) || scope.env.has(name)) continue;
    const suggestion = suggestName(name, known, true);
    if (suggestion !== null) return ` (did you mean ${suggestion}?)`;
  }
  return "";
}

const platformComponent = /^[A-Za-z0-9_.-]+$/;

/** containerd's `platforms.Parse` component check: each of os/arch/variant must be non-empty and plain. */
function checkPlatform(value: string): string | null {
  for (const part of value.split("/")) {
    if (!platformComponent.test(part)) {
      return `${goQuote(part)} is an invalid component of ${goQuote(value)}: platform specifier component must match "^[A-Za-z0-9_.-]+$": invalid argument`;
    }
  }
  return null;
}

function expandPlatform(stage: Stage, scope: GlobalArgScope, escape: "\\" | "`", diagnostics: DiagnosticList): string | null {
  const flag = stage.from.platform;
  if (flag === null) return null;
  const range = flag.node.valueRange ?? flag.node.range;
  const expanded = expandWord(flag.value, scope.env, { escape });
  if (!expanded.ok) {
    diagnostics.error("ExpansionError", `failed to process arguments for platform ${flag.value}: ${expanded.error}`, range, stage.index, "parse");
    return flag.value;
  }
  const hint = undeclaredHint(expanded.unmatched, scope);
  if (expanded.value === "") {
    diagnostics.error("InvalidPlatform", `empty platform value from expression ${flag.value}${hint}`, range, stage.index, "parse");
    return expanded.value;
  }
  const problem = checkPlatform(expanded.value);
  if (problem !== null) diagnostics.error("InvalidPlatform", `failed to parse platform ${flag.value}: ${problem}${hint}`, range, stage.index, "parse");
  return expanded.value;
}

function resolveImage(image: TextPart, stage: Stage, scope: GlobalArgScope, escape: "\\" | "`", diagnostics: DiagnosticList, earlier: ReadonlyMap<string, number>) {
  const expanded = expandWord(image.value, scope.env, { escape });
  if (!expanded.ok) {
    diagnostics.error("ExpansionError", expanded.error, image.range, stage.index, "parse");
    return { base: { kind: "image", ref: image.value, raw: image.value } as const, valid: false };
  }
  if (expanded.value === "") {
    diagnostics.error("BlankBaseName", `base name (${image.value}) should not be blank`, image.range, stage.index, "parse");
    return { base: { kind: "image", ref: "", raw: image.value } as const, valid: false };
  }
  const resolution = resolveBaseName(expanded.value, earlier);
  if (resolution.kind === "stage") return { base: { kind: "stage", index: resolution.index } as const, valid: true };
  if (resolution.kind === "scratch") return { base: { kind: "scratch" } as const, valid: true };
  const problem = checkImageReference(expanded.value);
  if (problem !== null) {
    // BuildKit parses every base reference, even of stages it will not build.
    diagnostics.error("InvalidImageReference", `failed to parse stage name ${goQuote(expanded.value)}: ${problem}`, image.range, stage.index, "parse");
  }
  return { base: { kind: "image", ref: expanded.value, raw: image.value } as const, valid: problem === null };
}

/**
 * Resolve every FROM in file order. A stage's own name is registered after its base is looked
 * up, so `FROM final AS final` refers to an earlier `final` or to an image.
 */
export function resolveFromLines(stages: readonly Stage[], scope: GlobalArgScope, escape: "\\" | "`", diagnostics: DiagnosticList): ResolvedFrom[] {
  const earlier = new Map<string, number>();
  return stages.map((stage) => {
    const image = stage.from.image;
    const platform = expandPlatform(stage, scope, escape, diagnostics);
    const resolved =
      image === null
        ? { base: { kind: "image", ref: "", raw: "" } as const, valid: false }
        : resolveImage(image, stage, scope, escape, diagnostics, earlier);
    if (stage.name !== null) earlier.set(stage.name, stage.index);
    return { base: resolved.base, valid: resolved.valid, platform, range: image?.range ?? stage.from.node.keywordRange };
  });
}
