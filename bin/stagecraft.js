#!/usr/bin/env node
// The `stagecraft` command of a global install (`npm i -g`). It runs the CLI bundled into one
// file by `npm run build:cli` (no TypeScript loader needed at run time); in a checkout where that
// bundle was never built, it runs the sources through tsx, a dev dependency.
import { existsSync } from "node:fs";
import { fileURLToPath, pathToFileURL } from "node:url";

const bundle = fileURLToPath(new URL("../cli-dist/stagecraft.mjs", import.meta.url));
if (existsSync(bundle)) {
  await import(pathToFileURL(bundle).href);
} else {
  let register;
  try {
    ({ register } = await import("tsx/esm/api"));
  } catch {
    process.stderr.write("stagecraft: the command line is not built: run 'npm run build:cli' in the Stagecraft folder.\n");
    process.exit(2);
  }
  register();
  await import(new URL("../src/cli/main.ts", import.meta.url).href);
}
