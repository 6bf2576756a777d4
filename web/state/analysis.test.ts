import { describe, expect, it } from "vitest";
import { analyze, AnalysisScheduler, imageKey, LARGE_TEXT, stageAtOffset, stageKey } from "./analysis.ts";

const TEXT = [
  "ARG BASE=alpine", // 0
  "# the builder",
  "FROM ${BASE} AS build",
  "RUN make",
  "",
  "FROM scratch",
  "COPY --from=build /out /out",
  "",
].join("\n");

describe("stageAtOffset", () => {
  const { graph } = analyze(TEXT, null, {});
  const offsetOf = (needle: string) => TEXT.indexOf(needle);

  it("finds no stage before the first one starts", () => {
    expect(stageAtOffset(graph, 0)).toBeNull();
    expect(stageAtOffset(graph, offsetOf("BASE=alpine"))).toBeNull();
  });

  it("counts the comment above FROM as part of its stage", () => {
    expect(stageAtOffset(graph, offsetOf("# the builder"))?.name).toBe("build");
  });

  it("gives the stage whose block holds the offset, blank lines included, up to the next stage", () => {
    expect(stageAtOffset(graph, offsetOf("FROM ${BASE}"))?.name).toBe("build");
    expect(stageAtOffset(graph, offsetOf("RUN make") + 3)?.name).toBe("build");
    expect(stageAtOffset(graph, offsetOf("FROM scratch") - 1)?.name).toBe("build");
    expect(stageAtOffset(graph, offsetOf("FROM scratch"))?.index).toBe(1);
    expect(stageAtOffset(graph, TEXT.length)?.index).toBe(1);
  });

  it("finds nothing in a file without stages", () => {
    expect(stageAtOffset(analyze("# nothing\n", null, {}).graph, 3)).toBeNull();
  });
});

describe("analyze", () => {
  it("keys stages and images by the core's node ids", () => {
    const { graph } = analyze(TEXT, null, {});
    expect(graph.stages.map(stageKey)).toEqual(["stage:build", "stage:#1"]);
    expect(graph.images.map((i) => imageKey(i.ref))).toEqual(["image:alpine"]);
  });

  it("derives the graph once for the same inputs, and again when one changes", () => {
    const args = { BASE: "debian" };
    const first = analyze(TEXT, null, args);
    expect(analyze(TEXT, null, args)).toBe(first);
    const retargeted = analyze(TEXT, "build", args);
    expect(retargeted).not.toBe(first);
    expect(retargeted.tree).toBe(first.tree);
    expect(retargeted.graph.images.map((i) => i.ref)).toEqual(["debian"]);
    expect(analyze(`${TEXT}\n`, "build", args).tree).not.toBe(first.tree);
  });
});

describe("AnalysisScheduler", () => {
  function setUp(text: string) {
    let state = { text, target: null as string | null, buildArgs: {} as Readonly<Record<string, string>>, revision: 0 };
    const listeners = new Set<(s: typeof state, p: typeof state) => void>();
    const source = {
      getState: () => state,
      subscribe: (listener: (s: typeof state, p: typeof state) => void) => {
        listeners.add(listener);
        return () => listeners.delete(listener);
      },
    };
    const set = (patch: Partial<typeof state>) => {
      const previous = state;
      state = { ...state, ...patch, revision: state.revision + 1 };
      for (const listener of listeners) listener(state, previous);
    };
    const queued: { run: () => void; large: boolean }[] = [];
    const scheduler = new AnalysisScheduler(source, (run, large) => queued.push({ run, large }));
    return { scheduler, set, queued };
  }

  it("analyses the first text at once, and each later batch of changes once, when its frame comes", () => {
    const { scheduler, set, queued } = setUp("FROM a AS x\n");
    let notified = 0;
    scheduler.subscribe(() => notified++);
    expect(scheduler.get().analysis.graph.stages.map(stageKey)).toEqual(["stage:x"]);
    set({ text: "FROM a AS xy\n" });
    set({ text: "FROM a AS xyz\n" });
    set({ text: "FROM a AS xyz\nFROM b AS w\n" });
    expect(queued.length).toBe(1);
    // Until the frame, the last analysis stays on screen, and the screen knows it is behind.
    expect(scheduler.get().analysis.graph.stages.map(stageKey)).toEqual(["stage:x"]);
    expect(scheduler.pendingSince()).not.toBeNull();
    queued[0]!.run();
    expect(scheduler.get().analysis.graph.stages.map(stageKey)).toEqual(["stage:xyz", "stage:w"]);
    expect(scheduler.get().revision).toBe(3);
    expect(scheduler.pendingSince()).toBeNull();
    expect(notified).toBe(2);
  });

  it("re-derives for a new target without a new parse, and marks large files for after the paint", () => {
    const { scheduler, set, queued } = setUp("FROM a AS x\nFROM b AS y\n");
    scheduler.subscribe(() => {});
    const before = scheduler.get().analysis;
    set({ target: "x" });
    queued.shift()!.run();
    expect(scheduler.get().analysis.tree).toBe(before.tree);
    expect(scheduler.get().analysis.graph.target).toBe(0);
    set({ text: `${"# padding\n".repeat(LARGE_TEXT / 10)}FROM a\n` });
    expect(queued[0]?.large).toBe(true);
  });

  it("publishes a new revision of the same text without analysing it again", () => {
    const { scheduler, set, queued } = setUp("FROM a\n");
    scheduler.subscribe(() => {});
    const before = scheduler.get().analysis;
    set({});
    expect(queued.length).toBe(0);
    expect(scheduler.get().revision).toBe(1);
    expect(scheduler.get().analysis).toBe(before);
  });

  it("catches up with a change made before anyone listened", () => {
    const { scheduler, set, queued } = setUp("FROM a AS x\n");
    expect(scheduler.get().analysis.graph.stages.map(stageKey)).toEqual(["stage:x"]);
    set({ text: "FROM a AS shared\n" });
    scheduler.subscribe(() => {});
    expect(queued.length).toBe(1);
    queued[0]!.run();
    expect(scheduler.get().analysis.graph.stages.map(stageKey)).toEqual(["stage:shared"]);
  });
});
