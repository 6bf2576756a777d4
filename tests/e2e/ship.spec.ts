/**
 * The built site as it ships: its Content-Security-Policy is in the page and enforced, Monaco's
 * worker runs under it, a whole session sends nothing beyond the origin, and the site works from
 * a subfolder. These check the build (`vite preview`); on the dev server they are skipped.
 */
import type { Page } from "@playwright/test";
import { expect, focusEditor, stageNode, test, waitForApp } from "./app.ts";

async function isBuilt(page: Page): Promise<boolean> {
  return (await page.locator('script[src*="@vite/client"]').count()) === 0;
}

test.describe("the Content-Security-Policy", () => {
  // The browser reports the refused fetch below on the console: that report is the point.
  test.use({ expectedConsoleErrors: /Content Security Policy/ });

test("the built page carries a Content-Security-Policy that forbids loading and sending elsewhere", async ({ app }) => {
  test.skip(!(await isBuilt(app)), "the dev server serves no policy (React's refresh needs inline scripts); run against the build");
  const policy = await app.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute("content");
  expect(policy).toContain("default-src 'self'");
  expect(policy).toContain("connect-src 'self'");
  expect(policy).not.toMatch(/script-src[^;]*unsafe/);
  // Enforced: a fetch elsewhere is refused by the browser before any request is made.
  const refused = await app.evaluate(async () => {
    const violations: string[] = [];
    document.addEventListener("securitypolicyviolation", (event) => violations.push(event.violatedDirective));
    const failed = await fetch("https://example.com/leak").then(
      () => false,
      () => true,
    );
    await new Promise((resolve) => setTimeout(resolve, 50));
    return { failed, violations };
  });
  expect(refused).toEqual({ failed: true, violations: ["connect-src"] });
  // Monaco's worker (started lazily, for diffs and links) starts under the policy: a same-origin
  // module worker that loads without an error event.
  const started = await app.evaluate(async () => {
    const env = (self as unknown as { MonacoEnvironment: { getWorker(id: string, label: string): Worker } }).MonacoEnvironment;
    const worker = env.getWorker("csp-check", "editorWorkerService");
    const failed = await new Promise<boolean>((resolve) => {
      worker.addEventListener("error", () => resolve(true));
      setTimeout(() => resolve(false), 2000);
    });
    return { failed };
  });
  expect(started).toEqual({ failed: false });
  await expect.poll(() => app.workers().map((w) => w.url()).filter((url) => /editor\.worker/.test(url)).length).toBeGreaterThan(0);
});
});

test("a whole session sends nothing beyond the origin and breaks no policy", async ({ app, context, baseURL }) => {
  const origin = new URL(baseURL ?? "").origin;
  const outside: string[] = [];
  await context.route(
    (url) => url.origin !== origin,
    (route) => {
      outside.push(route.request().url());
      return route.abort();
    },
  );
  await app.evaluate(() => {
    (window as unknown as { __violations: string[] }).__violations = [];
    document.addEventListener("securitypolicyviolation", (event) => (window as unknown as { __violations: string[] }).__violations.push(`${event.violatedDirective} ${event.blockedURI}`));
  });
  await focusEditor(app);
  await app.keyboard.press("Control+End");
  await app.keyboard.type("FROM final AS extra\nRUN echo hi\n");
  await expect(stageNode(app, "extra")).toBeVisible();
  await app.getByRole("button", { name: "Examples" }).click();
  await app.getByRole("menuitem", { name: /Rust/ }).click();
  await expect(stageNode(app, "planner")).toBeVisible();
  await app.getByRole("tab", { name: "Explain" }).click();
  for (const item of [/graph as SVG/, /graph as PNG/, /Markdown handout/]) {
    await app.getByRole("button", { name: "Export" }).click();
    const downloading = app.waitForEvent("download");
    await app.getByRole("menuitem", { name: item }).click();
    await downloading;
  }
  await app.getByRole("button", { name: /dark theme/i }).click();
  expect(outside).toEqual([]);
  expect(await app.evaluate(() => (window as unknown as { __violations: string[] }).__violations)).toEqual([]);
});

test("the built site works from a subfolder", async ({ page, baseURL }) => {
  await page.goto("/");
  test.skip(!(await isBuilt(page)), "only the build has relative URLs");
  const origin = new URL(baseURL ?? "").origin;
  // Serve the site under /some/folder/ by asking the server for the same path at its root.
  await page.route(`${origin}/some/folder/**`, async (route) => {
    const url = route.request().url().replace("/some/folder/", "/");
    await route.fulfill({ response: await route.fetch({ url }) });
  });
  const paths: string[] = [];
  page.on("request", (request) => paths.push(new URL(request.url()).pathname));
  await page.goto("/some/folder/");
  await waitForApp(page);
  await expect(stageNode(page, "final")).toBeVisible();
  const loaded = paths.filter((p) => /\.(js|css|svg)$/.test(p));
  expect(loaded.length).toBeGreaterThan(0);
  expect(loaded.filter((p) => !p.startsWith("/some/folder/"))).toEqual([]);
});
