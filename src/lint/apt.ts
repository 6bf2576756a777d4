/** apt-get, apk and pip invocations as the package rules read them. */
import type { RunInstruction } from "../model/types.ts";
import { findInvocations, runScript } from "./shell-commands.ts";

const aptValueOptions = new Set(["-o", "-c", "-t", "--target-release", "--option", "--config-file"]);

/** The package operands of `apt-get install …` (after the subcommand, without options). */
export function aptPackages(args: readonly string[]): string[] {
  const out: string[] = [];
  let seenInstall = false;
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (aptValueOptions.has(a)) {
      i++;
      continue;
    }
    if (a.startsWith("-")) continue;
    if (!seenInstall) {
      seenInstall = true;
      continue;
    }
    out.push(a);
  }
  return out;
}

/** Whether a RUN installs with apt-get (or apt). */
export function installsWithApt(run: RunInstruction): boolean {
  return findInvocations(runScript(run), ["apt-get", "apt"], "install").length > 0;
}

/** Whether a RUN removes apt's package lists (`rm -rf /var/lib/apt/lists/*`). */
export function cleansAptLists(script: string): boolean {
  return /rm\s+(-\w+\s+)*[^\n;&|]*\/var\/lib\/apt\/lists/.test(script);
}

/** Whether `path` (or a parent of it) is the target of one of the RUN's cache mounts. */
export function hasCacheMount(run: RunInstruction, ...paths: readonly string[]): boolean {
  return run.mounts.some((m) => {
    if (m.kind !== "cache") return false;
    const target = (m.target?.value ?? "").replace(/\/+$/, "");
    return paths.some((p) => p === target || p.startsWith(`${target}/`));
  });
}
