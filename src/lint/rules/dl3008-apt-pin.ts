import { hadolintRule, onInstruction, stageInstructions } from "../define.ts";
import { findInvocations, runScript } from "../shell-commands.ts";
import { aptPackages } from "../apt.ts";

/**
 * hadolint warns; here it is info. Debian mirrors drop old package versions, so a pinned
 * apt-get install breaks a rebuild weeks later; pinning the base image (tag and digest) is
 * what makes the package set reproducible.
 */
export const dl3008 = hadolintRule({
  id: "DL3008",
  severity: "info",
  summary: "Pin versions in apt-get install (info here: pinned versions vanish from the mirrors; pin the base image instead)",
  why: "hadolint asks for pinned package versions; here it is only info because Debian mirrors drop old versions, which breaks a rebuild weeks later.",
  howToFix: "Pin the base image (tag and digest) for a reproducible package set, or pin package=version if you host the mirror.",
  *check(ctx) {
    for (const { instruction, stage } of stageInstructions(ctx)) {
      if (instruction.kind !== "run") continue;
      const unpinned = findInvocations(runScript(instruction), "apt-get", "install").flatMap((i) => aptPackages(i.args).filter((p) => !p.includes("=") && !p.endsWith(".deb") && !p.startsWith("$")));
      if (unpinned.length === 0) continue;
      yield onInstruction(instruction.node, stage, `Pin versions in apt-get install (${unpinned.join(", ")}): apt-get install <package>=<version>`);
    }
  },
});
