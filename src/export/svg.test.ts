// @vitest-environment jsdom
import { describe, expect, it } from "vitest";
import { buildStageGraph } from "../graph/build-stage-graph.ts";
import { parseDockerfile } from "../syntax/parse.ts";
import { buildHostileGraph, hostileImage } from "./hostile.test-helpers.ts";
import { describeScene, placeScene } from "./scene.ts";
import { renderSvg } from "./svg.ts";
import { escapeXml, palettes } from "./svg-style.ts";

function parseSvg(svg: string): Document {
  const doc = new DOMParser().parseFromString(svg, "image/svg+xml");
  expect(doc.getElementsByTagName("parsererror")).toHaveLength(0);
  return doc;
}

const nodeApp = [
  "FROM node:22 AS base",
  "WORKDIR /app",
  "FROM base AS builder",
  "COPY . .",
  "RUN npm run build",
  "FROM base AS unused",
  "RUN true",
  "FROM node:22-slim AS final",
  "COPY --from=builder /app/dist /srv",
  "COPY --from=builder /app/package.json /srv/",
  "RUN --mount=from=builder,target=/b ls /b",
  "",
].join("\n");

describe("renderSvg", () => {
  it("draws every stage with its name and role, every image, every edge and the legend", () => {
    const graph = buildStageGraph(parseDockerfile(nodeApp));
    const { svg, width, height } = renderSvg(graph);
    const doc = parseSvg(svg);
    const root = doc.documentElement;
    expect(root.getAttribute("width")).toBe(String(width));
    expect(root.getAttribute("height")).toBe(String(height));
    const stages = [...doc.querySelectorAll('g[data-kind="stage"]')];
    expect(stages).toHaveLength(4);
    const texts = stages.map((g) => [...g.querySelectorAll("text")].map((t) => t.textContent).join("|"));
    for (const [i, name] of ["base", "builder", "unused", "final"].entries()) expect(texts[i]).toContain(name);
    // Name, role badge, target badge, as the canvas's header shows them.
    expect(texts[3]?.split("|").slice(0, 3)).toEqual(["final", "final", "target"]);
    expect(doc.querySelectorAll('g[data-kind="image"]')).toHaveLength(2);
    // FROM node:22, base→builder, base→unused, FROM node:22-slim, COPY (two merged into one), mount.
    expect(doc.querySelectorAll("g.edge")).toHaveLength(6);
    expect([...doc.querySelectorAll("g.edge-label text")].map((t) => t.textContent)).toContain("2× /app/dist");
    expect(doc.querySelector("g.legend")?.textContent).toContain("COPY --from");
    // The stage the target does not need is faded, as on the canvas.
    expect(stages[2]?.getAttribute("opacity")).toBe("0.5");
  });

  it("draws the dark theme in the dark palette", () => {
    const graph = buildStageGraph(parseDockerfile(nodeApp));
    expect(renderSvg(graph, { theme: "dark" }).svg).toContain(`fill="${palettes.dark.background}"`);
    expect(renderSvg(graph).svg).toContain(`fill="${palettes.light.background}"`);
  });

  it("keeps markup, quotes and characters XML cannot hold inside their text", () => {
    const graph = buildHostileGraph();
    const doc = parseSvg(renderSvg(graph).svg);
    const image = doc.querySelector('g[data-kind="image"] title');
    expect(image?.textContent).toBe(`Not a valid image reference: ${hostileImage}`);
    expect(doc.querySelector("script")).toBeNull();
    expect(doc.querySelectorAll("[onclick], [href]")).toHaveLength(0);
    expect(escapeXml("a\u0001b\uFFFE<&>'\"\uD800")).toBe("a\uFFFDb\uFFFD&lt;&amp;&gt;&apos;&quot;\uFFFD");
  });

  it("puts nodes where the canvas has them when given their positions", () => {
    const graph = buildStageGraph(parseDockerfile("FROM alpine AS a\nFROM a AS b\n"));
    const scene = describeScene(graph);
    const placed = placeScene(scene, { "stage:a": { x: 500, y: 0 }, "stage:b": { x: 0, y: 400 }, "image:alpine": { x: 500, y: -200 } });
    expect(placed.positions["stage:a"]).toEqual({ x: 500, y: 0 });
    const moved = renderSvg(graph, { positions: placed.positions });
    const auto = renderSvg(graph);
    expect(moved.width).toBeGreaterThan(auto.width);
  });

  it("draws an empty file as the legend alone", () => {
    const doc = parseSvg(renderSvg(buildStageGraph(parseDockerfile(""))).svg);
    expect(doc.querySelectorAll('g[data-kind="stage"]')).toHaveLength(0);
    expect(doc.querySelector("g.legend")).not.toBeNull();
  });
});
