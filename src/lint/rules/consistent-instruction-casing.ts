import { buildkitRule, onInstruction } from "../define.ts";
import type { InstructionNode } from "../../syntax/types.ts";

const selfConsistent = (name: string) => name === name.toLowerCase() || name === name.toUpperCase();

export const consistentInstructionCasing = buildkitRule({
  id: "ConsistentInstructionCasing",
  summary: "All commands within the Dockerfile should use the same casing (either upper or lower)",
  docsSlug: "consistent-instruction-casing",
  phase: "file",
  why: "One casing for every instruction keyword makes the file read as one; BuildKit takes the majority casing as the norm.",
  howToFix: "Write every instruction keyword in the casing most of the file uses.",
  *check(ctx) {
    // BuildKit counts the instructions of stages only: global ARGs neither vote nor get checked.
    const nodes: { node: InstructionNode; stage: number }[] = [];
    for (const stage of ctx.model.stages) {
      nodes.push({ node: stage.from.node, stage: stage.index });
      for (const i of stage.instructions) nodes.push({ node: i.node, stage: stage.index });
    }
    let lower = 0;
    let upper = 0;
    for (const { node } of nodes) {
      if (!selfConsistent(node.keyword)) continue;
      if (node.keyword === node.keyword.toLowerCase()) lower++;
      else upper++;
    }
    const majorityLower = lower > upper;
    for (const { node, stage } of nodes) {
      const want = majorityLower ? node.keyword.toLowerCase() : node.keyword.toUpperCase();
      if (want === node.keyword) continue;
      const casing = majorityLower ? "lowercase" : "uppercase";
      yield {
        ...onInstruction(node, stage, `Command '${node.keyword}' should match the case of the command majority (${casing})`, node.keywordRange),
        fix: { title: `Write '${want}'`, edits: [{ range: node.keywordRange, text: want }] },
      };
    }
  },
});
