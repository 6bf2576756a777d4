/**
 * The stage graph on the 60 real Dockerfiles of the corpus: it never throws, has one stage per
 * FROM line, points only at nodes it has, and comes out as BuildKit would build it where
 * `SOURCES.tsv` says something checkable (stages unused by the default target, stages picked
 * by a variable).
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { buildStageGraph } from "../../src/graph/build-stage-graph.ts";
import { stageGraphToJson } from "../../src/graph/to-json.ts";
import type { StageGraph, StageGraphOptions } from "../../src/graph/types.ts";
import { parseDockerfile } from "../../src/syntax/parse.ts";
import { requireCorpus } from "../corpus.ts";

const corpus = requireCorpus("stage graph corpus tests");

interface Source {
  readonly file: string;
  readonly stages: number;
  readonly unused: readonly string[];
  readonly unusedCount: number;
  readonly variableRefs: readonly string[];
}

function readSources(dir: string): Source[] {
  const [, ...rows] = readFileSync(join(dir, "SOURCES.tsv"), "utf8").trimEnd().split("\n");
  return rows.map((row) => {
    const cells = row.split("\t");
    const notes = cells[6] ?? "";
    const unused = /unused-by-default-target\((\d+)\): ([^;|]+)/.exec(notes);
    const refs = /variable stage ref in FROM: ([^|]+)/.exec(notes);
    return {
      file: cells[0] ?? "",
      stages: Number(cells[5]),
      unused: unused?.[2]?.trim().split(/\s+/) ?? [],
      unusedCount: Number(unused?.[1] ?? 0),
      variableRefs: refs?.[1]?.split(", ").map((r) => r.trim()) ?? [],
    };
  });
}

/**
 * The stage each variable FROM picks on linux/amd64 with no build arguments, worked out by hand
 * from the files' ARG defaults and BuildKit's automatic ARGs.
 */
const expectedPicks: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  "Mintplex-Labs__anything-llm__docker__Dockerfile.Dockerfile": { "build-${TARGETARCH}": "build-amd64" },
  "docker__buildx__Dockerfile.Dockerfile": { "binaries-$TARGETOS": "binaries-linux" },
  "docker__cli__Dockerfile.Dockerfile": { "bin-image-${TARGETOS}": "bin-image-linux" },
  "moby__buildkit__Dockerfile.Dockerfile": {
    "binaries-$TARGETOS": "binaries-linux",
    "buildkit-$TARGETOS${BUILDKIT_DEBUG:+-debug}": "buildkit-linux",
  },
  "moby__moby__Dockerfile.Dockerfile": {
    "delve-${DELVE_SUPPORTED}": "delve-supported",
    "containerd-${TARGETOS}": "containerd-linux",
    "runc-${TARGETOS}": "runc-linux",
    "tini-${TARGETOS}": "tini-linux",
    "rootlesskit-${TARGETOS}": "rootlesskit-linux",
    "containerutil-windows-${TARGETARCH}": "containerutil-windows-amd64",
    "containerutil-${TARGETOS}": "containerutil-linux",
  },
  "qdrant__qdrant__Dockerfile.Dockerfile": { "qdrant-${GPU:+gpu-}${GPU:-cpu}": "qdrant-cpu" },
};

function graphOf(dir: string, file: string, options: StageGraphOptions = {}): StageGraph {
  return buildStageGraph(parseDockerfile(readFileSync(join(dir, "real", file), "utf8")), options);
}

/** The name of the stage each FROM whose base is written `raw` resolves to. */
function picks(graph: StageGraph, raw: string): (string | null)[] {
  return graph.stages
    .filter((s) => s.stage.from.image?.value === raw)
    .map((s) => (s.base.kind === "stage" ? (graph.stages[s.base.index]?.name ?? null) : null));
}

describe.skipIf(corpus === null)("stage graph on the real corpus", () => {
  const dir = corpus ?? "";
  const sources = corpus === null ? [] : readSources(join(dir, "real"));

  it("lists 60 files", () => {
    expect(sources).toHaveLength(60);
  });

  for (const source of sources) {
    describe(source.file, () => {
      const text = readFileSync(join(dir, "real", source.file), "utf8");
      const graph = buildStageGraph(parseDockerfile(text));

      it("has one stage per FROM line", () => {
        const fromLines = text.split("\n").filter((line) => /^\s*FROM\s/i.test(line)).length;
        expect(graph.stages).toHaveLength(source.stages);
        expect(graph.stages).toHaveLength(fromLines);
      });

      it("has no edge to an unknown node and a deterministic JSON form", () => {
        const images = new Set(graph.images.map((i) => i.ref));
        for (const edge of graph.edges) {
          expect(edge.target).toBeGreaterThanOrEqual(0);
          expect(edge.target).toBeLessThan(graph.stages.length);
          if (edge.source.kind === "stage") expect(graph.stages[edge.source.index]).toBeDefined();
          else expect(images.has(edge.source.ref)).toBe(true);
        }
        const again = buildStageGraph(parseDockerfile(text));
        expect(JSON.stringify(stageGraphToJson(again))).toBe(JSON.stringify(stageGraphToJson(graph)));
      });

      it("does not build the stages SOURCES.tsv lists as unused by the default target", () => {
        expect(source.unused).toHaveLength(source.unusedCount);
        for (const name of source.unused) {
          const stage = graph.stages.find((s) => s.name === name);
          expect(stage, `stage ${name}`).toBeDefined();
          expect(stage?.reachable, `stage ${name} reachable`).toBe(false);
        }
        expect(graph.stages[graph.target]?.reachable).toBe(true);
      });

      if (source.variableRefs.length > 0) {
        it("picks the stage BuildKit picks for each variable FROM", () => {
          const expected = expectedPicks[source.file] ?? {};
          for (const raw of source.variableRefs) {
            expect(expected[raw], `expected pick for ${raw}`).toBeDefined();
            const picked = picks(graph, raw);
            expect(picked.length, `FROM ${raw}`).toBeGreaterThan(0);
            for (const name of picked) expect(name).toBe(expected[raw]);
          }
        });
      }
    });
  }

  it("follows build arguments that pick another stage or image", () => {
    const prefect = graphOf(dir, "PrefectHQ__prefect__Dockerfile.Dockerfile", { buildArgs: { BASE_IMAGE: "prefect-conda" } });
    expect(picks(prefect, "${BASE_IMAGE}")).toEqual(["prefect-conda"]);
    expect(prefect.stages.find((s) => s.name === "prefect-conda")?.reachable).toBe(true);

    const qdrant = graphOf(dir, "qdrant__qdrant__Dockerfile.Dockerfile", { buildArgs: { GPU: "nvidia" } });
    expect(picks(qdrant, "qdrant-${GPU:+gpu-}${GPU:-cpu}")).toEqual(["qdrant-gpu-nvidia"]);

    const moby = graphOf(dir, "moby__moby__Dockerfile.Dockerfile", { buildArgs: { TARGETOS: "windows" } });
    expect(picks(moby, "containerd-${TARGETOS}")).toEqual(["containerd-windows"]);
  });

  it("reports a FROM that needs a build argument, and accepts it when given", () => {
    const netbox = "netbox-community__netbox-docker__Dockerfile.Dockerfile";
    const without = graphOf(dir, netbox);
    expect(without.diagnostics.filter((d) => d.code === "BlankBaseName")).toHaveLength(2);
    const given = graphOf(dir, netbox, { buildArgs: { FROM: "ubuntu:24.04" } });
    expect(given.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    expect(given.stages.map((s) => (s.base.kind === "image" ? s.base.ref : null))).toEqual(["ubuntu:24.04", "ubuntu:24.04"]);
  });

  it("builds every named target of the three largest files without an error", () => {
    for (const file of ["moby__moby__Dockerfile.Dockerfile", "moby__buildkit__Dockerfile.Dockerfile", "docker__buildx__Dockerfile.Dockerfile"]) {
      for (const stage of graphOf(dir, file).stages) {
        if (stage.name === null) continue;
        const graph = graphOf(dir, file, { target: stage.name.toUpperCase() });
        expect(graph.stages[graph.target]?.name).toBe(stage.name);
        expect(graph.diagnostics.filter((d) => d.severity === "error"), `${file} --target ${stage.name}`).toEqual([]);
      }
    }
  });
});
