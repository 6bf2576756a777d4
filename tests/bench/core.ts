/**
 * The core as it ships: bundled by esbuild the way Vite bundles it for the browser. Importing
 * `src/` through tsx instead would time tsx's `keepNames` wrappers (a `__name()` call per
 * function created), which the app never runs and dockerfile-ast, already compiled, never pays.
 */
import { build } from "esbuild";
import { mkdirSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

export type Core = typeof import("../../src/index.ts");

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), "..", "..");

export async function loadShippedCore(): Promise<Core> {
  const outdir = join(repoRoot, "node_modules", ".cache", "stagecraft-bench");
  mkdirSync(outdir, { recursive: true });
  const outfile = join(outdir, `core-${process.pid}.mjs`);
  await build({
    entryPoints: [join(repoRoot, "src", "index.ts")],
    bundle: true,
    format: "esm",
    platform: "neutral",
    target: "es2022",
    outfile,
    logLevel: "silent",
  });
  return (await import(pathToFileURL(outfile).href)) as Core;
}
