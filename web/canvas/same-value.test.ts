import { describe, expect, it } from "vitest";
import { isSameValue, reuseIfSame } from "./same-value.ts";

describe("isSameValue", () => {
  it("compares plain data structurally", () => {
    expect(isSameValue({ a: [1, { b: "x" }] }, { a: [1, { b: "x" }] })).toBe(true);
    expect(isSameValue({ a: [1] }, { a: [1, 2] })).toBe(false);
    expect(isSameValue({ a: 1 }, { b: 1 })).toBe(false);
    expect(isSameValue([1], { 0: 1 })).toBe(false);
    expect(isSameValue(null, {})).toBe(false);
  });

  it("keeps the old object when equal", () => {
    const old = { a: [1] };
    expect(reuseIfSame(old, { a: [1] })).toBe(old);
    const next = { a: [2] };
    expect(reuseIfSame(old, next)).toBe(next);
  });
});
