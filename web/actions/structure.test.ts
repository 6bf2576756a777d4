import { describe, expect, it } from "vitest";
import { neighbourPlace } from "./structure.ts";

describe("neighbourPlace", () => {
  const counts = [2, 3, 1];
  it("moves within a stage, one place at a time", () => {
    expect(neighbourPlace(counts, { stage: 1, index: 1 }, true)).toEqual({ to: { stage: 1, index: 0 }, lands: { stage: 1, index: 0 } });
    expect(neighbourPlace(counts, { stage: 1, index: 1 }, false)).toEqual({ to: { stage: 1, index: 3 }, lands: { stage: 1, index: 2 } });
  });
  it("crosses into the stage above or below at the ends", () => {
    expect(neighbourPlace(counts, { stage: 1, index: 0 }, true)).toEqual({ to: { stage: 0, index: 2 }, lands: { stage: 0, index: 2 } });
    expect(neighbourPlace(counts, { stage: 1, index: 2 }, false)).toEqual({ to: { stage: 2, index: 0 }, lands: { stage: 2, index: 0 } });
  });
  it("stops at the top of the first stage and the bottom of the last", () => {
    expect(neighbourPlace(counts, { stage: 0, index: 0 }, true)).toBeNull();
    expect(neighbourPlace(counts, { stage: 2, index: 0 }, false)).toBeNull();
  });
});
