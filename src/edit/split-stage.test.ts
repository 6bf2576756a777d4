/** splitStage: the first part gets the new name, the second keeps the stage's name and its users. */
import { describe, expect, it } from "vitest";
import { splitStage } from "./split-stage.ts";
import { applyResult, edgeLines, errorOf, graphOf, treeOf } from "./test-helpers.ts";

const text = [
  "# syntax=docker/dockerfile:1",
  "FROM node:22 AS deps",
  "RUN npm ci",
  "",
  "# The app, built and served.",
  "FROM --platform=$BUILDPLATFORM node:22 AS app",
  "WORKDIR /app",
  "COPY --from=deps /node_modules ./node_modules",
  "COPY . .",
  "# Build it.",
  "RUN npm run build \\",
  "    --production",
  "COPY <<EOF /app/banner.txt",
  "FROM app is not an instruction here",
  "EOF",
  'CMD ["node", "dist/index.js"]',
  "",
  "FROM app AS test",
  "RUN npm test",
  "",
  "FROM scratch",
  "COPY --from=1 /app/dist /dist",
  "",
].join("\n");

describe("splitStage", () => {
  it("puts FROM <new> AS <name> before the instruction and its comment block, and keeps every use of the stage on the second part", () => {
    const result = splitStage(treeOf(text), 1, 3, "builder");
    const after = applyResult(text, result);
    expect(after).toBe(
      text
        .replace("node:22 AS app", "node:22 AS builder")
        .replace("COPY . .\n# Build it.", "COPY . .\n\nFROM builder AS app\n# Build it.")
        .replace("--from=1 ", "--from=2 "),
    );
    expect(result).toEqual({ edits: expect.any(Array) });
    expect(edgeLines(graphOf(after))).toEqual([
      "from node:22 -> deps",
      "from node:22 -> builder",
      "copy deps -> builder",
      "from builder -> app",
      "from app -> test",
      "copy app -> stage-4",
    ]);
  });

  it("names an unnamed stage's first part, in the file's lowercase, CRLF and no blank line between stages", () => {
    const crlf = "from alpine\r\nrun apk add git\r\nrun git --version\r\nfrom busybox\r\nrun true\r\n";
    expect(applyResult(crlf, splitStage(treeOf(crlf), 0, 1, "tools"))).toBe("from alpine as tools\r\nrun apk add git\r\nfrom tools\r\nrun git --version\r\nfrom busybox\r\nrun true\r\n");
    const spaced = "FROM alpine AS a\nRUN one\n\nRUN two\n\nFROM a AS b\n";
    expect(applyResult(spaced, splitStage(treeOf(spaced), 0, 1, "first"))).toBe("FROM alpine AS first\nRUN one\n\nFROM first AS a\nRUN two\n\nFROM a AS b\n");
  });

  it("declares again the ARGs of the first part the second part uses, defaults and escape as written", () => {
    const args = "# escape=`\nFROM alpine AS app\nARG V=1.2 UNUSED=x\nARG URL=https://x/${V}\nARG FLAG\nRUN fetch $URL `\n    --flag=${FLAG}\nRUN echo '$UNUSED'\n";
    const result = splitStage(treeOf(args), 0, 3, "fetch");
    expect(applyResult(args, result)).toBe("# escape=`\nFROM alpine AS fetch\nARG V=1.2 UNUSED=x\nARG URL=https://x/${V}\nARG FLAG\n\nFROM fetch AS app\nARG V=1.2\nARG URL=https://x/${V}\nARG FLAG\nRUN fetch $URL `\n    --flag=${FLAG}\nRUN echo '$UNUSED'\n");
    expect(result).toEqual({ edits: expect.any(Array), notes: ["ARG V, URL, FLAG are declared again in stage app, with the same defaults: ARG values do not carry over FROM fetch."] });
  });

  it("refuses a split at the edges, a taken, invalid or image name, and an ONBUILD in the first part", () => {
    const tree = treeOf(text);
    expect(errorOf(splitStage(tree, 1, 0, "builder"))).toBe("Stage app can be split before its instructions #1 to #5 (counted after FROM), so that both parts keep one; not #0.");
    expect(errorOf(splitStage(tree, 1, 6, "builder"))).toMatch(/not #6\.$/);
    expect(errorOf(splitStage(tree, 0, 1, "builder"))).toBe("Stage deps has one instruction after FROM: there is nothing to split.");
    expect(errorOf(splitStage(tree, 1, 2, "deps"))).toBe('Stage #0 is already named "deps".');
    expect(errorOf(splitStage(tree, 1, 2, "Builder"))).toBe('Stage names are lowercase in BuildKit: use "builder".');
    expect(errorOf(splitStage(tree, 1, 2, "scratch"))).toBe('"scratch" is reserved by BuildKit and cannot name a stage.');
    const image = "FROM alpine AS a\nRUN x\nRUN y\nFROM tools\n";
    expect(errorOf(splitStage(treeOf(image), 0, 1, "tools"))).toBe('Line 4 uses "tools" as an image (FROM); naming stage a "tools" would make it use the stage instead.');
    const onbuild = "FROM alpine AS base\nONBUILD RUN echo\nRUN true\n";
    expect(errorOf(splitStage(treeOf(onbuild), 0, 1, "x"))).toBe("ONBUILD on line 2 would then run at the start of the second part, which is built FROM the first. Move it below the split first.");
  });
});
