/**
 * `applyTextEdits` is exact: non-overlapping edits in any order give the text a person would
 * write by hand (walking the document from start to end), insertions at one offset keep the order
 * given, and anything ambiguous (overlap, a range outside the text) throws instead of guessing.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { TextEdit } from "./types.ts";
import { applyTextEdits } from "./positions.ts";

function edit(start: number, end: number, text: string): TextEdit {
  return { range: { start, end }, text };
}

describe("applyTextEdits", () => {
  it("applies insertions at one offset in the order given", () => {
    expect(applyTextEdits("xy", [edit(1, 1, "A"), edit(1, 1, "B")])).toBe("xABy");
    expect(applyTextEdits("xy", [edit(1, 1, "B"), edit(1, 1, "A")])).toBe("xBAy");
  });

  it("puts an insertion before a replacement that starts at the same offset, and after one that ends there", () => {
    expect(applyTextEdits("abcd", [edit(1, 3, "X"), edit(1, 1, "I")])).toBe("aIXd");
    expect(applyTextEdits("abcd", [edit(3, 3, "I"), edit(1, 3, "X")])).toBe("aXId");
  });

  it("applies touching replacements", () => {
    expect(applyTextEdits("abcd", [edit(2, 4, "Y"), edit(0, 2, "X")])).toBe("XY");
  });

  it("refuses overlapping edits with a message naming both", () => {
    expect(() => applyTextEdits("abcdef", [edit(0, 3, "X"), edit(2, 4, "Y")])).toThrow(/edit 2 \[2, 4\) overlaps edit 1 \[0, 3\)/);
    expect(() => applyTextEdits("abcdef", [edit(1, 3, "X"), edit(1, 3, "Y")])).toThrow(/overlaps/);
    expect(() => applyTextEdits("abcdef", [edit(1, 4, "X"), edit(2, 2, "I")])).toThrow(/overlaps/);
  });

  it("refuses ranges outside the text or inverted", () => {
    expect(() => applyTextEdits("abc", [edit(2, 5, "X")])).toThrow(/not a range inside the text/);
    expect(() => applyTextEdits("abc", [edit(2, 1, "X")])).toThrow(/not a range inside the text/);
    expect(() => applyTextEdits("abc", [edit(-1, 0, "X")])).toThrow(/not a range inside the text/);
  });

  it("returns the text unchanged for no edits", () => {
    expect(applyTextEdits("abc", [])).toBe("abc");
  });

  /**
   * A document-order plan: at each cut point zero or more insertions, then maybe a replacement up to
   * the next cut point. The expected text is the plan read from left to right.
   */
  const plan = fc
    .record({
      text: fc.string({ maxLength: 40 }),
      cuts: fc.array(fc.nat(), { maxLength: 8 }),
      steps: fc.array(fc.record({ inserts: fc.array(fc.string({ maxLength: 3 }), { maxLength: 2 }), replace: fc.option(fc.string({ maxLength: 3 })) }), {
        maxLength: 9,
      }),
    })
    .map(({ text, cuts, steps }) => {
      const points = [...new Set([0, ...cuts.map((c) => c % (text.length + 1)), text.length])].sort((a, b) => a - b);
      const edits: TextEdit[] = [];
      let expected = "";
      points.forEach((point, i) => {
        const step = steps[i] ?? { inserts: [], replace: null };
        const next = points[i + 1];
        for (const s of step.inserts) {
          edits.push(edit(point, point, s));
          expected += s;
        }
        if (next === undefined) return;
        if (step.replace !== null) {
          edits.push(edit(point, next, step.replace));
          expected += step.replace;
        } else expected += text.slice(point, next);
      });
      return { text, edits, expected };
    });

  /** The plan's edits in a random order, except that insertions at one offset keep their relative order. */
  const shuffledPlan = plan.chain((p) =>
    fc.shuffledSubarray(p.edits, { minLength: p.edits.length, maxLength: p.edits.length }).map((shuffled) => {
      const queues = new Map<number, TextEdit[]>();
      for (const e of p.edits) if (e.range.start === e.range.end) queues.set(e.range.start, [...(queues.get(e.range.start) ?? []), e]);
      const given = shuffled.map((e) => (e.range.start === e.range.end ? (queues.get(e.range.start)?.shift() ?? e) : e));
      return { ...p, given };
    }),
  );

  it("gives the document-order result for any order of non-overlapping edits", () => {
    fc.assert(
      fc.property(shuffledPlan, ({ text, given, expected }) => {
        expect(applyTextEdits(text, given)).toBe(expected);
      }),
      { numRuns: 300 },
    );
  });

  it("throws on any pair of overlapping edits, in either order", () => {
    const overlapping = fc
      .tuple(fc.nat({ max: 20 }), fc.nat({ max: 20 }), fc.nat({ max: 20 }), fc.nat({ max: 20 }))
      .map(([a, b, c, d]) => [edit(Math.min(a, b), Math.max(a, b), "X"), edit(Math.min(c, d), Math.max(c, d), "Y")] as const)
      .filter(([x, y]) => {
        const inside = (p: number, r: TextEdit) => r.range.start < p && p < r.range.end;
        const bothNonEmpty = x.range.start < x.range.end && y.range.start < y.range.end;
        const intersect = x.range.start < y.range.end && y.range.start < x.range.end;
        return (bothNonEmpty && intersect) || (x.range.start === x.range.end && inside(x.range.start, y)) || (y.range.start === y.range.end && inside(y.range.start, x));
      });
    fc.assert(
      fc.property(overlapping, ([x, y]) => {
        const text = "0123456789abcdefghijk";
        expect(() => applyTextEdits(text, [x, y])).toThrow(/overlaps/);
        expect(() => applyTextEdits(text, [y, x])).toThrow(/overlaps/);
      }),
      { numRuns: 200 },
    );
  });
});
