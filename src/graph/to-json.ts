/**
 * The graph as plain JSON, in exactly the documented shape and key order, so that two runs on
 * the same text print the same bytes.
 */
import type { Severity } from "../syntax/types.ts";
import type { StageGraph } from "./types.ts";

export type StageGraphJsonBase =
  | { kind: "stage"; index: number }
  | { kind: "image"; ref: string; raw: string }
  | { kind: "scratch" };

export interface StageGraphJson {
  target: number;
  stages: {
    id: string;
    index: number;
    name: string | null;
    line: number;
    base: StageGraphJsonBase;
    platform: string | null;
    reachable: boolean;
    role: string;
  }[];
  images: { id: string; ref: string }[];
  edges: {
    id: string;
    kind: "from" | "copy" | "mount";
    source: { stage: number } | { image: string };
    sourceId: string;
    target: number;
    targetId: string;
    line: number;
    sources?: string[];
    dest?: string;
    valid: boolean;
  }[];
  diagnostics: { code: string; severity: Severity; stage: number | null; line: number; message: string }[];
}

/**
 * The JSON form of a graph (what `stagecraft graph --format json` prints).
 *
 * @example
 * JSON.stringify(stageGraphToJson(buildStageGraph(parseDockerfile(text))), null, 2)
 */
export function stageGraphToJson(graph: StageGraph): StageGraphJson {
  return {
    target: graph.target,
    stages: graph.stages.map((s) => ({
      id: s.id,
      index: s.index,
      name: s.name,
      line: s.line,
      base:
        s.base.kind === "stage"
          ? { kind: "stage", index: s.base.index }
          : s.base.kind === "image"
            ? { kind: "image", ref: s.base.ref, raw: s.base.raw }
            : { kind: "scratch" },
      platform: s.platform,
      reachable: s.reachable,
      role: s.role,
    })),
    images: graph.images.map((i) => ({ id: i.id, ref: i.ref })),
    edges: graph.edges.map((e) => ({
      id: e.id,
      kind: e.kind,
      source: e.source.kind === "stage" ? { stage: e.source.index } : { image: e.source.ref },
      sourceId: e.sourceId,
      target: e.target,
      targetId: e.targetId,
      line: e.line,
      ...(e.sources === undefined ? {} : { sources: [...e.sources] }),
      ...(e.dest === undefined ? {} : { dest: e.dest }),
      valid: e.valid,
    })),
    diagnostics: graph.diagnostics.map((d) => ({ code: d.code, severity: d.severity, stage: d.stage, line: d.line, message: d.message })),
  };
}
