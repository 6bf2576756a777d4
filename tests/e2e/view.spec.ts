/**
 * The view around the graph: target and build args, the legend and edge styles, dragging and
 * tidying, zoom, fit and minimap.
 */
import {
  dragNode,
  edgeElement,
  edgeMidpoint,
  expect,
  focusEditor,
  graphCanvas,
  imageNode,
  readEditorText,
  readFlowPosition,
  readGraph,
  readEdgeStyle,
  readEditorSelection,
  readViewport,
  stageNode,
  test,
  toolbar,
  waitForApp,
} from "./app.ts";
import { EXAMPLE, EXAMPLE_IMAGE, lineOf, VARIANT } from "./scenarios.ts";

test("the target selector dims the stages the target does not need, and says why on hover", async ({ app }) => {
  await expect(app.getByTestId("target-select")).toHaveValue("");
  await app.getByTestId("target-select").selectOption("builder");
  await expect(stageNode(app, "pruner")).toHaveAttribute("data-reachable", "false");
  await expect(stageNode(app, "final")).toHaveAttribute("data-reachable", "false");
  await expect(stageNode(app, "builder")).toHaveAttribute("data-reachable", "true");
  await expect(stageNode(app, "base")).toHaveAttribute("data-reachable", "true");
  // Dimmed: drawn fainter than a needed stage.
  const opacity = (key: string) => stageNode(app, key).evaluate((e) => Number(getComputedStyle(e.closest(".react-flow__node") ?? e).opacity) * Number(getComputedStyle(e).opacity));
  expect(await opacity("final")).toBeLessThan(await opacity("builder"));

  // The reason is the node's tooltip; the hover names the target (the payload does not, so a
  // rename of the target leaves the dimmed nodes as they are).
  await expect(stageNode(app, "final")).toHaveAttribute("title", /Not needed by the target/);
  await stageNode(app, "final").hover();
  await expect(stageNode(app, "final")).toHaveAttribute("title", /target builder/);
  await expect(stageNode(app, "builder")).not.toHaveAttribute("title", /.+/);
});

test.describe("build args", () => {
  test.use({ seed: { text: VARIANT } });

  test("typing a build arg picks another stage for FROM base-${VARIANT}", async ({ app }) => {
    await expect(edgeElement(app, { kind: "from", source: "base-a", target: "#2" })).toHaveCount(1);
    const field = app.locator('[data-testid="build-arg"][data-name="VARIANT"]');
    await expect(field).toHaveValue("a");
    await field.click();
    await app.keyboard.press("Backspace");
    await app.keyboard.type("b");
    await expect(field).toHaveValue("b");
    await expect(edgeElement(app, { kind: "from", source: "base-b", target: "#2" })).toHaveCount(1);
    await expect(edgeElement(app, { kind: "from", source: "base-a", target: "#2" })).toHaveCount(0);
    await expect(stageNode(app, "base-a")).toHaveAttribute("data-reachable", "false");
    await expect(stageNode(app, "base-b")).toHaveAttribute("data-reachable", "true");
    // A build arg is view state: the Dockerfile itself is untouched.
    expect(await readEditorText(app)).toBe(VARIANT);
  });
});

test("a build arg changes the base image", async ({ app }) => {
  const field = app.locator('[data-testid="build-arg"][data-name="NODE_VERSION"]');
  await field.fill("20");
  await expect(imageNode(app, "node:20-bookworm-slim")).toBeVisible();
  await expect(imageNode(app, EXAMPLE_IMAGE.slice("image:".length))).toHaveCount(0);
  await expect(edgeElement(app, { kind: "from", source: "image:node:20-bookworm-slim", target: "final" })).toHaveCount(1);
});

test("a legend names the edge kinds, and each kind is drawn its own way", async ({ app }) => {
  const legend = graphCanvas(app).getByRole("region", { name: "Legend" });
  await expect(legend).toBeVisible();
  for (const kind of ["FROM", "COPY --from", "RUN --mount", "invalid"]) await expect(legend).toContainText(kind);

  const from = (await readEdgeStyle(edgeElement(app, { kind: "from", source: "base", target: "builder" }))).dash;
  const copy = (await readEdgeStyle(edgeElement(app, { kind: "copy", source: "pruner", target: "final" }))).dash;
  expect(from, "from edges are solid").toBe("none");
  expect(copy, "copy edges are dashed").not.toBe("none");

  // Copy edges carry the copied paths, shortened; hovering one gives them in full.
  await expect(graphCanvas(app)).toContainText("node_modules");
  const at = await edgeMidpoint(edgeElement(app, { kind: "copy", source: "pruner", target: "final" }));
  await app.mouse.move(at.x, at.y);
  await expect(app.getByRole("tooltip")).toContainText("/app/node_modules");
});

test.describe("edge kinds", () => {
  test.use({ seed: { text: "FROM alpine AS a\nFROM alpine AS b\nCOPY --from=a /x /y\nRUN --mount=type=bind,from=a,target=/m true\n" } });

  test("mount edges are dotted, unlike copy edges", async ({ app }) => {
    const copy = (await readEdgeStyle(edgeElement(app, { kind: "copy", source: "a", target: "b" }))).dash;
    const mount = (await readEdgeStyle(edgeElement(app, { kind: "mount", source: "a", target: "b" }))).dash;
    expect(mount).not.toBe("none");
    expect(mount).not.toBe(copy);
  });
});

test.describe("an invalid edge", () => {
  test.use({ seed: { text: "FROM alpine AS a\nCOPY --from=b /x /y\nFROM alpine AS b\n" } });

  test("is drawn red and gives the reason on hover", async ({ app }) => {
    const edge = edgeElement(app, { kind: "copy", source: "b", target: "a" });
    await expect(edge).toHaveAttribute("data-valid", "false");
    const valid = (await readEdgeStyle(edgeElement(app, { kind: "from", source: "image:alpine", target: "b" }))).stroke;
    const invalid = (await readEdgeStyle(edge)).stroke;
    expect(invalid).not.toBe(valid);
    const [r, g, b] = (invalid.match(/\d+/g) ?? []).map(Number);
    expect(r! > g! + 60 && r! > b! + 60, `red, not ${invalid}`).toBe(true);

    const at = await edgeMidpoint(edge.first());
    await app.mouse.move(at.x, at.y);
    await expect(app.getByRole("tooltip")).toContainText(/cannot copy from stage "b"/);
  });
});

test("a dragged node keeps its place through typing and reloads; Tidy up lays it out again", async ({ app }) => {
  const pruner = stageNode(app, "pruner");
  const laidOut = await readFlowPosition(pruner);
  await dragNode(app, pruner, 160, 90);
  const dragged = await readFlowPosition(pruner);
  expect(Math.abs(dragged.x - laidOut.x) + Math.abs(dragged.y - laidOut.y), "the drag moved the node").toBeGreaterThan(50);

  // Typing that changes the graph (a new stage) must not move the dragged node.
  await focusEditor(app);
  await app.keyboard.press("Control+End");
  await app.keyboard.type("FROM pruner AS extra");
  await expect(stageNode(app, "extra")).toBeVisible();
  expect(await readFlowPosition(pruner)).toEqual(dragged);

  await app.reload();
  await waitForApp(app);
  await expect(stageNode(app, "extra")).toBeVisible();
  expect(await readFlowPosition(stageNode(app, "pruner"))).toEqual(dragged);

  await toolbar(app).getByRole("button", { name: "Tidy up" }).click();
  await expect.poll(() => readFlowPosition(stageNode(app, "pruner"))).not.toEqual(dragged);
});

test("zoom, fit to view and a minimap", async ({ app }) => {
  await expect(graphCanvas(app).locator(".react-flow__minimap")).toBeVisible();
  const fitted = await readViewport(app);
  await graphCanvas(app).getByRole("button", { name: /zoom in/i }).click();
  await expect.poll(() => readViewport(app)).not.toBe(fitted);
  const scale = (transform: string) => Number(/scale\(([\d.]+)\)/.exec(transform)?.[1]);
  expect(scale(await readViewport(app))).toBeGreaterThan(scale(fitted));

  await toolbar(app).getByRole("button", { name: "Fit view" }).click();
  // Fitting brings every node into the canvas's box.
  await expect
    .poll(async () => {
      const box = (await graphCanvas(app).boundingBox())!;
      const nodes = await graphCanvas(app).locator('[data-testid="stage-node"], [data-testid="image-node"]').evaluateAll((els) =>
        els.map((e) => e.getBoundingClientRect().toJSON() as DOMRect),
      );
      return nodes.every((n) => n.left >= box.x - 1 && n.right <= box.x + box.width + 1 && n.top >= box.y - 1 && n.bottom <= box.y + box.height + 1);
    })
    .toBe(true);
  expect((await readGraph(app)).stages).toHaveLength(EXAMPLE.match(/^FROM /gm)!.length);
});

test("a stage node shows its name, base, instructions (long lists folded), lines and target badge", async ({ app }) => {
  const final = stageNode(app, "final");
  await expect(final).toContainText("final");
  await expect(final).toContainText("node:22.12.0-bookworm-slim");
  await expect(final).toContainText(new RegExp(`L${lineOf(EXAMPLE, "AS final")}\\D${lineOf(EXAMPLE, "CMD [")}`));
  await expect(final).toContainText("target");
  await expect(final).not.toContainText("EXPOSE");
  const selection = await readEditorSelection(app);
  await final.getByRole("button", { name: /more instructions?/ }).click();
  await expect(final).toContainText("EXPOSE 3000");
  // Unfolding is not a click on the stage: the editor's selection stays as it was.
  expect(await readEditorSelection(app)).toEqual(selection);
  await final.getByRole("button", { name: "Show less" }).click();
  await expect(final).not.toContainText("EXPOSE");

  // An external image is a smaller node of its own kind.
  const image = (await imageNode(app, EXAMPLE_IMAGE.slice("image:".length)).boundingBox())!;
  const stage = (await final.boundingBox())!;
  expect(image.height).toBeLessThan(stage.height);
});

test("the divider resizes the editor, and the size comes back after a reload", async ({ app }) => {
  const editor = app.getByTestId("editor");
  const before = (await editor.boundingBox())!.width;
  const divider = (await app.getByTestId("divider").boundingBox())!;
  const x = divider.x + divider.width / 2;
  const y = divider.y + divider.height / 2;
  await app.mouse.move(x, y);
  await app.mouse.down();
  await app.mouse.move(x + 100, y, { steps: 5 });
  await app.mouse.move(x + 150, y, { steps: 5 });
  await app.mouse.up();
  await expect.poll(async () => (await editor.boundingBox())!.width - before).toBeGreaterThan(120);
  const after = (await editor.boundingBox())!.width;

  await app.reload();
  await waitForApp(app);
  await expect.poll(async () => Math.abs((await app.getByTestId("editor").boundingBox())!.width - after)).toBeLessThanOrEqual(2);
});
