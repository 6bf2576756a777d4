/**
 * `vite preview` of the built app on a free port, started and stopped by the benchmark itself,
 * so it measures what ships and never a dev server or a stray server left running.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync } from "node:fs";
import { createServer } from "node:net";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), "..", "..");

export interface PreviewServer {
  readonly url: string;
  readonly stop: () => Promise<void>;
}

function isPortFree(port: number): Promise<boolean> {
  return new Promise((done) => {
    const probe = createServer();
    probe.once("error", () => done(false));
    probe.listen(port, "127.0.0.1", () => probe.close(() => done(true)));
  });
}

/** The first free port from `from` upward. */
export async function findFreePort(from: number): Promise<number> {
  for (let port = from; port < from + 100; port++) if (await isPortFree(port)) return port;
  throw new Error(`no free port in ${from}..${from + 99}`);
}

async function waitUntilServing(url: string, child: ChildProcess, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`vite preview exited with code ${child.exitCode}`);
    try {
      const response = await fetch(url);
      if (response.ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((resume) => setTimeout(resume, 100));
  }
  throw new Error(`vite preview did not answer at ${url} within ${timeoutMs} ms`);
}

/**
 * Serves the build with `vite preview`: dist/, or the folder named by STAGECRAFT_DIST (a build
 * made with `vite build --outDir`, so a benchmark never serves a dist/ someone is rebuilding).
 * `stop()` ends the server and everything it started.
 */
export async function startPreview(preferredPort = Number(process.env["STAGECRAFT_E2E_PORT"] ?? 4273)): Promise<PreviewServer> {
  const dist = resolve(repoRoot, process.env["STAGECRAFT_DIST"] ?? "dist");
  if (!existsSync(join(dist, "index.html"))) {
    throw new Error(`${dist} has no build: run \`npm run build\` first (\`npm run bench:browser\` does).`);
  }
  const port = await findFreePort(preferredPort);
  const vite = join(repoRoot, "node_modules", "vite", "bin", "vite.js");
  // Its own process group, so stopping it reaches every process it started.
  const child = spawn(process.execPath, [vite, "preview", "--outDir", dist, "--host", "127.0.0.1", "--port", String(port), "--strictPort"], {
    cwd: repoRoot,
    detached: true,
    stdio: ["ignore", "ignore", "pipe"],
  });
  let stderr = "";
  child.stderr?.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  const url = `http://127.0.0.1:${port}`;
  const stop = async () => {
    if (child.exitCode !== null || child.pid === undefined) return;
    const exited = new Promise<void>((done) => child.once("exit", () => done()));
    process.kill(-child.pid, "SIGTERM");
    await exited;
  };
  try {
    await waitUntilServing(url, child, 30_000);
  } catch (error) {
    await stop();
    throw new Error(`${error instanceof Error ? error.message : String(error)}\n${stderr}`, { cause: error });
  }
  return { url, stop };
}
