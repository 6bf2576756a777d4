import { hadolintRule, onInstruction, stageInstructions } from "../define.ts";

const remote = /^[a-z]+:\/\/|^git@/i;
const archive = /\.(tar|tar\.\w+|tgz|tbz2?|txz|zip|gz|bz2|xz|zst)$/i;

export const dl3020 = hadolintRule({
  id: "DL3020",
  severity: "error",
  summary: "Use COPY instead of ADD for files and folders",
  why: "ADD also unpacks archives and fetches URLs; for plain files COPY says exactly what happens.",
  howToFix: "Use COPY for local files and folders.",
  *check(ctx) {
    for (const { instruction, stage } of stageInstructions(ctx)) {
      if (instruction.kind !== "add" || instruction.sources.length === 0) continue;
      if (instruction.sources.some((s) => remote.test(s.value) || archive.test(s.value) || s.value.includes("$"))) continue;
      if (instruction.checksum !== null || instruction.unpack !== null || instruction.keepGitDir !== null) continue;
      const keyword = instruction.node.keyword;
      const copy = keyword === keyword.toLowerCase() ? "copy" : "COPY";
      yield {
        ...onInstruction(instruction.node, stage, "Use COPY instead of ADD for files and folders", instruction.node.keywordRange),
        fix: { title: "Use COPY", edits: [{ range: instruction.node.keywordRange, text: copy }] },
      };
    }
  },
});
