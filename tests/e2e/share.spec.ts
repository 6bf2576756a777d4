/**
 * Share links: the document and its view travel in the URL fragment (never sent to the server),
 * open in a fresh tab exactly, never replace unsaved work without asking, and a damaged or too
 * long link says so with nothing lost.
 */
import { expect, readEditorText, stageNode, test, focusEditor } from "./app.ts";
import { EXAMPLE } from "./scenarios.ts";
import { encodeShare, type SharedView } from "../../web/share/share-link.ts";

const SHARED = "FROM alpine:3.20 AS base\nRUN echo shared\n\nFROM base AS app\nCOPY --from=base /etc/os-release /x\n\nFROM base AS other\n";
const MINE = "FROM busybox AS mine\nRUN echo my own work\n";

/** The fragment of a link sharing `text`, made as the app makes it. */
function shareHash(text: string, sourceName = "shared.Dockerfile", view: Partial<SharedView> = {}): Promise<string> {
  return encodeShare({ text, sourceName, target: null, buildArgs: {}, positions: {}, ...view });
}

async function copyShareLink(app: import("@playwright/test").Page): Promise<string> {
  await app.context().grantPermissions(["clipboard-read", "clipboard-write"]);
  await app.getByRole("button", { name: "Export" }).click();
  await app.getByRole("menuitem", { name: /Copy a share link/ }).click();
  await expect(app.getByTestId("notice")).toContainText("Share link copied");
  return app.evaluate(() => navigator.clipboard.readText());
}

test.describe("a shared document", () => {
  test.use({ seed: { text: SHARED, sourceName: "shared.Dockerfile", target: "app", positions: { app: { x: 900, y: 40 } }, pinned: ["app"] } });

  test("opens in a fresh tab with its text, target and positions, and the link never reaches the server", async ({ app, browser }) => {
    const link = await copyShareLink(app);
    const url = new URL(link);
    expect(url.hash).toMatch(/^#share=1\./);
    const appPosition = await stageNode(app, "app").evaluate((el) => el.closest(".react-flow__node")?.getAttribute("style"));

    const fresh = await browser.newContext();
    const page = await fresh.newPage();
    const requested: string[] = [];
    page.on("request", (request) => requested.push(request.url()));
    await page.goto(link);
    await expect(page.getByTestId("notice")).toContainText("Opened the shared shared.Dockerfile");
    await expect(stageNode(page, "app")).toBeVisible({ timeout: 45_000 });
    await expect.poll(() => readEditorText(page)).toBe(SHARED);
    await expect(page.getByRole("combobox", { name: /target/i })).toHaveValue("app");
    // The node stands where the sharer left it, in flow coordinates.
    await expect.poll(() => stageNode(page, "app").evaluate((el) => el.closest(".react-flow__node")?.getAttribute("style"))).toContain("translate(900px, 40px)");
    expect(appPosition).toContain("translate(900px, 40px)");
    // The fragment is handled once and dropped from the address; no request ever carried it.
    expect(page.url()).not.toContain("#share");
    expect(requested.filter((r) => r.includes("share="))).toEqual([]);
    await fresh.close();
  });
});

test.describe("a link opened over unsaved work", () => {
  test.use({ seed: { text: MINE, sourceName: "mine.Dockerfile" } });

  test("asks first, keeps my text when I say so, and after opening my text is a Ctrl+Z away", async ({ app }) => {
    const link = `/${await shareHash(SHARED)}`;
    await app.goto(link);
    const notice = app.getByTestId("notice");
    await expect(notice).toContainText("A share link holds another Dockerfile (shared.Dockerfile)");
    await expect(stageNode(app, "mine")).toBeVisible({ timeout: 45_000 });
    expect(await readEditorText(app)).toBe(MINE);
    await notice.getByRole("button", { name: "Keep mine" }).click();
    await expect(notice).toHaveCount(0);
    expect(await readEditorText(app)).toBe(MINE);

    await app.goto(link);
    await app.getByRole("button", { name: "Open the shared Dockerfile" }).click();
    await expect.poll(() => readEditorText(app)).toBe(SHARED);
    await expect(stageNode(app, "app")).toBeVisible();
    await focusEditor(app);
    await app.keyboard.press("Control+Z");
    await expect.poll(() => readEditorText(app)).toBe(MINE);
    await expect(stageNode(app, "mine")).toBeVisible();
  });

  test("a damaged link says so and changes nothing", async ({ app }) => {
    const hash = await shareHash(SHARED);
    await app.goto(`/${hash.slice(0, -10)}`);
    await expect(app.getByTestId("notice")).toContainText("This share link cannot be opened: it is cut short or altered");
    await expect(stageNode(app, "mine")).toBeVisible({ timeout: 45_000 });
    expect(await readEditorText(app)).toBe(MINE);
  });
});

test.describe("a Dockerfile too large for a link", () => {
  // Text that does not compress: every line different.
  const huge = `FROM alpine AS big\n${Array.from({ length: 2500 }, (_, i) => `RUN echo ${(i * 7919).toString(36)}${Math.sin(i).toString(36).slice(2, 14)}`).join("\n")}\n`;
  test.use({ seed: { text: huge, sourceName: "big.Dockerfile" } });

  test("says so and offers the file instead", async ({ app }) => {
    await app.getByRole("button", { name: "Export" }).click();
    await app.getByRole("menuitem", { name: /Copy a share link/ }).click();
    const notice = app.getByTestId("notice");
    await expect(notice).toContainText(/share link of \d+ KB, past the 32 KB/);
    const downloading = app.waitForEvent("download");
    await notice.getByRole("button", { name: "Download the Dockerfile" }).click();
    expect((await downloading).suggestedFilename()).toBe("big.Dockerfile");
  });
});

test("an unchanged example is simply replaced by a shared link", async ({ app }) => {
  expect(await readEditorText(app)).toBe(EXAMPLE);
  await app.goto(`/${await shareHash(SHARED, "s.Dockerfile")}`);
  await expect(stageNode(app, "other")).toBeVisible({ timeout: 45_000 });
  await expect.poll(() => readEditorText(app)).toBe(SHARED);
});
