/** removeEdge: the COPY line with its comments, one mount flag, or a new base. */
import { describe, expect, it } from "vitest";
import { removeEdge } from "./remove-edge.ts";
import { applyResult, edgeLines, errorOf, graphOf, treeOf } from "./test-helpers.ts";

const text = [
  "FROM golang AS build",
  "FROM alpine AS assets",
  "FROM alpine",
  "RUN --mount=type=bind,from=build,target=/b \\",
  "    --mount=type=cache,target=/c \\",
  "    # keep this comment",
  "    --mount=type=bind,from=assets,target=/a \\",
  "    make",
  "# copy the binary",
  "# (and only that)",
  "COPY --from=build \\",
  "     /out/app /app",
  "COPY <<EOF /etc/x",
  "x",
  "EOF",
  "",
].join("\n");

const find = (kind: string, source: number) => {
  const edge = graphOf(text).edges.find((e) => e.kind === kind && e.source.kind === "stage" && e.source.index === source);
  if (edge === undefined) throw new Error("no such edge");
  return edge;
};

describe("removeEdge", () => {
  it("removes a COPY with its continuation lines and its comment block", () => {
    const after = applyResult(text, removeEdge(treeOf(text), find("copy", 0)));
    expect(after).toBe(text.replace("# copy the binary\n# (and only that)\nCOPY --from=build \\\n     /out/app /app\n", ""));
    expect(edgeLines(graphOf(after))).not.toContain("copy build -> stage-2");
  });

  it("removes a mount flag right after the keyword, with the blanks after it", () => {
    const after = applyResult(text, removeEdge(treeOf(text), find("mount", 0)));
    expect(after).toBe(text.replace("RUN --mount=type=bind,from=build,target=/b \\\n    --mount=type=cache", "RUN --mount=type=cache"));
  });

  it("removes a later mount flag with the blanks before it, keeping a comment in the continuation", () => {
    const after = applyResult(text, removeEdge(treeOf(text), find("mount", 1)));
    expect(after).toBe(text.replace("    # keep this comment\n    --mount=type=bind,from=assets,target=/a \\\n", "    # keep this comment\n"));
    expect(edgeLines(graphOf(after)).filter((l) => l.startsWith("mount"))).toEqual(["mount build -> stage-2"]);
  });

  it("replaces the base of a from edge by the image the user names, and refuses without one", () => {
    const chain = "FROM alpine AS a\nFROM a AS b\n";
    const edge = graphOf(chain).edges[1]!;
    expect(errorOf(removeEdge(treeOf(chain), edge))).toMatch(/needs a base/);
    expect(applyResult(chain, removeEdge(treeOf(chain), edge, { image: "debian:12" }))).toBe("FROM alpine AS a\nFROM debian:12 AS b\n");
  });
});
