/**
 * The browser every browser test and benchmark drives: a Chromium found on this machine, or,
 * where there is none, one installed for the occasion (Playwright's own download, else the
 * system's package manager), with the flags that keep it quiet and off the network on its own.
 */
import { execFileSync } from "node:child_process";
import { accessSync, constants, existsSync } from "node:fs";
import { delimiter, join } from "node:path";
import { chromium } from "@playwright/test";

/** Where a system Chromium or Chrome usually lives. */
const SYSTEM_BROWSERS = ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"] as const;

/**
 * The places to look, in order: the system browsers, then the one `npx playwright install
 * chromium` downloads. STAGECRAFT_CHROMIUM_SEARCH (paths separated by the system's path
 * delimiter) replaces the list, so the no-browser path can be tried on a machine that has one.
 */
export function chromiumCandidates(env: NodeJS.ProcessEnv = process.env): readonly string[] {
  const override = env["STAGECRAFT_CHROMIUM_SEARCH"];
  if (override !== undefined) return override.split(delimiter).filter((path) => path !== "");
  return [...SYSTEM_BROWSERS, chromium.executablePath()];
}

/**
 * The Chromium to drive: $CHROMIUM_PATH (an error when it names nothing), else the first of
 * {@link chromiumCandidates} that exists, else undefined.
 */
export function findChromium(env: NodeJS.ProcessEnv = process.env, exists: (path: string) => boolean = existsSync): string | undefined {
  const fromEnv = env["CHROMIUM_PATH"];
  if (fromEnv !== undefined && fromEnv !== "") {
    if (!exists(fromEnv)) throw new Error(`CHROMIUM_PATH is set to ${fromEnv}, which does not exist.`);
    return fromEnv;
  }
  return chromiumCandidates(env).find((path) => exists(path));
}

/** What installing a browser needs from the machine; tests replace it. */
export interface Installer {
  /** Runs a command with its output shown; false when it could not run or failed. */
  readonly run: (command: string, args: readonly string[]) => boolean;
  /** The full path of an executable on PATH, or undefined. */
  readonly which: (name: string) => string | undefined;
  /** True when this process runs as root. */
  readonly isRoot: boolean;
  readonly log: (line: string) => void;
}

export const HOW_TO_GET_A_BROWSER = [
  "The browser tests need Chromium, and none was found or could be installed. Any one of these fixes it:",
  "  npx playwright install chromium           # Playwright's own build, any system",
  "  sudo apt-get install chromium             # Debian, Ubuntu (or your system's package manager)",
  "  CHROMIUM_PATH=/path/to/chrome npm test    # a Chrome or Chromium you already have",
].join("\n");

/**
 * Installs a Chromium: first Playwright's own download, then (where apt-get exists and we are
 * root or have sudo) the system package. Returns the browser's path, or throws with
 * {@link HOW_TO_GET_A_BROWSER}.
 */
export function installChromium(env: NodeJS.ProcessEnv, installer: Installer, exists: (path: string) => boolean = existsSync): string {
  installer.log("No Chromium found: trying Playwright's own download (npx playwright install chromium)…");
  if (installer.run("npx", ["playwright", "install", "chromium"])) {
    const found = findChromium(env, exists);
    if (found !== undefined) return found;
  }
  const aptGet = installer.which("apt-get");
  const sudo = installer.isRoot ? [] : installer.which("sudo") !== undefined ? ["sudo"] : null;
  if (aptGet !== undefined && sudo !== null) {
    installer.log("Playwright's download did not give a browser: installing the system's chromium package (apt-get)…");
    const asRoot = (args: readonly string[]): boolean =>
      sudo.length === 0 ? installer.run(args[0]!, args.slice(1)) : installer.run(sudo[0]!, args);
    const installed =
      asRoot(["apt-get", "update"]) &&
      asRoot(["env", "DEBIAN_FRONTEND=noninteractive", "apt-get", "install", "-y", "--no-install-recommends", "chromium"]);
    if (installed) {
      const found = findChromium(env, exists) ?? installer.which("chromium") ?? installer.which("chromium-browser");
      if (found !== undefined) return found;
    }
  }
  throw new Error(HOW_TO_GET_A_BROWSER);
}

/** The installer for this machine: real commands, output shown on the terminal. */
export function systemInstaller(env: NodeJS.ProcessEnv = process.env): Installer {
  return {
    run: (command, args) => {
      try {
        execFileSync(command, args, { stdio: ["ignore", "inherit", "inherit"], timeout: 15 * 60_000 });
        return true;
      } catch {
        return false;
      }
    },
    which: (name) =>
      (env["PATH"] ?? "")
        .split(delimiter)
        .filter((dir) => dir !== "")
        .map((dir) => join(dir, name))
        .find((path) => {
          try {
            accessSync(path, constants.X_OK);
            return true;
          } catch {
            return false;
          }
        }),
    isRoot: process.getuid?.() === 0,
    log: (line) => process.stderr.write(`${line}\n`),
  };
}

/**
 * The Chromium to drive, installed first where there is none. The answer is written to
 * $CHROMIUM_PATH so that processes started from this one (Playwright's workers) find it at once.
 */
export function ensureChromium(env: NodeJS.ProcessEnv = process.env): string {
  const path = findChromium(env) ?? installChromium(env, systemInstaller(env));
  env["CHROMIUM_PATH"] = path;
  return path;
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
