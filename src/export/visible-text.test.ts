import { describe, expect, it } from "vitest";
import { showInvisibles } from "./visible-text.ts";

describe("showInvisibles", () => {
  it("writes bidi overrides, isolates and marks out, so they cannot reorder what surrounds them", () => {
    expect(showInvisibles("app\u202Etxt.exe")).toBe("app[U+202E]txt.exe");
    expect(showInvisibles("\u2066a\u2069 \u200E\u200F\u061C")).toBe("[U+2066]a[U+2069] [U+200E][U+200F][U+061C]");
  });

  it("writes zero-width and other invisible characters out", () => {
    expect(showInvisibles("bu\u200Bild")).toBe("bu[U+200B]ild");
    expect(showInvisibles("\uFEFF\u200C\u200D\u2060\u00AD\u180E")).toBe("[U+FEFF][U+200C][U+200D][U+2060][U+00AD][U+180E]");
  });

  it("leaves all other text alone, right-to-left scripts and emoji included", () => {
    for (const text of ["", "node:20-alpine", "שלום", "مرحبا", "😀 é ✓", "a\tb\nc"]) expect(showInvisibles(text)).toBe(text);
  });

  it("is the same when called twice in a row (no regex state carried between calls)", () => {
    expect(showInvisibles("a\u202Eb")).toBe("a[U+202E]b");
    expect(showInvisibles("a\u202Eb")).toBe("a[U+202E]b");
  });
});
