import { buildkitRule, onInstruction } from "../define.ts";
import { foldStages } from "../stage-fold.ts";
import { expandWord } from "../../model/expand.ts";
import { suggestName } from "../../model/suggest.ts";
import type { TextPart, TypedInstruction } from "../../model/types.ts";
import type { LintContext, RuleReport } from "../types.ts";

/** BuildKit's automatic platform ARGs are never reported (its `nonEnvArgs`). */
const automatic = new Set([
  "BUILDPLATFORM", "BUILDOS", "BUILDOSVERSION", "BUILDARCH", "BUILDVARIANT",
  "TARGETPLATFORM", "TARGETOS", "TARGETOSVERSION", "TARGETARCH", "TARGETVARIANT", "TARGETSTAGE",
]);

interface Vars {
  /** Variables with a value: ENV, ARG with a value (the expansion's environment). */
  readonly env: Map<string, string>;
  /** Every ARG the stage declared, with or without a value. */
  readonly declared: Set<string>;
}

/** The words BuildKit expands for an instruction (the commands that support word expansion; not RUN, CMD, ENTRYPOINT). */
function expandedWords(i: TypedInstruction): TextPart[] {
  const flag = (f: { value: string; node: { valueRange: { start: number; end: number } | null; range: { start: number; end: number } } } | null) =>
    f === null ? [] : [{ value: f.value, range: f.node.valueRange ?? f.node.range }];
  switch (i.kind) {
    case "copy":
      return [...i.sources, ...(i.dest === null ? [] : [i.dest]), ...flag(i.chown), ...flag(i.chmod)];
    case "add":
      return [...i.sources, ...(i.dest === null ? [] : [i.dest]), ...flag(i.chown), ...flag(i.chmod), ...flag(i.checksum)];
    case "env":
    case "label":
      return i.pairs.flatMap((p) => [p.key, p.value]);
    case "workdir":
    case "user":
    case "stopsignal":
      return i.value === null ? [] : [i.value];
    case "expose":
    case "volume":
      return i.items.slice();
    default:
      return [];
  }
}

function expandOrNull(ctx: LintContext, word: string, env: ReadonlyMap<string, string>): string | null {
  const r = expandWord(word, env, { escape: ctx.escape });
  return r.ok ? r.value : null;
}

/** Apply ARG and ENV to the variables, as BuildKit's dispatch does. */
function update(ctx: LintContext, vars: Vars, i: TypedInstruction): void {
  if (i.kind === "arg") {
    for (const d of i.declarations) {
      const key = d.name.value;
      vars.declared.add(key);
      let value: string | null;
      if (Object.prototype.hasOwnProperty.call(ctx.buildArgs, key)) value = ctx.buildArgs[key] ?? null;
      else if (d.defaultValue !== null) value = expandOrNull(ctx, d.defaultValue.value, vars.env);
      else value = ctx.globalScope.env.get(key) ?? null;
      if (value !== null) vars.env.set(key, value);
    }
  } else if (i.kind === "env") {
    const updates = i.pairs.map((p) => [expandOrNull(ctx, p.key.value, vars.env), expandOrNull(ctx, p.value.value, vars.env)] as const);
    for (const [k, v] of updates) if (k !== null && v !== null) vars.env.set(k, v);
  }
}

export const undefinedVar = buildkitRule({
  id: "UndefinedVar",
  summary: "Variables should be defined before their use",
  docsSlug: "undefined-var",
  why: "An undefined variable expands to an empty string without an error, so a typo changes paths and commands silently.",
  howToFix: "Declare it with ARG or ENV before its use, or fix the name.",
  *check(ctx) {
    const reports: RuleReport[] = [];
    foldStages<Vars>(
      ctx,
      // BuildKit always sets PATH; an image's own ENV is not known here.
      () => ({ env: new Map([["PATH", "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"]]), declared: new Set() }),
      (v) => ({ env: new Map(v.env), declared: new Set(v.declared) }),
      (vars, instruction, stage) => {
        const words = instruction.kind === "arg" ? instruction.declarations.flatMap((d) => (d.defaultValue === null ? [] : [d.defaultValue])) : expandedWords(instruction);
        const reported = new Set<string>();
        for (const word of words) {
          const r = expandWord(word.value, vars.env, { escape: ctx.escape });
          if (!r.ok) continue;
          for (const name of r.unmatched) {
            if (reported.has(name) || vars.declared.has(name) || automatic.has(name)) continue;
            reported.add(name);
            const suggestion = suggestName(name, [...vars.env.keys()], true);
            const message = `Usage of undefined variable '$${name}'${suggestion === null ? "" : ` (did you mean $${suggestion}?)`}`;
            reports.push(onInstruction(instruction.node, stage, message, word.range));
          }
        }
        // An ARG's own default is checked before the ARG declares it.
        update(ctx, vars, instruction);
        return vars;
      },
    );
    yield* reports;
  },
});
