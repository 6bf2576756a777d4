/**
 * The app needs nothing beyond its own origin (the fixture fails on any other request), and
 * once loaded it keeps working with the network cut.
 */
import { expect, focusEditor, readEditorText, stageNode, test } from "./app.ts";
import { EXAMPLE } from "./scenarios.ts";

test("with the network cut after load, typing still updates the graph", async ({ app, context }) => {
  await context.setOffline(true);
  await focusEditor(app);
  await app.keyboard.press("Control+End");
  await app.keyboard.type("FROM final AS offline");
  await expect(stageNode(app, "offline")).toBeVisible();
  await expect.poll(() => readEditorText(app)).toBe(`${EXAMPLE}FROM final AS offline`);
  // Opening the gallery needs no fetch either.
  await app.getByRole("button", { name: "Examples" }).click();
  await app.getByRole("menuitem", { name: /Rust/ }).click();
  await expect(stageNode(app, "planner")).toBeVisible();
  await context.setOffline(false);
});
