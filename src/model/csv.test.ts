import { describe, expect, it } from "vitest";
import { readCsvRecord } from "./csv.ts";

function values(text: string): string[] | string {
  const record = readCsvRecord(text);
  return record.ok ? record.fields.map((f) => f.value) : record.error;
}

describe("readCsvRecord (Go encoding/csv, one record)", () => {
  it("splits on commas and keeps empty fields", () => {
    expect(values("type=cache,target=/x")).toEqual(["type=cache", "target=/x"]);
    expect(values("a,,b,")).toEqual(["a", "", "b", ""]);
  });

  it("reads quoted fields with commas and doubled quotes", () => {
    expect(values('"target=/a,b",ro')).toEqual(["target=/a,b", "ro"]);
    expect(values('"say ""hi""",x')).toEqual(['say "hi"', "x"]);
  });

  it("gives Go's errors with 1-based byte columns", () => {
    expect(values('type=bind,target=/a"b')).toBe('parse error on line 1, column 20: bare " in non-quoted-field');
    expect(values('"abc')).toBe('parse error on line 1, column 5: extraneous or missing " in quoted-field');
    expect(values('"ab"c')).toBe('parse error on line 1, column 4: extraneous or missing " in quoted-field');
    expect(values('é"')).toBe('parse error on line 1, column 3: bare " in non-quoted-field');
    expect(values("")).toBe("EOF");
  });

  it("maps fields back to offsets", () => {
    const record = readCsvRecord('a=1,"b=2"');
    expect(record.ok && record.fields.map((f) => [f.start, f.end, f.valueStart])).toEqual([
      [0, 3, 0],
      [4, 9, 5],
    ]);
  });
});
