/**
 * The explanation as text: plain for a terminal (`stagecraft explain`), Markdown for the
 * printable handout (the Dockerfile, the picture as Mermaid, each stage explained), which the
 * Markdown export and the app's print view call too.
 */
import { renderMermaid } from "../export/mermaid.ts";
import type { StageGraph } from "../graph/types.ts";
import type { CacheImpact } from "./cache-impact.ts";
import { explainBuild, type BuildExplanation } from "./explain-build.ts";
import type { WhatShips } from "./ships.ts";

function labelOf(graph: StageGraph, index: number): string {
  return graph.stages[index]?.label ?? `stage-${index}`;
}

/** "a, b and c". */
function joinWords(words: readonly string[]): string {
  if (words.length <= 1) return words.join("");
  return `${words.slice(0, -1).join(", ")} and ${words[words.length - 1] ?? ""}`;
}

/** What ships, as lines (no bullets), for both renderings. */
export function describeShips(ships: WhatShips): string[] {
  const lines: string[] = [];
  lines.push(ships.baseImage === null ? "Starts from scratch: nothing but what is copied in." : `The base image ${ships.baseImage}: its file system, and the ENV, USER and CMD it sets unless the Dockerfile replaces them.`);
  for (const c of ships.copies) {
    const trail = c.origins.map((o) => (o.how === "image" ? `already in ${o.label}'s base (${o.text})` : `${o.how === "context" ? "copied from the build context by" : o.how === "stage" ? "copied in by" : "made by"} ${o.label} line ${o.line}: ${o.text}`));
    lines.push(`${c.path} → ${c.dest} (line ${c.line}, from ${c.from})${trail.length > 0 ? `, ${trail.join(", ")}` : ""}.`);
  }
  for (const c of ships.contextCopies) lines.push(`From the build context, line ${c.line}: ${c.text}.`);
  for (const r of ships.runs) lines.push(`The result of ${c(r.text)} (line ${r.line}, in ${r.into}).`);
  if (ships.user !== null) lines.push(`Runs as ${ships.user}.`);
  if (ships.command !== null) lines.push(`Starts ${c(ships.command)}.`);
  return lines;
}

function c(text: string): string {
  return `\`${text}\``;
}

/** The schedule as lines: one per level, then the critical path. */
export function describeSchedule(graph: StageGraph, explanation: BuildExplanation): string[] {
  const { levels, criticalPath } = explanation.schedule;
  const lines = levels.map((level, i) => `${i + 1}. ${joinWords(level.map((s) => labelOf(graph, s)))}${level.length > 1 ? " (at the same time)" : ""}`);
  if (criticalPath.length > 0) lines.push(`Longest chain: ${criticalPath.map((s) => labelOf(graph, s)).join(" → ")}.`);
  return lines;
}

/** The cache impact as lines: per built stage, cached or what re-runs and why. */
export function describeCacheImpact(impact: CacheImpact): string[] {
  const lines: string[] = [];
  if (impact.ignored.length > 0) lines.push(`Ignored by .dockerignore (no effect): ${impact.ignored.join(", ")}.`);
  for (const s of impact.stages) {
    if (s.breaksAt === null) lines.push(`${s.label}: cached.`);
    else lines.push(`${s.label}: re-runs from line ${s.breaksAt.line} (${s.reruns.length} step${s.reruns.length === 1 ? "" : "s"}). ${s.reason ?? ""}`.trimEnd());
  }
  return lines;
}

/**
 * The explanation for a terminal: each stage with its role, steps and why it is skipped; what
 * ships; the schedule; and, when given, what re-runs for the changed files.
 */
export function renderExplanationText(graph: StageGraph, impact: CacheImpact | null = null): string {
  const explanation = explainBuild(graph);
  const out: string[] = [];
  for (const s of explanation.stages) {
    out.push(`${s.label} — ${s.role}${s.built ? "" : " (not built)"}`);
    out.push(`  ${s.roleReason}`);
    if (s.notBuiltReason !== null) out.push(`  ${s.notBuiltReason}`);
    for (const step of s.steps) out.push(`  ${String(step.line).padStart(4)}  ${step.text}`);
    out.push("");
  }
  if (explanation.ships !== null) {
    out.push(`What ships in ${explanation.ships.target}:`);
    for (const line of describeShips(explanation.ships)) out.push(`  - ${line}`);
    out.push("");
  }
  out.push("Build schedule:");
  for (const line of describeSchedule(graph, explanation)) out.push(`  ${line}`);
  if (impact !== null) {
    out.push("", `If ${joinWords([...impact.changed, ...impact.ignored])} change${impact.changed.length + impact.ignored.length === 1 ? "s" : ""}:`);
    for (const line of describeCacheImpact(impact)) out.push(`  ${line}`);
  }
  return `${out.join("\n")}\n`;
}

/**
 * The printable handout as Markdown: the Dockerfile, the stage graph as a Mermaid picture,
 * each stage's role and steps, what ships and the schedule.
 *
 * @example
 * renderHandout(buildStageGraph(parseDockerfile(text)), { title: "Node.js in four stages" });
 */
export function renderHandout(graph: StageGraph, options: { readonly title?: string } = {}): string {
  const explanation = explainBuild(graph);
  const source = graph.model.tree.source;
  const fence = source.includes("```") ? "~~~~" : "```";
  const out: string[] = [`# ${options.title ?? "The Dockerfile, stage by stage"}`, ""];
  out.push("## The Dockerfile", "", `${fence}dockerfile`, source.replace(/\n$/, ""), fence, "");
  out.push("## The stages", "", "```mermaid", renderMermaid(graph).replace(/\n$/, ""), "```", "");
  for (const s of explanation.stages) {
    out.push(`### ${s.label} — ${s.role}${s.built ? "" : " (not built)"}`, "", `${s.roleReason}${s.notBuiltReason !== null ? ` ${s.notBuiltReason}` : ""}`, "");
    for (const step of s.steps) out.push(`- Line ${step.line}: ${step.text}`);
    out.push("");
  }
  if (explanation.ships !== null) {
    out.push(`## What ships in ${explanation.ships.target}`, "");
    for (const line of describeShips(explanation.ships)) out.push(`- ${line}`);
    out.push("");
  }
  out.push("## Build schedule", "", ...describeSchedule(graph, explanation), "");
  return out.join("\n");
}
