import { describe, expect, it } from "vitest";
import type { FlagNode } from "../syntax/types.ts";
import { readFlags } from "./flags.ts";

function flag(name: string, value: string | null, at: number): FlagNode {
  const text = value === null ? `--${name}` : `--${name}=${value}`;
  const range = { start: at, end: at + text.length };
  return { range, text, name, nameRange: { start: at + 2, end: at + 2 + name.length }, value, valueRange: value === null ? null : { start: at + 3 + name.length, end: range.end } };
}

describe("readFlags", () => {
  it("keeps every repeated list flag, in order, each with its own node", () => {
    const flags = Array.from({ length: 20_000 }, (_, i) => flag("mount", `type=cache,target=/c${i}`, i * 40));
    const read = readFlags(flags, { mount: "list" });
    const mounts = read.lists.get("mount") ?? [];
    expect(mounts).toHaveLength(20_000);
    expect(mounts[0]?.value).toBe("type=cache,target=/c0");
    expect(mounts[19_999]?.node).toBe(flags[19_999]);
    expect(read.error).toBeNull();
  });

  it("reports a repeated string flag as BuildKit does, and keeps the first", () => {
    const read = readFlags([flag("from", "a", 0), flag("from", "b", 10)], { from: "string" });
    expect(read.strings.get("from")?.value).toBe("a");
    expect(read.error).toMatchObject({ code: "DuplicateFlag", message: "duplicate flag specified: --from" });
  });
});
