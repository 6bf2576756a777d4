/**
 * Stage roles: what each stage is for, inferred from the graph (who builds FROM it, who copies
 * from it, whether it is the target) and from what it runs. Never from its name: stages called
 * `a, b, c, d` in the base → builder → pruner → final shape get those roles.
 */
import type { StageBase } from "../graph/types.ts";
import type { Stage } from "../model/types.ts";
import { activitiesOf, readStageActivity, type StageActivity } from "./activity.ts";

/** The vocabulary of stage roles. */
export type StageRole = "base" | "deps" | "builder" | "pruner" | "test" | "lint" | "dev" | "tools" | "final" | "export" | "other";

/** Every role, in the order the pattern reads. */
export const stageRoles: readonly StageRole[] = ["base", "deps", "builder", "pruner", "test", "lint", "dev", "tools", "final", "export", "other"];

export interface RoleInference {
  readonly role: StageRole;
  /** One sentence saying why. */
  readonly reason: string;
}

/** The part of a graph the roles are read from (a `StageGraph` is one). */
export interface RoleInput {
  readonly target: number;
  readonly stages: readonly { readonly index: number; readonly label: string; readonly stage: Stage; readonly base: StageBase }[];
  readonly edges: readonly { readonly kind: "from" | "copy" | "mount"; readonly source: { readonly kind: string; readonly index?: number }; readonly target: number }[];
}

interface Links {
  /** Stages built FROM this one. */
  readonly children: number[];
  /** Stages that copy from (or mount) this one. */
  readonly users: number[];
  /** Stages this one copies from (or mounts). */
  readonly inputs: number[];
}

function listLabels(input: RoleInput, indexes: readonly number[]): string {
  const labels = [...new Set(indexes)].map((i) => input.stages[i]?.label ?? `stage-${i}`);
  if (labels.length <= 1) return labels.join("");
  return `${labels.slice(0, -1).join(", ")} and ${labels[labels.length - 1] ?? ""}`;
}

function collectLinks(input: RoleInput): Links[] {
  const links: Links[] = input.stages.map(() => ({ children: [], users: [], inputs: [] }));
  for (const edge of input.edges) {
    const source = edge.source.kind === "stage" ? edge.source.index : undefined;
    if (source === undefined || source === edge.target) continue;
    const from = links[source];
    const to = links[edge.target];
    if (from === undefined || to === undefined) continue;
    if (edge.kind === "from") from.children.push(edge.target);
    else {
      from.users.push(edge.target);
      to.inputs.push(source);
    }
  }
  return links;
}

/** Whether a stage (or the stage chain under it) does the work whose output a pruner would strip. */
function producesBuildOutput(index: number, input: RoleInput, activity: readonly StageActivity[], strict: boolean): boolean {
  const seen = new Set<number>();
  let at: number | undefined = index;
  while (at !== undefined && !seen.has(at)) {
    seen.add(at);
    const a = activity[at];
    if (a !== undefined && (a.activities.has("build") || a.activities.has("deps") || (!strict && a.copiesSources && a.runs > 0))) return true;
    const base: StageBase | undefined = input.stages[at]?.base;
    at = base?.kind === "stage" ? base.index : undefined;
  }
  return false;
}

function quote(command: string | undefined): string {
  return command === undefined ? "" : ` (\`${command}\`)`;
}

function onward(input: RoleInput, link: Links): string {
  const parts: string[] = [];
  const users = new Set(link.users).size;
  const children = new Set(link.children).size;
  if (users > 0) parts.push(`${listLabels(input, link.users)} ${users === 1 ? "copies" : "copy"} from it`);
  if (children > 0) parts.push(`${listLabels(input, link.children)} ${children === 1 ? "builds" : "build"} on it`);
  return parts.join(" and ");
}

function isExport(s: RoleInput["stages"][number], a: StageActivity): boolean {
  return s.base.kind === "scratch" && a.onlyCopies && a.copies > 0;
}

function inferOne(input: RoleInput, index: number, links: readonly Links[], activity: readonly StageActivity[]): RoleInference {
  const s = input.stages[index];
  const a = activity[index];
  const link = links[index];
  if (s === undefined || a === undefined || link === undefined) return { role: "other", reason: "Not a stage of this graph." };
  const act = (name: Parameters<StageActivity["activities"]["get"]>[0]): string | undefined => a.activities.get(name);
  const used = link.users.length > 0 || link.children.length > 0;
  const usedBy = onward(input, link);
  const fromBuild = (strict: boolean): boolean =>
    (s.base.kind === "stage" && producesBuildOutput(s.base.index, input, activity, strict)) ||
    link.inputs.some((i) => producesBuildOutput(i, input, activity, strict));
  const inputBuilds = fromBuild(false);
  const deps = act("deps") ?? act("prod-deps");
  const worksOnSources = a.afterSources.has("build") || a.afterSources.has("deps");
  const compiles = act("build") !== undefined || worksOnSources;

  if (isExport(s, a)) {
    const from = link.inputs.length > 0 ? ` from ${listLabels(input, link.inputs)}` : "";
    return { role: "export", reason: `A scratch stage that only collects files${from}, to be written out with \`--output\` or copied onward.` };
  }
  const testInCommand = a.command !== null && activitiesOf(a.command).has("test");
  if (index === input.target) {
    if ((!a.runnable || testInCommand) && act("test") !== undefined) return { role: "test", reason: `The target runs the tests${quote(act("test"))}: building it is the check.` };
    if (!a.runnable && act("lint") !== undefined) return { role: "lint", reason: `The target runs linters${quote(act("lint"))}: building it is the check.` };
    if (act("dev") !== undefined) return { role: "dev", reason: `The target is a development image${quote(act("dev"))}.` };
    return { role: "final", reason: "The target: the image this build produces." };
  }
  if (act("test") !== undefined && (!a.runnable || testInCommand)) return { role: "test", reason: `Runs the tests${quote(act("test"))}${used ? `; ${usedBy}` : ""}.` };
  if (act("lint") !== undefined && !a.runnable) return { role: "lint", reason: `Runs linters${quote(act("lint"))}${used ? `; ${usedBy}` : ""}.` };
  if (!used) {
    if (act("dev") !== undefined) return { role: "dev", reason: `A development image${quote(act("dev"))}, built with \`--target ${s.label}\`.` };
    return { role: "other", reason: `Nothing builds on it or copies from it and it is not the target: it is built only with \`--target ${s.label}\`.` };
  }
  if (link.children.length > 0 && !compiles) {
    if (s.base.kind === "stage" && deps !== undefined) {
      return { role: "deps", reason: `Installs the dependencies${quote(deps)} for the stages after it: ${usedBy}.` };
    }
    const extra = deps !== undefined ? ", including the dependency download" : "";
    return { role: "base", reason: `Shared setup${extra}: ${usedBy}.` };
  }
  if (act("strip") !== undefined && act("build") === undefined) {
    return { role: "pruner", reason: `Trims what the runtime does not need${quote(act("strip"))}; ${usedBy}.` };
  }
  const prunes = fromBuild(true) ? (act("prune") ?? act("prod-deps")) : undefined;
  if (prunes !== undefined && act("build") === undefined) {
    return { role: "pruner", reason: `Strips what only the build needed from the output before it${quote(prunes)}; ${usedBy}.` };
  }
  if (compiles || (a.copiesSources && a.runs > 0) || (inputBuilds && a.runs > 0)) {
    const how = act("build") !== undefined ? `Builds${quote(act("build"))}` : `Copies the sources in and works on them${quote(a.lastRun ?? undefined)}`;
    return { role: "builder", reason: `${how}; ${usedBy}.` };
  }
  if (deps !== undefined) {
    const from = a.copiesManifests.length > 0 ? ` from ${a.copiesManifests.join(", ")} only` : "";
    return { role: "deps", reason: `Installs dependencies${from}${quote(deps)}; ${usedBy}.` };
  }
  if (link.children.length > 0) return { role: "base", reason: `Shared setup: ${usedBy}.` };
  return { role: "tools", reason: `A helper image that supplies files: ${usedBy}.` };
}

/**
 * The role of every stage, with a one-sentence reason, in stage order.
 *
 * @example
 * const graph = buildStageGraph(parseDockerfile(text));
 * inferStageRoles(graph).map((r) => r.role); // ["base", "builder", "pruner", "final"]
 */
export function inferStageRoles(input: RoleInput): RoleInference[] {
  const links = collectLinks(input);
  const activity = input.stages.map((s) => readStageActivity(s.stage));
  const roles: RoleInference[] = [];
  for (const s of input.stages) {
    // A stage with nothing of its own is another name for its base (`FROM build-${TARGETOS} AS build`).
    const aliased = s.base.kind === "stage" && s.stage.instructions.every((i) => i.kind === "arg") && s.index !== input.target ? roles[s.base.index] : undefined;
    const base = input.stages[s.base.kind === "stage" ? s.base.index : -1];
    roles.push(
      aliased !== undefined && base !== undefined
        ? { role: aliased.role, reason: `Another name for ${base.label}, with nothing of its own: ${onward(input, links[s.index] ?? { children: [], users: [], inputs: [] }) || "nothing uses it"}.` }
        : inferOne(input, s.index, links, activity),
    );
  }
  return roles;
}
