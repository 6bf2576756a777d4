/**
 * Timing helpers shared by every benchmark suite.
 *
 * Method: warm each contender up, size a batch so one sample lasts about `sampleMs`, then take
 * samples in rounds, rotating the order of the contenders each round so that none always runs
 * first (or always right after the one that leaves the most garbage). The figure reported is the
 * median sample.
 *
 * A full collection runs once before each comparison, not before each sample: collecting before
 * every sample shrinks the young generation, and on dockerfile-ast that made samples 3× slower and
 * far noisier than its steady state (measured per corpus pass: a median of 120 ms with an
 * interquartile range of 73% of it, against 40 ms and 4% without).
 */
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";

/** One thing to time. `run` does one full pass over the workload and returns a number derived from its result. */
export interface Contender {
  readonly name: string;
  readonly run: () => number;
}

export interface MeasureOptions {
  /** Time each contender runs before sampling starts (ms). */
  readonly warmupMs: number;
  /** The target length of one sample (ms); fast passes are batched up to it. */
  readonly sampleMs: number;
  /** Stop once every contender has this many samples and `minTimeMs` of sampled time... */
  readonly minSamples: number;
  readonly minTimeMs: number;
  /** ...or once the whole comparison has taken this long, provided each has `floorSamples`. */
  readonly maxTotalMs: number;
  readonly floorSamples: number;
}

export const defaultMeasureOptions: MeasureOptions = {
  warmupMs: 300,
  sampleMs: 25,
  minSamples: 20,
  minTimeMs: 500,
  maxTotalMs: 15_000,
  floorSamples: 7,
};

/** Shorter budgets for a quick look (`--quick`); figures are noisier. */
export const quickMeasureOptions: MeasureOptions = {
  warmupMs: 50,
  sampleMs: 5,
  minSamples: 5,
  minTimeMs: 50,
  maxTotalMs: 2_000,
  floorSamples: 3,
};

export interface Timing {
  readonly name: string;
  /** Median time of one pass (ns). */
  readonly medianNs: number;
  readonly minNs: number;
  /** Interquartile range over the median: how noisy the samples were. */
  readonly spread: number;
  readonly samples: number;
  /** Passes per sample after calibration. */
  readonly batch: number;
}

let sink = 0;

/** Fold a result into a checksum that is printed at the end, so the JIT cannot drop the work. */
export function consume(value: number): void {
  sink = (Math.imul(sink, 31) + (value | 0)) | 0;
}

/** The checksum of everything `consume` has seen; print it. */
export function readChecksum(): number {
  return sink >>> 0;
}

/** Nanoseconds from an arbitrary origin, from the monotonic high-resolution clock. */
export function nowNs(): number {
  return Number(process.hrtime.bigint());
}

const collect = findGarbageCollector();

/** Whether each comparison starts from a collected heap (it does unless V8 refused to expose `gc`). */
export const collectsGarbage = collect !== null;

function findGarbageCollector(): (() => void) | null {
  const exposed = (globalThis as { gc?: () => void }).gc;
  if (typeof exposed === "function") return exposed;
  try {
    // `npm run bench` cannot pass --expose-gc through tsx's script line; V8 takes it at run time too.
    setFlagsFromString("--expose-gc");
    const gc: unknown = runInNewContext("gc");
    return typeof gc === "function" ? (gc as () => void) : null;
  } catch {
    return null;
  }
}

/** Time several contenders on the same workload, interleaved. */
export function compareContenders(contenders: readonly Contender[], options: MeasureOptions = defaultMeasureOptions): Timing[] {
  collect?.();
  const batches = contenders.map((c) => warmUp(c, options));
  const samples: number[][] = contenders.map(() => []);
  const sampledNs = contenders.map(() => 0);
  const started = nowNs();
  for (let round = 0; ; round++) {
    for (let k = 0; k < contenders.length; k++) {
      const i = (round + k) % contenders.length;
      const contender = contenders[i];
      const batch = batches[i];
      if (contender === undefined || batch === undefined) continue;
      const t0 = nowNs();
      for (let rep = 0; rep < batch; rep++) consume(contender.run());
      const elapsed = nowNs() - t0;
      samples[i]?.push(elapsed / batch);
      sampledNs[i] = (sampledNs[i] ?? 0) + elapsed;
    }
    if (isDone(samples, sampledNs, nowNs() - started, options)) break;
  }
  return contenders.map((c, i) => summarise(c.name, samples[i] ?? [], batches[i] ?? 1));
}

/** Time one contender alone (same method as `compareContenders`). */
export function measureContender(contender: Contender, options: MeasureOptions = defaultMeasureOptions): Timing {
  const [timing] = compareContenders([contender], options);
  if (timing === undefined) throw new Error("no timing");
  return timing;
}

function warmUp(contender: Contender, options: MeasureOptions): number {
  const deadline = nowNs() + options.warmupMs * 1e6;
  let passes = 0;
  let fastest = Infinity;
  // At least 5 passes so the optimising compiler has seen the code, even for a slow contender.
  while (passes < 5 || nowNs() < deadline) {
    const t0 = nowNs();
    consume(contender.run());
    fastest = Math.min(fastest, nowNs() - t0);
    passes++;
  }
  return Math.max(1, Math.round((options.sampleMs * 1e6) / fastest));
}

function isDone(samples: readonly number[][], sampledNs: readonly number[], totalNs: number, options: MeasureOptions): boolean {
  const fewest = Math.min(...samples.map((s) => s.length));
  const least = Math.min(...sampledNs);
  if (fewest >= options.minSamples && least >= options.minTimeMs * 1e6) return true;
  return totalNs >= options.maxTotalMs * 1e6 && fewest >= options.floorSamples;
}

function summarise(name: string, samples: readonly number[], batch: number): Timing {
  const sorted = [...samples].sort((a, b) => a - b);
  const medianNs = quantile(sorted, 0.5);
  return {
    name,
    medianNs,
    minNs: sorted[0] ?? NaN,
    spread: (quantile(sorted, 0.75) - quantile(sorted, 0.25)) / medianNs,
    samples: sorted.length,
    batch,
  };
}

/** Linear-interpolated quantile of an ascending array. */
export function quantile(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) return NaN;
  const pos = (sorted.length - 1) * q;
  const lo = Math.floor(pos);
  const a = sorted[lo] ?? NaN;
  const b = sorted[Math.min(lo + 1, sorted.length - 1)] ?? NaN;
  return a + (b - a) * (pos - lo);
}
