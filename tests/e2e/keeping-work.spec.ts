/**
 * Work is never lost silently: a save the browser refuses is shown until one succeeds, with the
 * text to download; two tabs never overwrite each other's newer text without the user choosing;
 * an editor that cannot start still shows the text to copy and download.
 */
import { readFile } from "node:fs/promises";
import type { Page } from "@playwright/test";
import { expect, faultStorage, focusEditor, readEditorText, stageNode, STORAGE_KEY, test, waitForApp } from "./app.ts";

// Two tabs load Monaco twice; leave room for a loaded machine.
test.describe.configure({ timeout: 240_000 });

async function typeAtEnd(page: Page, text: string): Promise<void> {
  // With two tabs, the one typed in is the one in front (a background tab's timers are throttled).
  await page.bringToFront();
  await focusEditor(page);
  await page.keyboard.press("Control+End");
  // One input event, as a paste: typing key by key takes minutes on a loaded machine.
  await page.keyboard.insertText(text);
}

function storedText(page: Page): Promise<string | null> {
  return page.evaluate((key) => (JSON.parse(localStorage.getItem(key) ?? "null") as { text: string } | null)?.text ?? null, STORAGE_KEY);
}

async function downloadedText(page: Page, click: () => Promise<void>): Promise<string> {
  const [download] = await Promise.all([page.waitForEvent("download"), click()]);
  return readFile(await download.path(), "utf8");
}

test.describe("when the browser's storage is full", () => {
  test.use({ seed: { text: "FROM alpine AS kept\n" }, storageFault: "quota" });

  test("a persistent warning offers the text to download, and clears once a save succeeds", async ({ app }) => {
    await typeAtEnd(app, "RUN echo typed while full\n");
    const warning = app.getByTestId("save-warning");
    await expect(warning).toBeVisible();
    await expect(warning).toContainText("Your work is not being saved");
    await expect(warning).toContainText("storage for this page is full");
    await app.screenshot({ path: "test-results/screens/save-warning.png" });

    const text = await readEditorText(app);
    expect(text).toBe("FROM alpine AS kept\nRUN echo typed while full\n");
    expect(await downloadedText(app, () => warning.getByRole("button", { name: "Download Dockerfile" }).click())).toBe(text);
    // It stays: the work is still not kept.
    await typeAtEnd(app, "#");
    await expect(warning).toBeVisible();

    // Room again: "Try again" saves, the warning goes, and the text is in storage.
    await app.evaluate(() => (window.__storageFault = null));
    // Any later store change saves by itself and may clear the warning first; Try again saves at
    // once when nothing else does. Either way the warning must go and the text be stored.
    await warning
      .getByRole("button", { name: "Try again" })
      .click({ timeout: 3_000 })
      .catch(() => undefined);
    await expect(warning).toBeHidden();
    await expect.poll(() => storedText(app)).toBe(`${text}#`);
  });
});

test.describe("when storage throws on every write (turned off by policy)", () => {
  test.use({ seed: { text: "FROM alpine AS kept\n" }, storageFault: "throw" });

  test("the warning says so, and the next change that saves clears it", async ({ app }) => {
    await typeAtEnd(app, "ENV A=1\n");
    const warning = app.getByTestId("save-warning");
    await expect(warning).toContainText("The browser refused to store it (The operation is insecure.)");
    await app.evaluate(() => (window.__storageFault = null));
    await typeAtEnd(app, "ENV B=2\n");
    await expect(warning).toBeHidden();
    // The warning clears at the first save that works, which may be a retry of the earlier text.
    await expect.poll(() => storedText(app)).toBe("FROM alpine AS kept\nENV A=1\nENV B=2\n");
  });
});

test.describe("two tabs on the same session", () => {
  test.use({ seed: { text: "FROM alpine AS one\n" } });

  async function openSecondTab(app: Page, fault: "quota" | null): Promise<Page> {
    const other = await app.context().newPage();
    other.on("pageerror", (error) => {
      throw error;
    });
    if (fault !== null) await faultStorage(other, fault);
    await other.goto("/");
    await waitForApp(other);
    await expect.poll(() => readEditorText(other)).toBe("FROM alpine AS one\n");
    return other;
  }

  test("a tab with no changes of its own follows the other tab's newer text, and says so", async ({ app }) => {
    const other = await openSecondTab(app, null);
    await typeAtEnd(app, "FROM one AS two\n");
    await expect.poll(() => readEditorText(other)).toBe("FROM alpine AS one\nFROM one AS two\n");
    await expect(stageNode(other, "two")).toBeVisible();
    await expect(other.getByTestId("tab-sync-notice")).toBeVisible();
    await expect(app.getByTestId("tab-conflict")).toBeHidden();
  });

  test("a tab with unsaved changes is asked, and its choice is saved; the other tab is told", async ({ app }) => {
    // The second tab cannot save, so its typing stays unsaved when the first tab writes.
    const other = await openSecondTab(app, "quota");
    await typeAtEnd(other, "FROM one AS mine\n");
    await expect(other.getByTestId("save-warning")).toBeVisible();

    await typeAtEnd(app, "FROM one AS theirs\n");
    await expect.poll(() => storedText(app), { timeout: 60_000 }).toBe("FROM alpine AS one\nFROM one AS theirs\n");
    const conflict = other.getByTestId("tab-conflict");
    await other.bringToFront();
    await expect(conflict).toContainText("Another tab saved a different version");
    await other.screenshot({ path: "test-results/screens/tab-conflict.png" });
    // Nothing was overwritten silently: each tab still shows its own text.
    expect(await readEditorText(other)).toBe("FROM alpine AS one\nFROM one AS mine\n");
    expect(await storedText(app)).toBe("FROM alpine AS one\nFROM one AS theirs\n");

    await other.evaluate(() => (window.__storageFault = null));
    await conflict.getByRole("button", { name: "Keep this tab's version", exact: true }).click();
    await expect(conflict).toBeHidden();
    await expect(other.getByTestId("save-warning")).toBeHidden();
    await expect.poll(() => storedText(app)).toBe("FROM alpine AS one\nFROM one AS mine\n");
    // The first tab had saved all its changes, so it takes the kept version in and says so.
    await expect.poll(() => readEditorText(app)).toBe("FROM alpine AS one\nFROM one AS mine\n");
    await expect(app.getByTestId("tab-sync-notice")).toBeVisible();
  });

  test("the asked tab can load the other tab's version instead", async ({ app }) => {
    const other = await openSecondTab(app, "quota");
    await typeAtEnd(other, "FROM one AS mine\n");
    await expect(other.getByTestId("save-warning")).toBeVisible();
    await typeAtEnd(app, "FROM one AS theirs\n");
    const conflict = other.getByTestId("tab-conflict");
    await expect(conflict).toBeVisible();
    await conflict.getByRole("button", { name: "Load the other tab's version", exact: true }).click();
    await expect.poll(() => readEditorText(other)).toBe("FROM alpine AS one\nFROM one AS theirs\n");
    await expect(stageNode(other, "theirs")).toBeVisible();
    await expect(conflict).toBeHidden();
  });
});

test.describe("when the editor's code cannot load", () => {
  const TEXT = "FROM alpine AS kept\nRUN echo still here\n";
  test.use({
    seed: { text: TEXT },
    // The aborted chunk and React's report of the caught error.
    expectedConsoleErrors: /Failed to load resource|DockerfileEditor|dynamically imported module|The above error occurred/i,
    failRequests: /\/DockerfileEditor[^/]*\.(js|tsx)(\?.*)?$/,
  });

  test("the text is there read-only, with Copy and Download", async ({ app }) => {
    const fallback = app.getByTestId("editor-fallback");
    await expect(fallback.getByRole("alert")).toContainText("The editor could not start");
    const area = app.getByTestId("editor-fallback-text");
    await expect(area).toHaveValue(TEXT);
    await expect(area).toHaveAttribute("readonly", "");
    await expect(stageNode(app, "kept")).toBeVisible();
    expect(await storedText(app)).toBe(TEXT);
    await app.screenshot({ path: "test-results/screens/editor-fallback.png" });

    expect(await downloadedText(app, () => fallback.getByRole("button", { name: "Download" }).click())).toBe(TEXT);
    await app.context().grantPermissions(["clipboard-read", "clipboard-write"]);
    await fallback.getByRole("button", { name: "Copy" }).click();
    await expect(fallback.getByRole("status")).toHaveText(/Copied|Selected/);
  });
});

test.describe("a Dockerfile with bidi overrides and zero-width characters", () => {
  // U+202E would show "/app/exe.png" as "/app/gnp.exe"; U+200B hides inside a name.
  const TEXT = "FROM alpine AS build\nRUN echo hi\nFROM scratch AS final\nCOPY --from=build /app/\u202Egnp.exe /out/\nCOPY --from=bu\u200Bild /a /b\n";
  test.use({ seed: { text: TEXT } });

  test("the side panel and the canvas write them out instead of obeying them", async ({ app }) => {
    await stageNode(app, "final").click();
    const panel = app.getByTestId("side-panel");
    await expect(panel.locator(".flow-paths").first()).toHaveText("/app/[U+202E]gnp.exe → /out/");
    await expect(panel).toContainText("bu[U+200B]ild");
    await expect(stageNode(app, "final")).toContainText("[U+202E]gnp.exe");
    const raw = await app.evaluate(() => {
      const text = [document.querySelector('[data-testid="side-panel"]'), document.querySelector('[data-testid="graph-canvas"]')]
        .map((el) => `${(el as HTMLElement | null)?.innerText ?? ""} ${[...(el?.querySelectorAll("[title]") ?? [])].map((e) => e.getAttribute("title")).join(" ")}`)
        .join(" ");
      return [...text].filter((ch) => /[\u200B-\u200F\u202A-\u202E\u2066-\u2069]/.test(ch)).length;
    });
    expect(raw).toBe(0);
    await app.screenshot({ path: "test-results/screens/bidi-panel.png" });
  });
});

test.describe("build arguments whose names and values hold quotes and bidi controls", () => {
  // ARG names are any word BuildKit reads: quotes, a right-to-left override and a zero-width space included.
  const NAME = 'T\u202EAG"x\u200B';
  const TEXT = `ARG ${NAME}=3.\u202E02\nARG PLAIN\nFROM alpine AS app\nRUN true\n`;
  test.use({ seed: { text: TEXT } });

  test("the panel writes them out, the field keeps them exactly, and a value typed with them survives", async ({ app }) => {
    const field = app.locator('[data-testid="build-arg"]').first();
    // The attribute carries the name exactly as written: quotes did not end it.
    await expect(field).toHaveAttribute("data-name", NAME);
    await expect(field).toHaveValue("3.\u202E02");
    const item = app.locator(".build-arg").first();
    await expect(item.locator(".build-arg-name")).toHaveText('T[U+202E]AG"x[U+200B]');
    await expect(item.getByTestId("build-arg-invisible")).toContainText("3.[U+202E]02");
    // A value with a quote and an override, typed into the field, is kept byte for byte.
    await field.fill('a"b\u202Ec');
    await expect(field).toHaveValue('a"b\u202Ec');
    await expect(item.getByTestId("build-arg-invisible")).toContainText('a"b[U+202E]c');
    await expect(item.getByRole("button", { name: 'Reset T[U+202E]AG"x[U+200B]' })).toBeVisible();
    const raw = await app.evaluate(() => {
      const panel = document.querySelector('[data-testid="side-panel"]') as HTMLElement | null;
      const text = `${panel?.innerText ?? ""} ${[...(panel?.querySelectorAll("[aria-label], [title]") ?? [])].map((e) => `${e.getAttribute("aria-label") ?? ""}${e.getAttribute("title") ?? ""}`).join(" ")}`;
      return [...text].filter((ch) => /[\u200B-\u200F\u202A-\u202E\u2066-\u2069]/.test(ch)).length;
    });
    expect(raw).toBe(0);
    // The Dockerfile is untouched: a build argument is view state.
    expect(await readEditorText(app)).toBe(TEXT);
    await app.screenshot({ path: "/tmp/lint-build-args-bidi.png" });
  });
});
