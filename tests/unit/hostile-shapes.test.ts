/**
 * The growth benchmark's hostile shapes (tests/bench/hostile-shapes.ts), small and randomly
 * mutated: whatever the size and whatever is inserted or cut, parsing, the graph and both
 * diagram exports never throw, and the text prints back byte for byte. Speed is the benchmark's
 * business (`npm run bench -- growth`); this is about never crashing.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { buildStageGraph, parseDockerfile, printDockerfile, renderDot, renderMermaid } from "../../src/index.ts";
import { hostileShapes } from "../bench/hostile-shapes.ts";

/** Pieces that break things: quotes, escapes, `${`, heredoc markers, bidi and zero-width characters. */
const hostilePieces = ["\\", "\\\n", "\n", "${", "}", "$", '"', "'", "<<EOF\n", "EOF\n", "--mount=", "--from=", "\u202E", "\u200B", "\r\n", "\t", "# escape=`\n", "ARG ", "FROM ", ":-", "😀"];

const mutation = fc.record({
  at: fc.nat(),
  cut: fc.nat({ max: 40 }),
  insert: fc.array(fc.oneof(fc.constantFrom(...hostilePieces), fc.string({ maxLength: 4 })), { maxLength: 6 }).map((parts) => parts.join("")),
});

function checkNeverThrowsAndRoundTrips(text: string): void {
  const tree = parseDockerfile(text);
  expect(printDockerfile(tree)).toBe(text);
  for (const target of [undefined, "app", "s1"]) {
    const graph = buildStageGraph(tree, target === undefined ? {} : { target, buildArgs: { V0: "x$V0", A: "${A}" } });
    renderDot(graph);
    renderMermaid(graph);
  }
}

describe("hostile shapes", () => {
  for (const shape of hostileShapes) {
    it(`${shape.name}: any small size, any mutation: no throw, byte-for-byte round trip`, () => {
      fc.assert(
        fc.property(fc.integer({ min: 1, max: Math.max(2, Math.ceil(shape.base / 25)) }), fc.array(mutation, { maxLength: 3 }), (size, mutations) => {
          let text = shape.generate(size);
          for (const m of mutations) {
            const at = m.at % (text.length + 1);
            text = text.slice(0, at) + m.insert + text.slice(at + m.cut);
          }
          checkNeverThrowsAndRoundTrips(text);
        }),
        { numRuns: 40 },
      );
    });
  }

  it("at their 1× benchmark size, every shape parses, graphs and round-trips", () => {
    for (const shape of hostileShapes) checkNeverThrowsAndRoundTrips(shape.generate(shape.base));
  });
});
