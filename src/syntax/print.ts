/**
 * Prints a tree back to text by joining the text of its tokens in order. Because the tokens
 * tile the source, `printDockerfile(parseDockerfile(s)) === s` holds by construction.
 */
import type { DockerfileTree } from "./types.ts";

export function printDockerfile(tree: DockerfileTree): string {
  const parts: string[] = [];
  for (const node of tree.nodes) for (const t of node.tokens) parts.push(t.text);
  return parts.join("");
}
