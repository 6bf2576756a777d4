import { existsSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { createServer } from "node:net";
import { defineConfig, devices } from "@playwright/test";
import { CHROMIUM_ARGS, ensureChromium } from "./tests/e2e/chromium.ts";

/**
 * The port of the server the tests start: STAGECRAFT_E2E_PORT when set, else one the system says
 * is free. It is written back to the environment, because every Playwright worker loads this file
 * again and must reach the same server.
 */
async function choosePort(): Promise<number> {
  const wanted = process.env.STAGECRAFT_E2E_PORT;
  if (wanted !== undefined && wanted !== "") {
    const port = Number(wanted);
    if (!Number.isInteger(port) || port < 1 || port > 65_535) {
      throw new Error(`STAGECRAFT_E2E_PORT must be a port number (1-65535), not "${wanted}".`);
    }
    return port;
  }
  const port = await new Promise<number>((resolve, reject) => {
    const probe = createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const address = probe.address();
      const free = typeof address === "object" && address !== null ? address.port : 0;
      probe.close(() => resolve(free));
    });
  });
  process.env.STAGECRAFT_E2E_PORT = String(port);
  return port;
}

const PORT = await choosePort();
const BASE_URL = `http://127.0.0.1:${PORT}`;
const IN_CI = Boolean(process.env.CI);

/** The newest modification time under `path` (a file or a folder), 0 when it does not exist. */
function newestChange(path: string): number {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(stat.mtimeMs, ...readdirSync(path).map((entry) => newestChange(join(path, entry))));
}

/** True when dist/ was built after the last change to anything that goes into it. */
function isBuildFresh(): boolean {
  const built = newestChange("dist/index.html");
  const inputs = ["index.html", "vite.config.ts", "package-lock.json", "web", "src", "public"];
  return built > 0 && inputs.every((input) => newestChange(input) <= built);
}

/**
 * Serve the built app when it is up to date (`npm test` builds just before), so the tests see
 * what ships; otherwise the dev server, so `npx playwright test` never tests a stale build.
 * STAGECRAFT_E2E_SERVER=dev|preview forces either; STAGECRAFT_E2E_DIST=<folder> previews a build
 * made elsewhere (`vite build --outDir <folder>`), so a run never serves a dist/ being rebuilt.
 */
function chooseServer(): string {
  const dist = process.env.STAGECRAFT_E2E_DIST;
  const wanted = process.env.STAGECRAFT_E2E_SERVER ?? (dist !== undefined || isBuildFresh() ? "preview" : "dev");
  if (wanted !== "dev" && wanted !== "preview") {
    throw new Error(`STAGECRAFT_E2E_SERVER must be "dev" or "preview", not "${wanted}".`);
  }
  const vite = wanted === "preview" ? `vite preview${dist !== undefined ? ` --outDir ${JSON.stringify(dist)}` : ""}` : "vite";
  return `npx ${vite} --host 127.0.0.1 --port ${PORT} --strictPort`;
}

export default defineConfig({
  testDir: "tests/e2e",
  fullyParallel: true,
  forbidOnly: IN_CI,
  retries: 0,
  // Generous ceilings for a loaded 2-core machine; tests wait on conditions, so a pass is never slower for it.
  timeout: 60_000,
  expect: { timeout: 15_000 },
  // A hung browser must not hold CI for its whole time limit.
  globalTimeout: IN_CI ? 30 * 60_000 : undefined,
  // Two workers share one server; the suite takes about 10 minutes on a quiet 2-core machine.
  workers: 2,
  reporter: IN_CI ? [["list"], ["html", { open: "never" }]] : "list",
  use: {
    baseURL: BASE_URL,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
  },
  projects: [
    {
      name: "chromium",
      use: {
        ...devices["Desktop Chrome"],
        viewport: { width: 1280, height: 720 },
        launchOptions: {
          executablePath: ensureChromium(),
          args: [...CHROMIUM_ARGS],
        },
      },
    },
  ],
  webServer: {
    command: chooseServer(),
    url: BASE_URL,
    // Never test a server this run did not start: with the port taken, the run stops and says so.
    reuseExistingServer: false,
    timeout: 120_000,
    stdout: "ignore",
    stderr: "pipe",
  },
});
