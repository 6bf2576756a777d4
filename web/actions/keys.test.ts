import { describe, expect, it } from "vitest";
import { formatKey, matchesKey } from "./keys.ts";

const press = (key: string, mods: Partial<{ ctrlKey: boolean; metaKey: boolean; shiftKey: boolean; altKey: boolean }> = {}) => ({
  key,
  ctrlKey: false,
  metaKey: false,
  shiftKey: false,
  altKey: false,
  ...mods,
});

describe("shortcut notation", () => {
  it("matches Mod as Ctrl off a Mac and as ⌘ on one", () => {
    expect(matchesKey("Mod+Z", press("z", { ctrlKey: true }), false)).toBe(true);
    expect(matchesKey("Mod+Z", press("z", { metaKey: true }), false)).toBe(false);
    expect(matchesKey("Mod+Z", press("z", { metaKey: true }), true)).toBe(true);
    expect(matchesKey("Mod+Z", press("z", { ctrlKey: true }), true)).toBe(false);
  });

  it("wants exactly the modifiers written, letters in any case", () => {
    expect(matchesKey("Mod+Shift+Z", press("Z", { ctrlKey: true, shiftKey: true }), false)).toBe(true);
    expect(matchesKey("Mod+Z", press("Z", { ctrlKey: true, shiftKey: true }), false)).toBe(false);
    expect(matchesKey("F2", press("F2"), false)).toBe(true);
    expect(matchesKey("F2", press("F2", { altKey: true }), false)).toBe(false);
    expect(matchesKey("Shift+F10", press("F10", { shiftKey: true }), false)).toBe(true);
    expect(matchesKey("Delete", press("Delete"), false)).toBe(true);
    expect(matchesKey("Delete", press("Backspace"), false)).toBe(false);
  });

  it("shows keys the way each platform writes them", () => {
    expect(formatKey("Mod+Shift+P", false)).toBe("Ctrl+Shift+P");
    expect(formatKey("Mod+Shift+P", true)).toBe("⌘⇧P");
    expect(formatKey("F2", false)).toBe("F2");
  });
});
