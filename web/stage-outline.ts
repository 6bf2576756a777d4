import type { DockerfileTree } from "../src/index.ts";

/** One build stage as the outline panel shows it. */
export interface StageOutline {
  /** 0-based position among the FROM instructions, as BuildKit numbers stages. */
  readonly index: number;
  /** The stage name lowercased (BuildKit matches names case-insensitively); null when unnamed. */
  readonly name: string | null;
  /** The name when there is one, else `#index`: what the user sees and what `--from` accepts. */
  readonly label: string;
  /** The base image or stage as written, unexpanded (`node:${NODE_VERSION}-slim`). */
  readonly image: string;
  /** The FROM line (1-based). */
  readonly startLine: number;
  /** The line before the next FROM, or the file's last line for the last stage. */
  readonly endLine: number;
}

/**
 * Lists the build stages of a parsed Dockerfile with their line ranges.
 *
 * @example
 * outlineStages(parseDockerfile("FROM alpine AS Build\nRUN make\nFROM scratch\n"))
 * // [{ index: 0, name: "build", label: "build", image: "alpine", startLine: 1, endLine: 2 },
 * //  { index: 1, name: null, label: "#1", image: "scratch", startLine: 3, endLine: 3 }]
 */
export function outlineStages(tree: DockerfileTree): StageOutline[] {
  const froms = tree.instructions.filter((instruction) => instruction.name === "FROM");
  const lastLine = countContentLines(tree);
  return froms.map((from, index) => {
    const [image, as, alias] = from.args;
    const name = as !== undefined && alias !== undefined && as.value.toUpperCase() === "AS" ? alias.value.toLowerCase() : null;
    const next = froms[index + 1];
    return {
      index,
      name,
      label: name ?? `#${index}`,
      image: image?.value ?? "",
      startLine: from.startLine,
      endLine: next === undefined ? Math.max(lastLine, from.endLine) : next.startLine - 1,
    };
  });
}

/** The number of the last line that holds any character; a final newline does not open a line. */
function countContentLines(tree: DockerfileTree): number {
  const starts = tree.lineStarts;
  const lastStart = starts[starts.length - 1];
  return starts.length > 1 && lastStart === tree.source.length ? starts.length - 1 : starts.length;
}
