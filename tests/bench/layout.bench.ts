/**
 * Canvas layout: for the full layout, dagre (what `src/layout` runs up to `dagreNodeLimit` nodes)
 * against elkjs's layered algorithm and against our own row placement (what it runs above); then
 * the per-keystroke incremental layout. On the 4-stage example, moby's 59 stages and synthetic
 * 200/500-stage graphs: time per call (median, p95), layout quality, bundle cost.
 */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { runInNewContext } from "node:vm";
import { gzipSync } from "node:zlib";
import { graphlib, layout } from "@dagrejs/dagre";
import ELK from "elkjs/lib/elk.bundled.js";
import type { ElkNode } from "elkjs/lib/elk.bundled.js";
import { buildStageGraph, parseDockerfile } from "../../src/index.ts";
import { layoutAll, layoutIncremental } from "../../src/layout/index.ts";
import type { LayoutGraph, Positions } from "../../src/layout/index.ts";
import { dagreNodeLimit, layoutInRows, layoutWithDagre } from "../../src/layout/layout-all.ts";
import { measureLayout } from "../../src/layout/quality.ts";
import { generateStageGraph } from "../../src/layout/synthetic-graph.ts";
import { consume, nowNs, quantile } from "./measure.ts";
import type { MeasureOptions } from "./measure.ts";
import { formatNumber } from "./report.ts";
import type { BenchContext, BenchSuite, GoalResult, ReportTable, SuiteReport } from "./suite.ts";

const require = createRequire(import.meta.url);
const repoRoot = join(import.meta.dirname, "..", "..");

/** Goals from the playground issue; the layout may spend a tenth of each keystroke budget. */
const goals = { keystroke4: 2, keystrokeMoby: 5, keystroke500: 20, fullMoby: 50, full500: 200 } as const;

interface Workload {
  readonly label: string;
  readonly graph: LayoutGraph;
}

/** Stage and image nodes sized as the canvas draws them (src/layout/node-size.ts): 272 px wide. */
function toLayoutGraph(text: string): LayoutGraph {
  const graph = buildStageGraph(parseDockerfile(text));
  const stageHeight = (count: number) => 60 + (count > 0 ? 10 + 20 * Math.min(count, count > 6 ? 5 : 6) : 0) + (count > 6 ? 22 : 0);
  const nodes = [
    ...graph.stages.map((s) => ({ id: `stage:${s.index}`, width: 272, height: stageHeight(s.stage.instructions.length) })),
    ...graph.images.map((i) => ({ id: `image:${i.ref}`, width: Math.min(280, Math.max(120, 52 + 7.4 * i.ref.length)), height: 36 })),
  ];
  const edges = graph.edges.map((e) => ({
    source: e.source.kind === "image" ? `image:${e.source.ref}` : `stage:${e.source.index}`,
    target: `stage:${e.target}`,
    kind: e.kind,
  }));
  return { nodes, edges };
}

function loadWorkloads(corpusDir: string | null, notes: string[]): Workload[] {
  const example = readFileSync(join(repoRoot, "web", "examples", "node-pnpm.Dockerfile"), "utf8");
  const workloads: Workload[] = [{ label: "4-stage example", graph: toLayoutGraph(example) }];
  if (corpusDir === null) notes.push("conformance corpus not found (set STAGECRAFT_CORPUS): no moby workload");
  else {
    const moby = readFileSync(join(corpusDir, "real", "moby__moby__Dockerfile.Dockerfile"), "utf8");
    workloads.push({ label: "moby (59 stages)", graph: toLayoutGraph(moby) });
  }
  workloads.push({ label: "synthetic 200", graph: generateStageGraph(200) });
  workloads.push({ label: "synthetic 500", graph: generateStageGraph(500) });
  return workloads;
}

/** ELK's layered options closest to ours: same gaps, `from` edges favoured, model order kept. */
function toElkGraph(graph: LayoutGraph): ElkNode {
  const favoured = { "elk.layered.priority.straightness": "8", "elk.layered.priority.shortness": "8" };
  return {
    id: "root",
    layoutOptions: {
      "elk.algorithm": "layered",
      "elk.direction": "DOWN",
      "elk.spacing.nodeNode": "40",
      "elk.layered.spacing.nodeNodeBetweenLayers": "64",
      "elk.layered.considerModelOrder.strategy": "NODES_AND_EDGES",
    },
    children: graph.nodes.map((n) => ({ id: n.id, width: n.width, height: n.height })),
    edges: graph.edges
      .filter((e) => e.source !== e.target)
      .map((e, i) => ({ id: `e${i}`, sources: [e.source], targets: [e.target], ...(e.kind === "from" ? { layoutOptions: favoured } : {}) })),
  };
}

/**
 * dagre as its README shows it: every edge, its own ranking (network simplex), same gaps and
 * weights. What `src/layout` improved on by setting rows itself and leaving long edges out.
 */
function layoutWithPlainDagre(graph: LayoutGraph): Positions {
  const g = new graphlib.Graph();
  g.setGraph({ rankdir: "TB", rankalign: "top", nodesep: 40, ranksep: 64, edgesep: 20 });
  g.setDefaultEdgeLabel(() => ({}));
  graph.nodes.forEach((n) => g.setNode(n.id, { width: n.width, height: n.height }));
  for (const e of graph.edges) {
    if (e.source === e.target) continue;
    const existing = g.edge(e.source, e.target) as { weight?: number } | undefined;
    g.setEdge(e.source, e.target, { weight: (existing?.weight ?? 0) + (e.kind === "from" ? 8 : 1) });
  }
  layout(g);
  return new Map(
    graph.nodes.map((n) => {
      const c = g.node(n.id) as { x: number; y: number };
      return [n.id, { x: c.x - n.width / 2, y: c.y - n.height / 2 }];
    }),
  );
}

function elkPositions(result: ElkNode): Positions {
  return new Map((result.children ?? []).map((c) => [c.id, { x: c.x ?? 0, y: c.y ?? 0 }]));
}

interface FakeWorker {
  onmessage: (message: { data: { data?: ElkNode; error?: unknown } }) => void;
  dispatcher: { dispatch: (event: { data: Record<string, unknown> }) => void };
}

/**
 * elkjs has no documented synchronous call: `elk.bundled.js` wraps the same code in a fake
 * worker that answers on a timer. Calling its dispatcher directly runs the layout synchronously:
 * this is the pure compute cost, and what a real Web Worker would spend off the main thread.
 */
function createSyncElk(): (graph: ElkNode) => ElkNode {
  const { Worker } = require("elkjs/lib/elk-worker.min.js") as { Worker: new () => FakeWorker };
  const worker = new Worker();
  let reply: { data?: ElkNode; error?: unknown } = {};
  worker.onmessage = (message) => (reply = message.data);
  worker.dispatcher.dispatch({ data: { cmd: "register", algorithms: ["layered"], id: 0 } });
  return (graph) => {
    worker.dispatcher.dispatch({ data: { cmd: "layout", graph, id: 1 } });
    if (reply.data === undefined) throw new Error(`elk failed: ${String(reply.error)}`);
    return reply.data;
  };
}

interface CallTiming {
  readonly medianMs: number;
  readonly p95Ms: number;
  readonly maxMs: number;
  readonly samples: number;
}

/** The collector measure.ts exposes (it sets --expose-gc at load), or null when V8 refused. */
function findCollector(): (() => void) | null {
  try {
    const gc: unknown = runInNewContext("gc");
    return typeof gc === "function" ? (gc as () => void) : null;
  } catch {
    return null;
  }
}

const collect = findCollector();

/** A call slower than this is sampled only `slowSamples` times: elkjs takes many seconds on 500 stages. */
const slowCallMs = 1000;
const slowSamples = 3;

/**
 * One sample per call (p95 is about single calls, so no batching), after a full collection and a
 * warm-up, so garbage an earlier contender left is not collected on this one's time.
 */
async function timeCalls(run: () => number | Promise<number>, options: MeasureOptions): Promise<CallTiming> {
  collect?.();
  const warmEnd = nowNs() + options.warmupMs * 1e6;
  let fastest = Infinity;
  for (let i = 0; i < 3 || nowNs() < warmEnd; i++) {
    const t0 = nowNs();
    consume(await run());
    fastest = Math.min(fastest, (nowNs() - t0) / 1e6);
    if (fastest > slowCallMs) break;
  }
  const samples: number[] = [];
  const started = nowNs();
  const enough = fastest > slowCallMs ? slowSamples : Math.max(options.minSamples, 50);
  for (;;) {
    const t0 = nowNs();
    consume(await run());
    samples.push((nowNs() - t0) / 1e6);
    const spent = (nowNs() - started) / 1e6;
    if (samples.length >= enough && spent >= options.minTimeMs) break;
    if (spent >= options.maxTotalMs / 4 && samples.length >= Math.min(enough, options.floorSamples)) break;
  }
  samples.sort((a, b) => a - b);
  return { medianMs: quantile(samples, 0.5), p95Ms: quantile(samples, 0.95), maxMs: samples[samples.length - 1] ?? NaN, samples: samples.length };
}

/** The keystrokes the incremental layout sees: nothing new, one stage added, one stage renamed. */
function keystrokes(graph: LayoutGraph) {
  const middle = graph.nodes[Math.floor(graph.nodes.length / 2)]?.id ?? "";
  const first = graph.nodes[0]?.id ?? "";
  const added: LayoutGraph = {
    nodes: [...graph.nodes, { id: "new-stage", width: 272, height: 140 }],
    edges: [...graph.edges, { source: middle, target: "new-stage", kind: "from" }, { source: first, target: "new-stage", kind: "copy" }],
  };
  const rename = (id: string) => (id === middle ? `${id}-renamed` : id);
  const renamed: LayoutGraph = {
    nodes: graph.nodes.map((n) => ({ ...n, id: rename(n.id) })),
    edges: graph.edges.map((e) => ({ ...e, source: rename(e.source), target: rename(e.target) })),
  };
  return [
    { label: "no new node", graph },
    { label: "stage added", graph: added },
    { label: "stage renamed", graph: renamed },
  ];
}

function describeQuality(graph: LayoutGraph, positions: Positions, again: Positions): string[] {
  const q = measureLayout(graph, positions);
  const same = JSON.stringify([...positions]) === JSON.stringify([...again]);
  return [String(q.crossings), formatNumber(q.edgeLength / 1e3), formatNumber(q.fromSkew), String(q.upward), String(q.overlaps), `${Math.round(q.width)}×${Math.round(q.height)}`, same ? "yes" : "NO"];
}

/** A file inside an installed package, found through its package.json (dagre's `exports` hides `dist/`). */
function gzippedKb(pkg: string, file: string): string {
  const path = join(dirname(require.resolve(`${pkg}/package.json`)), file);
  return formatNumber(gzipSync(readFileSync(path), { level: 9 }).length / 1e3);
}

async function runLayoutSuite(context: BenchContext): Promise<SuiteReport> {
  const notes: string[] = [];
  const workloads = loadWorkloads(context.corpusDir, notes);
  const syncElk = createSyncElk();
  const elk = new ELK();
  const fullRows: string[][] = [];
  const qualityRows: string[][] = [];
  const keyRows: string[][] = [];
  const data: Record<string, unknown>[] = [];
  const measured = new Map<string, { full: CallTiming; keystrokeP95: number }>();

  for (const { label, graph } of workloads) {
    const size = `${graph.nodes.length} nodes, ${graph.edges.length} edges`;
    const dagre = await timeCalls(() => layoutWithDagre(graph).size, context.measure);
    const rows = await timeCalls(() => layoutInRows(graph).size, context.measure);
    const elkSync = await timeCalls(() => syncElk(toElkGraph(graph)).children?.length ?? 0, context.measure);
    // Plain dagre takes seconds and the promise API only adds timer hops: both on the small graphs only.
    const small = graph.nodes.length <= 100;
    const plain = small ? await timeCalls(() => layoutWithPlainDagre(graph).size, context.measure) : null;
    const elkAsync = small ? await timeCalls(async () => (await elk.layout(toElkGraph(graph))).children?.length ?? 0, context.measure) : null;
    const fmt = (t: CallTiming | null) => (t === null ? ["–", "–"] : [formatNumber(t.medianMs), formatNumber(t.p95Ms)]);
    fullRows.push([label, size, ...fmt(dagre), ...fmt(rows), ...fmt(plain), ...fmt(elkSync), ...fmt(elkAsync)]);
    const full = graph.nodes.length <= dagreNodeLimit ? dagre : rows;

    const elkLayout = () => elkPositions(syncElk(toElkGraph(graph)));
    qualityRows.push([label, "dagre", ...describeQuality(graph, layoutWithDagre(graph), layoutWithDagre(graph))]);
    qualityRows.push([label, "rows", ...describeQuality(graph, layoutInRows(graph), layoutInRows(graph))]);
    if (small) qualityRows.push([label, "plain dagre", ...describeQuality(graph, layoutWithPlainDagre(graph), layoutWithPlainDagre(graph))]);
    qualityRows.push([label, "elk layered", ...describeQuality(graph, elkLayout(), elkLayout())]);

    const positions = layoutAll(graph);
    let worstP95 = 0;
    for (const keystroke of keystrokes(graph)) {
      const t = await timeCalls(() => layoutIncremental(keystroke.graph, positions).size, context.measure);
      worstP95 = Math.max(worstP95, t.p95Ms);
      keyRows.push([label, keystroke.label, formatNumber(t.medianMs), formatNumber(t.p95Ms), formatNumber(t.maxMs)]);
      data.push({ workload: label, kind: `incremental: ${keystroke.label}`, ...t });
    }
    measured.set(label, { full, keystrokeP95: worstP95 });
    data.push({ workload: label, kind: "full: dagre", ...dagre }, { workload: label, kind: "full: rows", ...rows }, { workload: label, kind: "full: elk sync", ...elkSync });
    if (plain !== null) data.push({ workload: label, kind: "full: plain dagre", ...plain });
    if (elkAsync !== null) data.push({ workload: label, kind: "full: elk promise API", ...elkAsync });
  }

  const goalResults: GoalResult[] = [];
  const judge = (workload: string, what: string, target: number, pick: (m: { full: CallTiming; keystrokeP95: number }) => number) => {
    const m = measured.get(workload);
    if (m === undefined) return;
    const value = pick(m);
    goalResults.push({ goal: `${what} on ${workload}`, target: `p95 ≤ ${target} ms`, measured: `${formatNumber(value)} ms`, pass: value <= target });
  };
  judge("4-stage example", "incremental layout per keystroke", goals.keystroke4, (m) => m.keystrokeP95);
  judge("moby (59 stages)", "incremental layout per keystroke", goals.keystrokeMoby, (m) => m.keystrokeP95);
  judge("synthetic 500", "incremental layout per keystroke", goals.keystroke500, (m) => m.keystrokeP95);
  judge("moby (59 stages)", "layoutAll (first paint, paste, tidy up)", goals.fullMoby, (m) => m.full.p95Ms);
  judge("synthetic 500", "layoutAll (first paint, paste, tidy up)", goals.full500, (m) => m.full.p95Ms);

  const tables: ReportTable[] = [
    {
      title:
        `full layout, ms per call. layoutAll runs dagre up to ${dagreNodeLimit} nodes, rows above; plain dagre = all edges, its own ranks; ` +
        "elk sync = its compute; elk promise = elk.bundled.js's public API",
      columns: ["workload", "size", "dagre med", "p95", "rows med", "p95", "plain dagre med", "p95", "elk sync med", "p95", "elk promise med", "p95"],
      rows: fullRows,
    },
    {
      title: "layout quality (edges as straight segments; from-skew = mean sideways offset of a `from` edge, px)",
      columns: ["workload", "engine", "crossings", "edge length km", "from-skew", "upward", "overlaps", "size px", "deterministic"],
      rows: qualityRows,
    },
    { title: "incremental layout (src/layout) after a full layout, ms per call", columns: ["workload", "keystroke", "median", "p95", "max"], rows: keyRows },
    {
      title: "bundle cost, KB gzipped (-9)",
      columns: ["file", "KB"],
      rows: [
        ["@dagrejs/dagre dist/dagre.esm.js (graphlib included)", gzippedKb("@dagrejs/dagre", "dist/dagre.esm.js")],
        ["elkjs lib/elk.bundled.js", gzippedKb("elkjs", "lib/elk.bundled.js")],
        ["elkjs lib/elk-api.js + elk-worker.min.js (worker build)", `${gzippedKb("elkjs", "lib/elk-api.js")} + ${gzippedKb("elkjs", "lib/elk-worker.min.js")}`],
      ],
    },
  ];
  return { suite: "layout", notes, tables, goals: goalResults, data: { timings: data } };
}

export const layoutSuite: BenchSuite = {
  name: "layout",
  summary: "canvas layout: dagre against elkjs (time, quality, size); incremental layout per keystroke",
  run: runLayoutSuite,
};
