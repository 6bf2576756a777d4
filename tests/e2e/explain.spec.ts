/**
 * Explaining in the app: role badges, the Explain tab, the cache overlay on the canvas and in
 * the editor, and the build-schedule overlay. (Hover docs and completions are unit-tested in
 * src/explain/editor-help.test.ts; their browser tests are still to come.)
 */
import { expect, readDecoratedLines, stageNode, test } from "./app.ts";

const NODE = [
  "FROM node:22 AS base", // 1
  "WORKDIR /app", // 2
  "FROM base AS builder", // 3
  "COPY package.json pnpm-lock.yaml ./", // 4
  "RUN pnpm install", // 5
  "COPY . .", // 6
  "RUN pnpm build", // 7
  "FROM node:22-slim AS final", // 8
  "COPY --from=builder /app/dist ./dist", // 9
  'CMD ["node", "dist/index.js"]', // 10
  "",
].join("\n");

test.use({ seed: { text: NODE } });

test("roles show as badges on the stage nodes", async ({ app }) => {
  await expect(stageNode(app, "base")).toHaveAttribute("data-role", "base");
  await expect(stageNode(app, "builder")).toHaveAttribute("data-role", "builder");
  await expect(stageNode(app, "final")).toHaveAttribute("data-role", "final");
});

test("naming a changed file marks what re-runs on the canvas and in the editor", async ({ app }) => {
  await app.getByRole("tab", { name: "Explain" }).click();
  const panel = app.getByTestId("explain-panel");
  await expect(panel.getByTestId("ships")).toContainText("/app/dist → ./dist (line 9, from builder), made by builder line 7: RUN pnpm build.");
  await panel.getByLabel("Changed paths").fill("src/app.ts");
  await panel.getByLabel("Changed paths").press("Enter");

  await expect(stageNode(app, "base")).toHaveAttribute("data-cache", "cached");
  await expect(stageNode(app, "builder")).toHaveAttribute("data-cache", "rerun");
  await expect(stageNode(app, "final")).toHaveAttribute("data-cache", "rerun");
  await expect(panel.getByTestId("cache-stage").and(app.locator('[data-stage="builder"]'))).toContainText("re-runs from line 6");
  await expect.poll(() => readDecoratedLines(app, "sc-rerun-line")).toEqual([
    { startLine: 6, endLine: 6 },
    { startLine: 7, endLine: 7 },
    { startLine: 9, endLine: 9 },
    { startLine: 10, endLine: 10 },
  ]);
  await app.screenshot({ path: "test-results/screens/explain-cache.png" });

  // A manifest instead: the install re-runs too. Picked from the COPY sources.
  await panel.getByRole("button", { name: "clear" }).click();
  await expect(stageNode(app, "builder")).not.toHaveAttribute("data-cache", /./);
  await panel.getByRole("button", { name: "package.json", exact: true }).click();
  await expect(panel.getByTestId("cache-stage").and(app.locator('[data-stage="builder"]'))).toContainText("re-runs from line 4");
});

test("the schedule overlay numbers the steps and marks the longest chain", async ({ app }) => {
  await app.getByRole("tab", { name: "Explain" }).click();
  await app.getByLabel("Show on the canvas").check();
  await expect(stageNode(app, "base")).toHaveAttribute("data-level", "1");
  await expect(stageNode(app, "builder")).toHaveAttribute("data-level", "2");
  await expect(stageNode(app, "final")).toHaveAttribute("data-critical", "true");
  await app.screenshot({ path: "test-results/screens/explain-schedule.png" });
});
