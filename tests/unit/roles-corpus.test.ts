/**
 * Stage roles on the 60 real Dockerfiles of the corpus: no throw, every stage a role from the
 * vocabulary, and the whole table kept as a reviewed text snapshot (`roles-corpus.txt`).
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { stageRoles } from "../../src/explain/roles.ts";
import { buildStageGraph } from "../../src/graph/build-stage-graph.ts";
import { parseDockerfile } from "../../src/syntax/parse.ts";
import { requireCorpus } from "../corpus.ts";

const corpus = requireCorpus("stage role corpus tests");

describe.skipIf(corpus === null)("stage roles on the real corpus", () => {
  const dir = join(corpus ?? "", "real");
  const files = corpus === null ? [] : readdirSync(dir).filter((f) => f.endsWith(".Dockerfile")).sort();

  it("has the 60 files", () => expect(files.length).toBe(60));

  it("gives every stage a role and a reason, and matches the reviewed table", async () => {
    const lines: string[] = [];
    for (const file of files) {
      const graph = buildStageGraph(parseDockerfile(readFileSync(join(dir, file), "utf8")));
      lines.push(file.replace(/\.Dockerfile$/, ""));
      for (const stage of graph.stages) {
        expect(stageRoles).toContain(stage.role);
        expect(stage.roleReason).toMatch(/^[A-Z].*\.$/);
        lines.push(`  ${stage.label.padEnd(28)} ${stage.reachable ? stage.role : `${stage.role.padEnd(8)} (not built)`}`);
      }
    }
    await expect(lines.join("\n") + "\n").toMatchFileSnapshot("roles-corpus.txt");
  });
});
