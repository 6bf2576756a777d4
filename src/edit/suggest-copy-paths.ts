/** `suggestCopyPaths`: what to copy from a stage, for the connect dialog and quick fixes. */
import type { StageBase } from "../graph/types.ts";
import type { DockerfileTree } from "../syntax/types.ts";
import { readContext } from "./context.ts";
import type { EditContext } from "./context.ts";
import { stageWorkdir, underWorkdir } from "./ecosystem.ts";

export interface CopyPathSuggestion {
  /** Paths to copy from the source, best first (may be empty when nothing is known). */
  readonly sources: readonly string[];
  /** Where to copy the first one to. */
  readonly dest: string;
}

const outputPatterns: readonly { readonly pattern: RegExp; readonly path: (m: RegExpExecArray) => string }[] = [
  { pattern: /\s(?:-o|--output)[= ]+(\/[^\s;&|]+)/, path: (m) => m[1]! },
  { pattern: /\b(?:npm run|pnpm(?: run)?|yarn(?: run)?) build\b/, path: () => "dist" },
  { pattern: /\bcargo build\b[^\n]*--release/, path: () => "target/release" },
  { pattern: /\bmvnw? [^\n]*\bpackage\b/, path: () => "target" },
  { pattern: /\bgradlew? [^\n]*\b(?:build|bootJar|assemble)\b/, path: () => "build/libs" },
];

/** The stage's WORKDIR, following FROM to its base stages. */
function workdirOf(ctx: EditContext, index: number): string | null {
  for (let i: number | null = index, hops = 0; i !== null && hops <= ctx.model.stages.length; hops++) {
    const stage = ctx.model.stages[i];
    if (stage === undefined) return null;
    const dir = stageWorkdir(stage);
    if (dir !== null) return dir;
    const base: StageBase | undefined = ctx.graph.stages[i]?.base;
    i = base?.kind === "stage" ? base.index : null;
  }
  return null;
}

/**
 * Paths worth copying from stage `source`: what other stages already copy from it, then the
 * build output its RUN lines point at (`go build -o /out/app`, `npm run build` → `<WORKDIR>/dist`,
 * `cargo build --release` → `<WORKDIR>/target/release`), then its WORKDIR. `dest` is the first
 * path again, or the target's WORKDIR when the whole working directory is copied.
 *
 * @example
 * suggestCopyPaths(tree, 0); // { sources: ["/app/dist", "/app"], dest: "/app/dist" }
 */
export function suggestCopyPaths(tree: DockerfileTree, source: number, target?: number): CopyPathSuggestion {
  const ctx = readContext(tree);
  const paths: string[] = [];
  const add = (p: string) => {
    if (p !== "" && !paths.includes(p)) paths.push(p);
  };
  for (const edge of ctx.graph.edges) {
    if (edge.kind === "copy" && edge.source.kind === "stage" && edge.source.index === source) for (const p of edge.sources ?? []) add(p);
  }
  const workdir = workdirOf(ctx, source);
  const stage = ctx.model.stages[source];
  for (const i of stage?.instructions ?? []) {
    if (i.kind !== "run") continue;
    const text = ctx.tree.source.slice(i.node.range.start, i.node.range.end);
    for (const { pattern, path } of outputPatterns) {
      const m = pattern.exec(text);
      if (m === null) continue;
      const p = path(m);
      if (p.startsWith("/")) add(p);
      else if (workdir !== null) add(underWorkdir(workdir, p));
    }
  }
  if (workdir !== null) add(workdir);
  const first = paths[0] ?? workdir ?? "/";
  const targetDir = target === undefined ? null : workdirOf(ctx, target);
  return { sources: paths, dest: first === workdir && targetDir !== null ? targetDir : first };
}
