import { onInstruction, stagecraftRule } from "../define.ts";
import { copiesWholeContext } from "./cache-order.ts";

const nodeProject = /package\.json|\bnpm\b|\bpnpm\b|\byarn\b|\bnode:/;

export const copyContextWithoutDockerignore = stagecraftRule({
  id: "CopyContextWithoutIgnore",
  anchor: "copy-context-without-ignore",
  severity: "warning",
  summary: "COPY . . with a .dockerignore that does not leave out .git (and node_modules in a Node project)",
  why: "COPY . . sends the whole context: without .dockerignore entries for .git and node_modules they land in the image and break the cache on every commit.",
  howToFix: "Add .git (and node_modules in a Node project) to .dockerignore.",
  *check(ctx) {
    const ignore = ctx.dockerignore;
    if (ignore === null) return;
    const missing: string[] = [];
    if (!ignore.matches(".git")) missing.push(".git");
    if (nodeProject.test(ctx.source) && !ignore.matches("node_modules")) missing.push("node_modules");
    if (missing.length === 0) return;
    for (const stage of ctx.model.stages) {
      for (const i of stage.instructions) {
        if (!copiesWholeContext(i)) continue;
        yield onInstruction(i.node, stage.index, `COPY . . sends ${missing.join(" and ")} into the build: add ${missing.map((m) => `${m}`).join(" and ")} to .dockerignore`);
      }
    }
  },
});
