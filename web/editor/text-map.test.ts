import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { carryModelEdit, findModelEdit, findReplacement, indexLines, toBlockRange, toLineColumn, toLineSpan, toOffset, toRange } from "./text-map.ts";

/** What a Monaco model holds for `text`: no byte-order mark, every line break as `eol`. */
function modelTextOf(text: string, eol: string): string {
  return text.replace(/^\uFEFF/, "").replace(/\r\n|\r|\n/g, eol);
}

/** Monaco's `executeEdits` on a model string: the inserted text's line breaks become the model's. */
function editModel(model: string, eol: string, start: number, end: number, text: string): string {
  return model.slice(0, start) + text.replace(/\r\n|\r|\n/g, eol) + model.slice(end);
}

// Dockerfile-ish text with the awkward parts: both line breaks, a surrogate pair, tabs.
const piece = fc.constantFrom("FROM a", "RUN x", " ", "\t", "\n", "\r\n", "\\", "😀", "é", "b");
const text = fc.array(piece, { maxLength: 30 }).map((parts) => parts.join(""));
const withBom = fc.tuple(fc.boolean(), text).map(([bom, t]) => (bom ? `\uFEFF${t}` : t));

describe("indexLines and positions", () => {
  it("counts lines as Monaco does", () => {
    const index = indexLines("a\r\nbc\rd\n");
    expect(index.starts).toEqual([0, 3, 6, 8]);
    expect(index.ends).toEqual([1, 5, 7, 8]);
  });

  it("keeps a byte-order mark out of line 1", () => {
    const index = indexLines("\uFEFFFROM a\n");
    expect(toLineColumn(index, 0)).toEqual({ lineNumber: 1, column: 1 });
    expect(toLineColumn(index, 1)).toEqual({ lineNumber: 1, column: 1 });
    expect(toLineColumn(index, 5)).toEqual({ lineNumber: 1, column: 5 });
    expect(toOffset(index, { lineNumber: 1, column: 1 })).toBe(1);
  });

  it("puts an offset inside a line break at the end of its line", () => {
    const index = indexLines("ab\r\ncd");
    expect(toLineColumn(index, 3)).toEqual({ lineNumber: 1, column: 3 });
    expect(toLineColumn(index, 4)).toEqual({ lineNumber: 2, column: 1 });
    expect(toRange(index, 1, 5)).toEqual({ startLineNumber: 1, startColumn: 2, endLineNumber: 2, endColumn: 2 });
  });

  it("round-trips every offset that is not inside a line break", () => {
    fc.assert(
      fc.property(withBom, (t) => {
        const index = indexLines(t);
        for (let line = 0; line < index.starts.length; line++) {
          for (let o = index.starts[line]!; o <= index.ends[line]!; o++) {
            expect(toOffset(index, toLineColumn(index, o))).toBe(o);
          }
        }
      }),
    );
  });

  it("clamps positions past the end", () => {
    const index = indexLines("ab\ncd");
    expect(toOffset(index, { lineNumber: 9, column: 9 })).toBe(5);
    expect(toOffset(index, { lineNumber: 1, column: 9 })).toBe(2);
    expect(toLineColumn(index, 99)).toEqual({ lineNumber: 2, column: 3 });
  });

  it("spans a block's lines without the line after its final newline", () => {
    const index = indexLines("FROM a\nRUN x\n\nFROM b\n");
    expect(toLineSpan(index, 0, 13)).toEqual({ startLine: 1, endLine: 2 });
    expect(toLineSpan(index, 0, 12)).toEqual({ startLine: 1, endLine: 2 });
    expect(toLineSpan(index, 7, 7)).toEqual({ startLine: 2, endLine: 2 });
    expect(toLineSpan(index, 14, 21)).toEqual({ startLine: 4, endLine: 4 });
  });
});

describe("toBlockRange", () => {
  it("ends a block with its final newline at the end of its last line", () => {
    const index = indexLines("FROM a\r\nRUN x\r\nFROM b\n");
    expect(toBlockRange(index, 0, 15)).toEqual({ startLineNumber: 1, startColumn: 1, endLineNumber: 2, endColumn: 6 });
    expect(toBlockRange(index, 8, 11)).toEqual({ startLineNumber: 2, startColumn: 1, endLineNumber: 2, endColumn: 4 });
    expect(toBlockRange(index, 8, 8)).toEqual({ startLineNumber: 2, startColumn: 1, endLineNumber: 2, endColumn: 1 });
  });
});

describe("findReplacement", () => {
  it("is null for equal texts", () => {
    expect(findReplacement("abc", "abc")).toBeNull();
  });

  it("keeps only the changed middle", () => {
    expect(findReplacement("FROM a AS b\n", "FROM a AS build\n")).toEqual({ start: 11, end: 11, text: "uild" });
    expect(findReplacement("aaa", "aaaa")).toEqual({ start: 3, end: 3, text: "a" });
  });

  it("never cuts \\r\\n or a surrogate pair", () => {
    expect(findReplacement("a\r\nb", "a\nb")).toEqual({ start: 1, end: 3, text: "\n" });
    expect(findReplacement("x😀", "x😁")).toEqual({ start: 1, end: 3, text: "😁" });
  });

  it("turns the old text into the new one", () => {
    fc.assert(
      fc.property(withBom, withBom, (before, after) => {
        const r = findReplacement(before, after);
        const result = r === null ? before : before.slice(0, r.start) + r.text + before.slice(r.end);
        expect(result).toBe(after);
      }),
    );
  });
});

describe("carryModelEdit", () => {
  it("keeps the line breaks of lines the user did not touch", () => {
    const store = "FROM a\r\nRUN x\nRUN y\r\n";
    const model = modelTextOf(store, "\n");
    const edited = model.replace("RUN x", "RUN xy");
    expect(carryModelEdit(store, model, edited)).toBe("FROM a\r\nRUN xy\nRUN y\r\n");
  });

  it("keeps a byte-order mark", () => {
    const store = "\uFEFFFROM a\n";
    expect(carryModelEdit(store, "FROM a\n", "FROM ab\n")).toBe("\uFEFFFROM ab\n");
  });

  it("takes the model's text when the store has a lone \\r", () => {
    expect(carryModelEdit("a\rb", "a\nb", "a\nbc")).toBe("a\nbc");
  });

  it("agrees with the model after any edit", () => {
    const eol = fc.constantFrom("\n", "\r\n");
    fc.assert(
      fc.property(withBom, eol, fc.nat(), fc.nat(), text, (store, lineBreak, a, b, inserted) => {
        const model = modelTextOf(store, lineBreak);
        // Monaco edits whole positions: never inside \r\n or a surrogate pair.
        const valid = [...Array(model.length + 1).keys()].filter(
          (i) => !(/\r/.test(model[i - 1] ?? "") && model[i] === "\n") && !/[\uDC00-\uDFFF]/.test(model[i] ?? ""),
        );
        const start = valid[a % valid.length]!;
        const end = valid[Math.max(valid.indexOf(start), b % valid.length)]!;
        const after = editModel(model, lineBreak, start, end, inserted);
        expect(modelTextOf(carryModelEdit(store, model, after), lineBreak)).toBe(after);
      }),
      { numRuns: 500 },
    );
  });
});

describe("findModelEdit", () => {
  it("touches only the changed middle", () => {
    expect(findModelEdit("FROM a\nCOPY --from=a /x /y\n", "FROM a AS b\nCOPY --from=b /x /y\n")).toEqual({
      range: { startLineNumber: 1, startColumn: 7, endLineNumber: 2, endColumn: 14 },
      text: " AS b\nCOPY --from=b",
    });
    expect(findModelEdit("same", "same")).toBeNull();
  });

  it("leaves the model showing the new text", () => {
    const eol = fc.constantFrom("\n", "\r\n");
    fc.assert(
      fc.property(withBom, withBom, eol, (before, after, lineBreak) => {
        const model = modelTextOf(before, lineBreak);
        const edit = findModelEdit(before, after);
        if (edit === null) return;
        const modelLines = indexLines(model);
        const start = toOffset(modelLines, { lineNumber: edit.range.startLineNumber, column: edit.range.startColumn });
        const end = toOffset(modelLines, { lineNumber: edit.range.endLineNumber, column: edit.range.endColumn });
        expect(editModel(model, lineBreak, start, end, edit.text)).toBe(modelTextOf(after, lineBreak));
      }),
      { numRuns: 500 },
    );
  });
});
