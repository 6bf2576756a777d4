import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { applyTextEdits, type TextEdit } from "../../src/index.ts";
import { applyEditsToText, normalizeEdits } from "./text-change.ts";

const edit = (start: number, end: number, text: string): TextEdit => ({ range: { start, end }, text });
const meta = { origin: "canvas" as const, label: null, revision: 1 };

describe("a change as edits", () => {
  it("applies several ranges against the text before, in any order given", () => {
    const text = "FROM a AS build\nFROM build\nCOPY --from=build /x /y\n";
    const result = applyEditsToText(text, [edit(39, 44, "make"), edit(10, 15, "make"), edit(21, 26, "make")], meta);
    expect(result).toMatchObject({ ok: true, text: "FROM a AS make\nFROM make\nCOPY --from=make /x /y\n" });
  });

  it("keeps inserts at one offset in the order given, and joins edits that touch", () => {
    expect(applyEditsToText("ab", [edit(1, 1, "X"), edit(1, 1, "Y")], meta)).toMatchObject({ text: "aXYb" });
    const normalized = normalizeEdits("abcd", [edit(2, 3, "C"), edit(1, 1, "<"), edit(1, 2, "B")]);
    expect(normalized).toEqual({ edits: [edit(1, 3, "<BC")] });
  });

  it("refuses overlapping or out-of-range edits and says why", () => {
    expect(applyEditsToText("abcdef", [edit(1, 4, "x"), edit(3, 5, "y")], meta)).toEqual({ ok: false, reason: expect.stringMatching(/overlap/) });
    expect(applyEditsToText("abc", [edit(2, 9, "x")], meta)).toEqual({ ok: false, reason: expect.stringMatching(/outside the text/) });
    expect(applyEditsToText("abc", [edit(2, 1, "x")], meta)).toMatchObject({ ok: false });
  });

  it("records what it applied, so the editor can replay the same operations", () => {
    const result = applyEditsToText("FROM a\r\nRUN x\r\n", [edit(8, 8, "# note\r\n")], { origin: "lint", label: "Add a note", revision: 7 });
    expect(result).toEqual({
      ok: true,
      text: "FROM a\r\n# note\r\nRUN x\r\n",
      change: { origin: "lint", label: "Add a note", revision: 7, before: "FROM a\r\nRUN x\r\n", edits: [edit(8, 8, "# note\r\n")] },
    });
  });

  it("orders edits as the core does: an insert before a replacement at its offset, whatever the order given", () => {
    expect(applyEditsToText("abcd", [edit(1, 2, "B"), edit(1, 1, "<")], meta)).toMatchObject({ text: "a<Bcd" });
  });

  it("gives the core's text, and the same text as replaying its normalized edits one by one from the end", () => {
    const arbitrary = fc.string({ maxLength: 30 }).chain((text) =>
      fc.tuple(
        fc.constant(text),
        fc.array(
          fc.tuple(fc.nat(text.length), fc.nat(3), fc.string({ maxLength: 3 })).map(([start, len, t]) => edit(start, Math.min(text.length, start + len), t)),
          { maxLength: 5 },
        ),
      ),
    );
    fc.assert(
      fc.property(arbitrary, ([text, edits]) => {
        const result = applyEditsToText(text, edits, meta);
        let core: string | null;
        try {
          core = applyTextEdits(text, edits);
        } catch {
          core = null;
        }
        expect(result.ok).toBe(core !== null);
        if (!result.ok) return;
        expect(result.text).toBe(core);
        let replay = text;
        for (const e of [...result.change.edits].reverse()) replay = replay.slice(0, e.range.start) + e.text + replay.slice(e.range.end);
        expect(result.text).toBe(replay);
        // Every original edit's text is in the result, and nothing outside the edited ranges moved.
        const first = result.change.edits[0];
        if (first !== undefined) expect(result.text.slice(0, first.range.start)).toBe(text.slice(0, first.range.start));
      }),
    );
  });
});
