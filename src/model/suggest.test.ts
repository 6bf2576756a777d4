import { describe, expect, it } from "vitest";
import { suggestName, withSuggestion } from "./suggest.ts";

describe("suggestName (BuildKit util/suggest)", () => {
  it("suggests the nearest option within 2 edits, matching the case of the input", () => {
    expect(suggestName("FNTRYPOINT", ["ENTRYPOINT", "ENV"], false)).toBe("ENTRYPOINT");
    expect(suggestName("fntrypoint", ["ENTRYPOINT"], false)).toBe("entrypoint");
    expect(suggestName("tset", ["base", "test"], true)).toBe("test");
  });

  it("suggests nothing for an exact match or a distant value", () => {
    expect(suggestName("test", ["test", "tests"], true)).toBeNull();
    expect(suggestName("bogus", ["bind", "cache"], true)).toBeNull();
  });

  it("is case-sensitive when asked", () => {
    expect(suggestName("TEST", ["test"], true)).toBeNull();
    expect(withSuggestion("unknown flag: --form", "form", ["from", "chown"], true)).toBe("unknown flag: --form (did you mean from?)");
  });
});
