/**
 * Bringing a Dockerfile in: the file button, a drop anywhere on the page, the example gallery.
 */
import { dropFile, expect, graphCanvas, openFile, readEditorText, readGraph, stageNode, test } from "./app.ts";
import { GALLERY, readExample } from "./scenarios.ts";

const GO = "FROM golang:1.23 AS Build\nRUN go build -o /out/app\n\nFROM scratch\nCOPY --from=build /out/app /app\n";

test("Open file loads a file from disk into the editor and the graph", async ({ app }) => {
  await openFile(app, "go.Dockerfile", GO);
  await expect.poll(() => readEditorText(app)).toBe(GO);
  await expect.poll(async () => (await readGraph(app)).edges).toEqual(["copy build->#1", "from image:golang:1.23->build"]);
  await expect(app.getByTestId("source-name")).toContainText("go.Dockerfile");
});

/** Where a file may be dropped: anywhere, the editor included (Monaco would insert the text). */
const DROP_TARGETS = [
  { name: "the canvas", selector: '[data-testid="graph-canvas"]' },
  { name: "the editor", selector: '[data-testid="editor"] .view-lines' },
  { name: "the toolbar", selector: "header" },
];

for (const target of DROP_TARGETS) {
  test(`a file dropped on ${target.name} is opened`, async ({ app }) => {
    await dropFile(app, app.locator(target.selector).first(), "dropped.Dockerfile", GO);
    await expect.poll(() => readEditorText(app)).toBe(GO);
    await expect(stageNode(app, "build")).toBeVisible();
    await expect(app.getByTestId("file-drop")).toHaveCount(0);
  });
}

for (const example of GALLERY) {
  test(`the gallery opens the ${example.id} example and its graph`, async ({ app }) => {
    // Start from another text, so the example really is loaded rather than already there.
    await openFile(app, "other.Dockerfile", "FROM scratch AS other\n");
    await expect(stageNode(app, "other")).toBeVisible();

    await app.getByRole("button", { name: "Examples" }).click();
    const menu = app.getByRole("menu", { name: "Example Dockerfiles" });
    await expect(menu.getByRole("menuitem")).toHaveCount(GALLERY.length);
    await menu.getByRole("menuitem", { name: example.title }).click();
    await expect(menu).toHaveCount(0);

    const text = readExample(example.id);
    await expect.poll(() => readEditorText(app)).toBe(text);
    await expect.poll(async () => (await readGraph(app)).stages.map((s) => s.key)).toEqual([...example.stages].sort());
    // A good example builds: every stage its target needs is valid, and the editor shows no error.
    await expect(graphCanvas(app).locator('[data-testid="edge"][data-valid="false"]')).toHaveCount(0);
    await expect(app.locator('[data-testid="diagnostic"].error')).toHaveCount(0);
  });
}
