/** The quick fix that turns `ARG TOKEN` plus `RUN … $TOKEN` into a secret mount the image never keeps. */
import type { ArgDeclaration, ArgInstruction } from "../model/types.ts";
import { insertAt } from "./fixes.ts";
import type { LintContext, QuickFix } from "./types.ts";

function usesVariable(text: string, name: string): boolean {
  return new RegExp(`\\$(?:${name}\\b|\\{${name}(?:[:}#%/?+-]))`).test(text);
}

/**
 * Remove the ARG and give every RUN of the stage that reads the variable a
 * `--mount=type=secret,id=<name>,env=<NAME>`: the value is then passed with
 * `docker build --secret id=<name>,env=<NAME>` and never lands in a layer or the history.
 */
export function secretArgFix(ctx: LintContext, arg: ArgInstruction, declaration: ArgDeclaration, stage: number): QuickFix | null {
  if (arg.declarations.length !== 1) return null;
  const name = declaration.name.value;
  const instructions = ctx.model.stages[stage]?.instructions ?? [];
  const after = instructions.slice(instructions.indexOf(arg) + 1);
  const runs = after.filter((i) => i.kind === "run" && usesVariable(ctx.source.slice(i.node.range.start, i.node.range.end), name));
  if (runs.length === 0) return null;
  const id = name.toLowerCase().replace(/_/g, "-");
  return {
    title: `Pass ${name} as a build secret (--mount=type=secret)`,
    edits: [
      { range: arg.node.range, text: "" },
      ...runs.map((run) => insertAt(run.node.keywordRange.end, ` --mount=type=secret,id=${id},env=${name}`)),
    ],
  };
}
