/**
 * What ends up in the final image, and from where: the base image of the target's chain, each
 * file the chain copies in (traced back to the stage and instruction that made it), and the
 * steps that run in the chain itself.
 */
import type { GraphEdge, GraphStage, StageGraph } from "../graph/types.ts";
import type { TypedInstruction } from "../model/types.ts";
import { commandText, shorten } from "./activity.ts";

/** Where a copied path came from, one hop of the trace. */
export interface PathOrigin {
  /** Index of the stage holding the instruction. */
  readonly stage: number;
  readonly label: string;
  /** 1-based line of the instruction that put the path there. */
  readonly line: number;
  /** The instruction, as a short line. */
  readonly text: string;
  /** How: made by a RUN, copied from the build context, copied from another stage, or present in the stage's base image. */
  readonly how: "run" | "context" | "stage" | "image";
}

export interface ShippedCopy {
  /** The path as the COPY names it. */
  readonly path: string;
  readonly dest: string;
  /** The COPY in the target's chain. */
  readonly line: number;
  readonly into: string;
  /** The stage copied from, or an image reference. */
  readonly from: string;
  /** The trace, nearest first: the instruction in the source stage, then further back when that one copied it too. */
  readonly origins: readonly PathOrigin[];
}

export interface WhatShips {
  readonly target: string;
  /** The image at the bottom of the target's FROM chain; null for `scratch`. */
  readonly baseImage: string | null;
  /** The stages of the target's chain, target first. */
  readonly chain: readonly string[];
  readonly copies: readonly ShippedCopy[];
  /** Files the chain takes straight from the build context. */
  readonly contextCopies: readonly { readonly line: number; readonly text: string; readonly into: string }[];
  /** RUN steps of the chain: their results are layers of the image. */
  readonly runs: readonly { readonly line: number; readonly text: string; readonly into: string }[];
  /** What the container starts with (the last CMD/ENTRYPOINT of the chain), when set. */
  readonly command: string | null;
  readonly user: string | null;
}

function joinPath(dir: string, path: string): string {
  const raw = path.startsWith("/") ? path : `${dir.replace(/\/+$/, "")}/${path}`;
  const out: string[] = [];
  for (const part of raw.split("/")) {
    if (part === "" || part === ".") continue;
    if (part === "..") out.pop();
    else out.push(part);
  }
  return `/${out.join("/")}`;
}

function within(path: string, dir: string): boolean {
  return dir === "/" || path === dir || path.startsWith(`${dir}/`);
}

/** The FROM chain of a stage, itself first. */
export function stageChain(graph: StageGraph, index: number): GraphStage[] {
  const chain: GraphStage[] = [];
  const seen = new Set<number>();
  let stage = graph.stages[index];
  while (stage !== undefined && !seen.has(stage.index)) {
    seen.add(stage.index);
    chain.push(stage);
    stage = stage.base.kind === "stage" ? graph.stages[stage.base.index] : undefined;
  }
  return chain;
}

interface Placed {
  readonly stage: GraphStage;
  readonly instruction: TypedInstruction;
  /** The working directory when it ran. */
  readonly workdir: string;
}

/** Every instruction of a chain, base-most first, with its working directory. */
function placeInstructions(chain: readonly GraphStage[]): Placed[] {
  const placed: Placed[] = [];
  let workdir = "/";
  for (const stage of [...chain].reverse()) {
    for (const instruction of stage.stage.instructions) {
      if (instruction.kind === "workdir" && instruction.value !== null) workdir = joinPath(workdir, instruction.value.value);
      placed.push({ stage, instruction, workdir });
    }
  }
  return placed;
}

/** An instruction as one short line; a RUN without its flags, which are mostly mounts. */
function line(i: TypedInstruction): string {
  return i.kind === "run" ? `RUN ${shorten(commandText(i.command))}` : shorten(i.node.original);
}

interface Writer {
  readonly origin: PathOrigin;
  readonly edge: GraphEdge | null;
  readonly sourcePath: string;
}

/**
 * Which instruction of a stage's chain last wrote `path`, and through which edge when it was
 * copied. Best evidence first: a RUN naming the path or a COPY naming the file; then the last
 * RUN working in a directory holding it; then a COPY of a whole directory holding it.
 */
function findWriter(graph: StageGraph, stageIndex: number, path: string): Writer | null {
  const chain = stageChain(graph, stageIndex);
  const placed = placeInstructions(chain);
  const name = path.replace(/\/+$/, "").split("/").pop() ?? "";
  let inWorkdir: Writer | null = null;
  let inDirectoryCopy: Writer | null = null;
  for (let k = placed.length - 1; k >= 0; k--) {
    const p = placed[k];
    if (p === undefined) continue;
    const i = p.instruction;
    const origin = (how: PathOrigin["how"]): PathOrigin => ({ stage: p.stage.index, label: p.stage.label, line: i.line, text: line(i), how });
    if ((i.kind === "copy" || i.kind === "add") && i.dest !== null) {
      const dest = joinPath(p.workdir, i.dest.value);
      const intoDir = i.dest.value.endsWith("/") || i.sources.length > 1;
      const edge = i.kind === "copy" && i.from !== null ? (graph.edges.find((e) => e.instruction === i && e.kind === "copy") ?? null) : null;
      for (const s of i.sources) {
        const whole = s.value === "." || s.value === "./" || s.value.endsWith("/");
        const base = s.value.replace(/\/+$/, "").split("/").pop() ?? "";
        const at = whole ? dest : intoDir ? joinPath(dest, base) : dest;
        if (!within(path, at)) continue;
        const sourcePath = joinPath("/", `${s.value}${path.slice(at.length)}`);
        const writer = { origin: origin(edge === null ? "context" : "stage"), edge, sourcePath };
        if (!whole && (base === name || path === at)) return writer;
        inDirectoryCopy ??= writer;
      }
      continue;
    }
    if (i.kind === "run") {
      const text = [commandText(i.command), ...i.heredocs.map((h) => h.content)].join("\n");
      const relative = path.startsWith(`${p.workdir}/`) ? path.slice(p.workdir.length + 1) : null;
      const mentions = text.includes(path) || (relative !== null && text.includes(relative)) || (name.length > 2 && new RegExp(`[\\s/]${name.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}(\\s|$)`).test(text));
      if (mentions) return { origin: origin("run"), edge: null, sourcePath: path };
      if (inWorkdir === null && p.workdir !== "/" && within(path, p.workdir)) inWorkdir = { origin: origin("run"), edge: null, sourcePath: path };
    }
  }
  if (inWorkdir !== null) return inWorkdir;
  if (inDirectoryCopy !== null) return inDirectoryCopy;
  const bottom = chain[chain.length - 1];
  if (bottom === undefined) return null;
  const ref = bottom.base.kind === "image" ? bottom.base.ref : "scratch";
  return { origin: { stage: bottom.index, label: bottom.label, line: bottom.line, text: `FROM ${ref}`, how: "image" }, edge: null, sourcePath: path };
}

/** Follow a copied path back through the stages it passed, nearest first (at most 8 hops). */
export function tracePath(graph: StageGraph, fromStage: number, path: string): PathOrigin[] {
  const origins: PathOrigin[] = [];
  let stage = fromStage;
  let at = joinPath("/", path);
  for (let hop = 0; hop < 8; hop++) {
    const found = findWriter(graph, stage, at);
    if (found === null) break;
    origins.push(found.origin);
    if (found.edge === null || found.edge.source.kind !== "stage") break;
    stage = found.edge.source.index;
    at = found.sourcePath;
  }
  return origins;
}

/**
 * What the target image is made of, traced back along the edges.
 *
 * @example
 * const ships = whatShips(buildStageGraph(parseDockerfile(text)));
 * ships?.copies.map((c) => `${c.path} ← ${c.origins[0]?.text}`);
 */
export function whatShips(graph: StageGraph): WhatShips | null {
  const target = graph.stages[graph.target];
  if (target === undefined) return null;
  const chain = stageChain(graph, target.index);
  const bottom = chain[chain.length - 1];
  const copies: ShippedCopy[] = [];
  const contextCopies: WhatShips["contextCopies"][number][] = [];
  const runs: WhatShips["runs"][number][] = [];
  let command: string | null = null;
  let user: string | null = null;
  for (const { stage, instruction: i } of placeInstructions(chain)) {
    if (i.kind === "run") runs.push({ line: i.line, text: line(i), into: stage.label });
    if (i.kind === "cmd" || i.kind === "entrypoint") command = commandText(i.command);
    if (i.kind === "user") user = i.value?.value ?? null;
    if (i.kind !== "copy" && i.kind !== "add") continue;
    const edge = graph.edges.find((e) => e.instruction === i && e.kind === "copy");
    if (edge === undefined) {
      contextCopies.push({ line: i.line, text: line(i), into: stage.label });
      continue;
    }
    const from = edge.source.kind === "stage" ? (graph.stages[edge.source.index]?.label ?? "?") : edge.source.ref;
    for (const path of edge.sources ?? []) {
      copies.push({
        path,
        dest: edge.dest ?? "",
        line: i.line,
        into: stage.label,
        from,
        origins: edge.source.kind === "stage" ? tracePath(graph, edge.source.index, path) : [],
      });
    }
  }
  return {
    target: target.label,
    baseImage: bottom?.base.kind === "image" ? bottom.base.ref : null,
    chain: chain.map((s) => s.label),
    copies,
    contextCopies,
    runs,
    command,
    user,
  };
}
