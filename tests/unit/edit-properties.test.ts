/**
 * The edit operations on the real Dockerfiles of the corpus, with random arguments and random
 * sequences of operations. Whatever an operation gives must: parse as well as the input did;
 * leave every byte outside its edited ranges as it was; make exactly the intended change to the
 * graph; after a rename, leave no reference to the old name; never add a reference to a stage
 * that comes later (BuildKit's StageUsedBeforeDefined, or a FROM that would silently pull an image).
 * A refusal is fine (it must say why); a throw is not.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { addStage, applyTextEdits, buildStageGraph, changeBase, connectStages, deleteStage, duplicateStage, moveInstruction, moveStage, parseDockerfile, removeEdge, renameStage, splitStage } from "../../src/index.ts";
import type { EditResult, StageGraph } from "../../src/index.ts";
import { expectOnlyEditedRangesChanged } from "../../src/edit/test-helpers.ts";
import { requireCorpus } from "../corpus.ts";

const corpus = requireCorpus("edit operation properties");
const files =
  corpus === null
    ? []
    : readdirSync(join(corpus, "real"))
        .filter((f) => f.endsWith(".Dockerfile"))
        .sort()
        .map((f) => readFileSync(join(corpus, "real", f), "utf8"));

type Op =
  | { kind: "rename"; stage: number; name: string }
  | { kind: "copy"; source: number; target: number }
  | { kind: "remove"; edge: number }
  | { kind: "delete"; stage: number }
  | { kind: "move"; stage: number; to: number }
  | { kind: "add"; template: "empty" | "base" | "builder" | "pruner" | "final"; at: number }
  | { kind: "base"; stage: number; on: number | string }
  | { kind: "moveInstruction"; stage: number; index: number; toStage: number; toIndex: number }
  | { kind: "split"; stage: number; at: number; name: string }
  | { kind: "duplicate"; stage: number; name: string | undefined };

const nat = fc.nat({ max: 60 });
const op: fc.Arbitrary<Op> = fc.oneof(
  fc.record({ kind: fc.constant("rename" as const), stage: nat, name: fc.constantFrom("renamed", "x-1", "app.v2", "Bad", "1x", "scratch") }),
  fc.record({ kind: fc.constant("copy" as const), source: nat, target: nat }),
  fc.record({ kind: fc.constant("remove" as const), edge: nat }),
  fc.record({ kind: fc.constant("delete" as const), stage: nat }),
  fc.record({ kind: fc.constant("move" as const), stage: nat, to: nat }),
  fc.record({ kind: fc.constant("add" as const), template: fc.constantFrom("empty" as const, "base" as const, "builder" as const, "pruner" as const, "final" as const), at: nat }),
  fc.record({ kind: fc.constant("base" as const), stage: nat, on: fc.oneof(nat, fc.constantFrom("debian:12-slim", "scratch")) }),
  fc.record({ kind: fc.constant("moveInstruction" as const), stage: nat, index: nat, toStage: nat, toIndex: nat }),
  fc.record({ kind: fc.constant("split" as const), stage: nat, at: nat, name: fc.constantFrom("first", "deps-2", "Bad", "scratch") }),
  fc.record({ kind: fc.constant("duplicate" as const), stage: nat, name: fc.constantFrom(undefined, undefined, "twin", "Bad") }),
);

/** The instruction a random place names in this graph (null when its stage has only FROM). */
function instructionAt(graph: StageGraph, stage: number, index: number) {
  const list = graph.stages[stage % Math.max(1, graph.stages.length)]?.stage.instructions ?? [];
  return list.length === 0 ? null : { index: index % list.length, instruction: list[index % list.length]! };
}

/** Where a random move goes: a stage, and a place from its first instruction to after its last. */
function moveTarget(graph: StageGraph, o: { toStage: number; toIndex: number }) {
  const stage = o.toStage % Math.max(1, graph.stages.length);
  return { stage, index: o.toIndex % ((graph.stages[stage]?.stage.instructions.length ?? 0) + 1) };
}

/** Bring random numbers into range for this file (most operations then have something to do). */
function run(text: string, graph: StageGraph, o: Op): EditResult {
  const tree = parseDockerfile(text);
  const n = Math.max(1, graph.stages.length);
  switch (o.kind) {
    case "rename":
      return renameStage(tree, o.stage % n, o.name);
    case "copy":
      return connectStages(tree, { source: o.source % n, target: o.target % n, kind: "copy", sources: ["/out"], dest: "/in" });
    case "remove": {
      const removable = graph.edges.filter((e) => e.kind !== "from" && !e.onbuild);
      const edge = removable[o.edge % Math.max(1, removable.length)];
      return edge === undefined ? { error: "this file has no edge to remove" } : removeEdge(tree, edge);
    }
    case "delete":
      return deleteStage(tree, o.stage % n, { force: o.stage % 2 === 0 });
    case "move":
      return moveStage(tree, o.stage % n, o.to % n);
    case "add":
      return addStage(tree, o.template, o.at % (graph.stages.length + 1));
    case "base":
      return changeBase(tree, o.stage % n, typeof o.on === "number" ? o.on % n : o.on);
    case "moveInstruction": {
      const at = instructionAt(graph, o.stage, o.index);
      return at === null ? { error: "this stage has no instruction to move" } : moveInstruction(tree, { stage: o.stage % n, index: at.index }, moveTarget(graph, o));
    }
    case "split": {
      const at = instructionAt(graph, o.stage, o.at);
      return splitStage(tree, o.stage % n, at?.index ?? 0, o.name);
    }
    case "duplicate":
      return duplicateStage(tree, o.stage % n, o.name);
  }
}

const edgeKey = (g: StageGraph, e: StageGraph["edges"][number]) => `${e.kind} ${e.source.kind === "stage" ? `#${e.source.index}` : e.source.ref} -> #${e.target}`;
const keys = (g: StageGraph) => g.edges.map((e) => edgeKey(g, e)).sort();
const forwardErrors = (g: StageGraph) => g.diagnostics.filter((d) => d.code === "StageUsedBeforeDefined" || d.code === "CircularDependency").length;

/** What must hold after one operation; returns the new text. */
function check(text: string, o: Op): string {
  const before = buildStageGraph(parseDockerfile(text));
  const result = run(text, before, o);
  if ("error" in result) {
    expect(result.error.length, JSON.stringify(o)).toBeGreaterThan(10);
    return text;
  }
  const after = applyTextEdits(text, result.edits);
  expectOnlyEditedRangesChanged(text, result.edits, after);
  const tree = parseDockerfile(after);
  // Deleting the only stage leaves no instruction, which BuildKit rightly rejects (NoInstructions).
  const emptied = o.kind === "delete" && before.stages.length === 1;
  if (parseDockerfile(text).fatal === null && !emptied) expect(tree.fatal, `${JSON.stringify(o)}\n${after}`).toBeNull();
  const graph = buildStageGraph(tree);
  const n = before.stages.length;
  const [b, a] = [keys(before), keys(graph)];
  switch (o.kind) {
    case "rename": {
      const old = before.stages[o.stage % n]?.name;
      expect(graph.stages.length).toBe(n);
      // Same edges by index; only a FROM reached through a build argument may now name an image.
      if (!before.edges.some((e) => e.kind === "from" && e.instruction.node.original.includes("$"))) expect(a).toEqual(b);
      if (old !== null && old !== undefined && result.edits.length > 0) {
        for (const e of graph.edges) {
          if (e.source.kind === "image" && !e.instruction.node.original.includes("$")) expect(e.source.ref.toLowerCase(), after).not.toBe(old);
        }
      }
      break;
    }
    case "copy":
      expect(a).toEqual([...b, `copy #${o.source % n} -> #${o.target % n}`].sort());
      break;
    case "remove":
      expect(a.length).toBeLessThan(b.length);
      break;
    case "delete":
      expect(graph.stages.length).toBe(n - 1);
      break;
    case "move":
      expect(graph.stages.length).toBe(n);
      expect(a.length).toBe(b.length);
      break;
    case "add":
      expect(graph.stages.length).toBe(n + 1);
      break;
    case "base":
      expect(graph.stages.length).toBe(n);
      break;
    case "moveInstruction": {
      const { instruction } = instructionAt(before, o.stage, o.index)!;
      const node = instruction.node;
      const to = moveTarget(before, o);
      expect(graph.stages.length).toBe(n);
      // The moved text is still there, byte for byte (the line ending of a last line may move before it).
      expect(after).toContain(text.slice(node.range.start, node.range.end).replace(/\r?\n$/, ""));
      // Its uses follow it to the new stage; an ONBUILD's uses land in other stages, on purpose.
      const moved = (e: StageGraph["edges"][number]) => e.range.start >= node.range.start && e.range.end <= node.range.end;
      const compared = (g: StageGraph) => g.edges.filter((e) => !(node.name === "ONBUILD" && e.onbuild));
      const expected = compared(before).map((e) => edgeKey(before, !e.onbuild && moved(e) ? { ...e, target: to.stage } : e));
      expect(compared(graph).map((e) => edgeKey(graph, e)).sort(), after).toEqual(expected.sort());
      expect(graph.stages.map((s) => s.stage.instructions.length).reduce((x, y) => x + y, 0)).toBe(before.stages.map((s) => s.stage.instructions.length).reduce((x, y) => x + y, 0));
      break;
    }
    case "split": {
      const st = o.stage % n;
      const { index, instruction } = instructionAt(before, o.stage, o.at)!;
      const count = before.stages[st]!.stage.instructions.length;
      expect(graph.stages.length).toBe(n + 1);
      expect([graph.stages[st]!.name, graph.stages[st + 1]!.name]).toEqual([o.name, before.stages[st]!.name]);
      expect(graph.stages[st]!.stage.instructions.length).toBe(index);
      // The second part: the rest, after the ARGs it needs declared again.
      const rest = graph.stages[st + 1]!.stage.instructions;
      expect(rest.slice(rest.length - (count - index)).map((i) => i.node.original)).toEqual(before.stages[st]!.stage.instructions.slice(index).map((i) => i.node.original));
      expect(rest.slice(0, rest.length - (count - index)).every((i) => i.kind === "arg")).toBe(true);
      // Every use keeps its meaning: uses of the stage now mean the second part; the first part's own stay on it.
      const moved = (i: number) => (i >= st ? i + 1 : i);
      const expected = before.edges.map((e) => {
        const firstPart = e.target === st && (e.kind === "from" || e.onbuild || e.range.start < instruction.node.range.start);
        return edgeKey(before, { ...e, source: e.source.kind === "stage" ? { kind: "stage", index: moved(e.source.index) } : e.source, target: firstPart ? st : moved(e.target) });
      });
      expect(a, after).toEqual([...expected, `from #${st} -> #${st + 1}`].sort());
      break;
    }
    case "duplicate": {
      const st = o.stage % n;
      const original = before.stages[st]!;
      expect(graph.stages.length).toBe(n + 1);
      expect(graph.stages[st]!.name).toBe(original.name);
      if (o.name !== undefined) expect(graph.stages[st + 1]!.name).toBe(o.name);
      expect(graph.stages[st + 1]!.stage.instructions.map((i) => i.node.original.replace(/--from=\d+/g, ""))).toEqual(original.stage.instructions.map((i) => i.node.original.replace(/--from=\d+/g, "")));
      // Uses of the original stay on it; the copy uses what the original uses.
      const moved = (i: number) => (i > st ? i + 1 : i);
      const mapped = (e: StageGraph["edges"][number], target: number) => edgeKey(before, { ...e, source: e.source.kind === "stage" ? { kind: "stage", index: moved(e.source.index) } : e.source, target });
      const expected = [...before.edges.map((e) => mapped(e, moved(e.target))), ...before.edges.filter((e) => e.target === st).map((e) => mapped(e, st + 1))];
      expect(a, after).toEqual(expected.sort());
      break;
    }
  }
  if (o.kind !== "delete") expect(forwardErrors(graph), `${JSON.stringify(o)}\n${after}`).toBeLessThanOrEqual(forwardErrors(before));
  return after;
}

/** Fixed so a CI run is reproducible; set STAGECRAFT_FC_SEED to explore other sequences. */
const SEED = Number(process.env.STAGECRAFT_FC_SEED ?? 20261202);

describe.skipIf(files.length === 0)("edit operations on the real corpus", () => {
  it("keep every promise for one random operation on any file", () => {
    fc.assert(
      fc.property(fc.nat({ max: files.length - 1 }), op, (file, o) => {
        check(files[file]!, o);
      }),
      { numRuns: 100, seed: SEED },
    );
  });

  it("keep every promise through random sequences of operations", () => {
    fc.assert(
      fc.property(fc.nat({ max: files.length - 1 }), fc.array(op, { minLength: 2, maxLength: 5 }), (file, ops) => {
        let text = files[file]!;
        for (const o of ops) text = check(text, o);
      }),
      { numRuns: 25, seed: SEED },
    );
  });
});
