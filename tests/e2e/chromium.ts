/**
 * The browser every browser test and benchmark drives: the system Chromium (no download), with
 * the flags that keep it quiet and off the network on its own.
 */
import { existsSync } from "node:fs";

/**
 * The Chromium to drive: $CHROMIUM_PATH, else a system Chromium or Chrome, else (undefined)
 * the browser `npx playwright install chromium` downloads.
 */
export function findChromium(): string | undefined {
  const fromEnv = process.env["CHROMIUM_PATH"];
  if (fromEnv !== undefined && fromEnv !== "") {
    if (!existsSync(fromEnv)) throw new Error(`CHROMIUM_PATH is set to ${fromEnv}, which does not exist.`);
    return fromEnv;
  }
  return ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"].find((path) => existsSync(path));
}

/** Flags: no sandbox (containers), no GPU, and none of Chromium's own background requests. */
export const CHROMIUM_ARGS: readonly string[] = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
];
