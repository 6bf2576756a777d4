/** connectStages: one COPY line in a sensible place, a rebase, or one mount flag. */
import { describe, expect, it } from "vitest";
import { connectStages } from "./connect-stages.ts";
import { applyResult, edgeLines, errorOf, graphOf, treeOf } from "./test-helpers.ts";

const text = [
  "FROM node:20 AS build",
  "WORKDIR /app",
  "RUN <<EOF",
  "npm ci",
  "npm run build",
  "EOF",
  "",
  "FROM nginx AS final",
  "  WORKDIR /usr/share/nginx/html",
  "  # serve as nginx",
  "  USER nginx",
  '  CMD ["nginx", "-g", "daemon off;"]',
  "",
].join("\n");

describe("connectStages", () => {
  it("inserts COPY --from after WORKDIR, before the comment block of USER, with the stage's indentation", () => {
    const after = applyResult(text, connectStages(treeOf(text), { source: 0, target: 1, kind: "copy", sources: ["/app/dist"], dest: "." }));
    expect(after).toBe(text.replace("  WORKDIR /usr/share/nginx/html\n", "  WORKDIR /usr/share/nginx/html\n  COPY --from=build /app/dist .\n"));
    expect(edgeLines(graphOf(after))).toEqual([...edgeLines(graphOf(text)), "copy build -> final"]);
    expect(edgeLines(graphOf(after)).filter((l) => l.startsWith("copy"))).toEqual(["copy build -> final"]);
  });

  it("goes after the stage's other COPY --from lines, in lowercase and CRLF when the file is", () => {
    const lower = "from alpine as a\r\nfrom alpine as b\r\nfrom scratch\r\ncopy --from=a /x /x\r\ncmd [\"/x\"]\r\n";
    const after = applyResult(lower, connectStages(treeOf(lower), { source: 1, target: 2, kind: "copy", sources: ["/y", "/z"], dest: "/" }));
    expect(after).toBe(lower.replace("copy --from=a /x /x\r\n", "copy --from=a /x /x\r\ncopy --from=b /y /z /\r\n"));
  });

  it("uses the JSON form for paths with blanks, and an index for an unnamed stage", () => {
    const plain = "FROM alpine\nRUN make\nFROM alpine\n";
    const after = applyResult(plain, connectStages(treeOf(plain), { source: 0, target: 1, kind: "copy", sources: ["/my dir"], dest: "/dest" }));
    expect(after).toBe('FROM alpine\nRUN make\nFROM alpine\nCOPY --from=0 ["/my dir", "/dest"]\n');
  });

  it("adds a line ending when the file has none at its end, and takes an image as source", () => {
    const plain = "FROM alpine";
    expect(applyResult(plain, connectStages(treeOf(plain), { source: "busybox:1.36", target: 0, kind: "copy", sources: ["/bin/busybox"], dest: "/bin/" }))).toBe(
      "FROM alpine\nCOPY --from=busybox:1.36 /bin/busybox /bin/\n",
    );
  });

  it("rebases for kind from", () => {
    const after = applyResult(text, connectStages(treeOf(text), { source: 0, target: 1, kind: "from", sources: [], dest: "" }));
    expect(after).toBe(text.replace("FROM nginx AS final", "FROM build AS final"));
  });

  it("adds a bind mount to the chosen RUN, after its other flags", () => {
    const run = "FROM golang AS tools\nFROM alpine\nRUN --network=none make \\\n  all\nRUN ls\n";
    const after = applyResult(run, connectStages(treeOf(run), { source: 0, target: 1, kind: "mount", sources: ["/go/bin"], dest: "/tools" }));
    expect(after).toBe(run.replace("--network=none", "--network=none --mount=type=bind,from=tools,source=/go/bin,target=/tools"));
    const second = applyResult(run, connectStages(treeOf(run), { source: 0, target: 1, kind: "mount", sources: [], dest: "/t", run: 1 }));
    expect(second).toBe(run.replace("RUN ls", "RUN --mount=type=bind,from=tools,target=/t ls"));
    expect(edgeLines(graphOf(second))).toContain("mount tools -> stage-1");
  });

  it("refuses what BuildKit would reject", () => {
    const tree = treeOf("FROM alpine AS a\nFROM alpine\nRUN ls\nFROM alpine AS c\n");
    expect(errorOf(connectStages(tree, { source: 2, target: 1, kind: "copy", sources: ["/x"], dest: "/x" }))).toBe(
      "COPY --from can only use a stage above it: stage c comes after stage #1. Move it up first.",
    );
    expect(errorOf(connectStages(tree, { source: 1, target: 1, kind: "copy", sources: ["/x"], dest: "/x" }))).toMatch(/cannot use itself/);
    expect(errorOf(connectStages(tree, { source: 0, target: 1, kind: "copy", sources: [], dest: "/x" }))).toMatch(/at least one path/);
    expect(errorOf(connectStages(tree, { source: 1, target: 2, kind: "from", sources: [], dest: "" }))).toMatch(/has no name/);
    expect(errorOf(connectStages(tree, { source: 1, target: 2, kind: "mount", sources: [], dest: "/x" }))).toMatch(/has no RUN/);
    expect(errorOf(connectStages(tree, { source: "Not A Ref", target: 1, kind: "copy", sources: ["/x"], dest: "/x" }))).toMatch(/not an image reference/);
    expect(errorOf(connectStages(tree, { source: "a", target: 1, kind: "copy", sources: ["/x"], dest: "/x" }))).toMatch(/is the name of a stage/);
  });
});
