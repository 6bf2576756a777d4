/** The words the diagram exports put on nodes and edges, shared so Mermaid and DOT say the same thing. */
import type { GraphEdge, GraphStage, StageGraph } from "../graph/types.ts";

export function stageText(stage: GraphStage, graph: StageGraph): string {
  const marks = [stage.role, stage.index === graph.target ? "target" : null, stage.reachable ? null : "not built"].filter((m) => m !== null);
  return `${stage.label} (${marks.join(", ")})`;
}

export function edgeText(edge: GraphEdge): string {
  const paths = edge.sources === undefined || edge.sources.length === 0 ? "" : ` ${edge.sources.join(" ")}`;
  const dest = edge.dest === undefined ? "" : ` → ${edge.dest}`;
  const text = edge.kind === "from" ? "" : `${edge.onbuild ? "onbuild " : ""}${edge.kind}${paths}${dest}`;
  return edge.valid ? text : `${text}${text === "" ? "" : " "}(invalid)`;
}

/** Node ids are generated, never taken from the text, so no name can break the syntax around them. */
export function nodeId(edgeEnd: GraphEdge["source"], imageIndex: ReadonlyMap<string, number>): string {
  return edgeEnd.kind === "stage" ? `s${edgeEnd.index}` : `i${imageIndex.get(edgeEnd.ref) ?? 0}`;
}

export function indexImages(graph: StageGraph): Map<string, number> {
  return new Map(graph.images.map((image, i) => [image.ref, i]));
}
