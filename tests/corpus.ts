/**
 * Where the read-only conformance corpus lives, for tests that need it.
 *
 * The corpus is `../shared/corpus` relative to the repository root, or the folder named by
 * `STAGECRAFT_CORPUS`. Tests skip (with a message) when it is absent, except under `CI=true`,
 * where a missing corpus must fail the run rather than silently test nothing.
 */
import { existsSync, statSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), "..");

function isDirectory(path: string): boolean {
  return existsSync(path) && statSync(path).isDirectory();
}

/** The corpus folder, or null when it cannot be found. */
export function corpusDir(): string | null {
  const fromEnv = process.env["STAGECRAFT_CORPUS"];
  const dir =
    fromEnv !== undefined && fromEnv !== ""
      ? resolve(fromEnv)
      : resolve(repoRoot, "..", "shared", "corpus");
  return isDirectory(dir) ? dir : null;
}

/**
 * The corpus folder for a test file that needs it.
 *
 * Returns null (after printing why) when the corpus is absent, so the caller can skip its
 * suites with `describe.skipIf(dir === null)`. Throws when `CI=true`, failing the test file.
 *
 * @example
 * const dir = requireCorpus("BuildKit conformance");
 * describe.skipIf(dir === null)("testfiles", () => { ... });
 */
export function requireCorpus(what = "corpus tests"): string | null {
  const dir = corpusDir();
  if (dir !== null) return dir;
  const where =
    process.env["STAGECRAFT_CORPUS"] ?? join(repoRoot, "..", "shared", "corpus");
  const message = `${what}: conformance corpus not found at ${where} (set STAGECRAFT_CORPUS to its folder)`;
  if (process.env["CI"] === "true") {
    throw new Error(`${message}; CI=true requires it`);
  }
  console.warn(`SKIPPED ${message}`);
  return null;
}
