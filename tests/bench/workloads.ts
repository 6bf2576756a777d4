/** The inputs benchmarks run on: the real corpus and synthetic files. */
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { generateDockerfile } from "./synthetic.ts";

export interface Workload {
  readonly label: string;
  readonly texts: readonly string[];
  /** UTF-8 bytes over all texts (MB/s figures use 10^6 of these). */
  readonly bytes: number;
}

export function toWorkload(label: string, texts: readonly string[]): Workload {
  return { label, texts, bytes: texts.reduce((sum, t) => sum + Buffer.byteLength(t, "utf8"), 0) };
}

/** Every `real/*.Dockerfile` of the corpus, in name order. */
export function loadRealCorpus(corpusDir: string): Workload {
  const dir = join(corpusDir, "real");
  const files = readdirSync(dir)
    .filter((f) => f.endsWith(".Dockerfile"))
    .sort();
  return toWorkload(`real corpus (${files.length} files)`, files.map((f) => readFileSync(join(dir, f), "utf8")));
}

/** One synthetic file of `stages` stages (see synthetic.ts). */
export function syntheticWorkload(stages: number): Workload {
  return toWorkload(`synthetic ${stages} stages`, [generateDockerfile(stages)]);
}

const mobyFile = "moby__moby__Dockerfile.Dockerfile";

/**
 * moby's 59-stage Dockerfile and the whole real corpus, the two workloads the pipeline suites
 * compare on; a synthetic 59-stage file stands in when the corpus is absent.
 */
export function loadMobyAndCorpus(corpusDir: string | null): Workload[] {
  if (corpusDir === null) return [toWorkload("synthetic 59-stage file", [generateDockerfile(59)])];
  const moby = toWorkload(`${mobyFile} (59 stages)`, [readFileSync(join(corpusDir, "real", mobyFile), "utf8")]);
  return [moby, loadRealCorpus(corpusDir)];
}
