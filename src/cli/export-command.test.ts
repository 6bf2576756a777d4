import { describe, expect, it } from "vitest";
import { buildStageGraph, parseDockerfile, PNG_SCALE, renderDot, renderHandout, renderMermaid, renderSvg, stageGraphToJson } from "../index.ts";
import { commands } from "./commands.ts";
import { fakeIo } from "./fake-io.ts";
import { runCli } from "./run-cli.ts";

const dockerfile = "ARG V=a\nFROM alpine AS base-a\nFROM busybox AS base-b\nFROM base-${V} AS build\nRUN make\nFROM scratch AS final\nCOPY --from=build /out /app\n";
const broken = "FROM alpine AS a\nCOPY --from=a /x /y\n";
const files = { Dockerfile: dockerfile, broken: broken };

async function run(argv: string[], options: Parameters<typeof fakeIo>[2] = {}) {
  const { io, out } = fakeIo(files, "", options);
  const code = await runCli(argv, commands, io);
  return { code, out };
}

function pngSize(bytes: Uint8Array): { width: number; height: number } {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return { width: view.getUint32(16), height: view.getUint32(20) };
}

describe("stagecraft export", () => {
  const graph = (options: { target?: string; buildArgs?: Record<string, string> } = {}) =>
    buildStageGraph(parseDockerfile(dockerfile), { buildArgs: options.buildArgs ?? {}, ...(options.target === undefined ? {} : { target: options.target }) });

  it.each([
    ["svg", () => renderSvg(graph()).svg],
    ["mermaid", () => renderMermaid(graph())],
    ["dot", () => renderDot(graph())],
    ["json", () => `${JSON.stringify(stageGraphToJson(graph()), null, 2)}\n`],
    ["markdown", () => renderHandout(graph())],
  ])("writes %s to stdout, the same as the core renders it", async (format, expected) => {
    const { code, out } = await run(["export", "Dockerfile", "--format", format]);
    expect(code).toBe(0);
    expect(out.stderr).toBe("");
    expect(out.stdout).toBe(expected());
  });

  it("writes SVG by default, and the dark theme on request", async () => {
    const light = await run(["export", "Dockerfile"]);
    const dark = await run(["export", "Dockerfile", "--theme", "dark"]);
    expect(light.out.stdout).toBe(renderSvg(graph()).svg);
    expect(dark.out.stdout).toBe(renderSvg(graph(), { theme: "dark" }).svg);
  });

  it("follows --target and --build-arg", async () => {
    const { out } = await run(["export", "Dockerfile", "--format", "mermaid", "--target", "build", "--build-arg", "V=b"]);
    expect(out.stdout).toBe(renderMermaid(graph({ target: "build", buildArgs: { V: "b" } })));
  });

  it("rasterises the SVG to a PNG of twice its size, written with -o", async () => {
    const { code, out } = await run(["export", "Dockerfile", "--format", "png", "-o", "graph.png"]);
    expect(code).toBe(0);
    const png = out.written.get("graph.png");
    expect(png).toBeInstanceOf(Uint8Array);
    const bytes = png as Uint8Array;
    expect([...bytes.slice(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    const { width, height } = renderSvg(graph());
    expect(pngSize(bytes)).toEqual({ width: width * PNG_SCALE, height: height * PNG_SCALE });
    expect(out.stdout).toBe("");
  });

  it("writes text to --output too, and '-o -' means stdout", async () => {
    const file = await run(["export", "Dockerfile", "--format=dot", "--output", "g.dot"]);
    expect(file.out.written.get("g.dot")).toBe(renderDot(graph()));
    const dash = await run(["export", "Dockerfile", "--format=dot", "-o", "-"]);
    expect(dash.out.stdout).toBe(renderDot(graph()));
  });

  it("never writes a PNG to a terminal: exit 2 with what to do", async () => {
    const { code, out } = await run(["export", "Dockerfile", "--format", "png"], { stdoutIsTerminal: true });
    expect(code).toBe(2);
    expect(out.stdoutBytes).toBeNull();
    expect(out.stderr).toMatch(/^stagecraft: not writing binary output to a terminal: give --output FILE or redirect it\n$/);
  });

  it("writes a PNG to a pipe", async () => {
    const { code, out } = await run(["export", "Dockerfile", "--format", "png"], { stdoutIsTerminal: false });
    expect(code).toBe(0);
    expect(out.stdoutBytes?.length).toBeGreaterThan(1000);
  });

  it("says in one line when the output cannot be written, exit 2", async () => {
    const { code, out } = await run(["export", "Dockerfile", "-o", "locked.svg"], { unwritable: "locked.svg" });
    expect(code).toBe(2);
    expect(out.stderr).toBe("stagecraft: cannot write 'locked.svg': permission denied\n");
  });

  it("exports a build BuildKit would fail, with its errors on stderr and exit 1", async () => {
    const { code, out } = await run(["export", "broken", "--format", "svg"]);
    expect(code).toBe(1);
    expect(out.stdout).toContain("<svg");
    expect(out.stderr).toMatch(/^broken:2: error: .*\n$/);
  });

  it("refuses an unknown format or theme, exit 2", async () => {
    expect((await run(["export", "Dockerfile", "--format", "pdf"])).code).toBe(2);
    const theme = await run(["export", "Dockerfile", "--theme", "blue"]);
    expect(theme.code).toBe(2);
    expect(theme.out.stderr).toContain("option '--theme' must be one of light, dark (got 'blue')");
  });

  it("lists every format, the theme and -o in its help", async () => {
    const { code, out } = await run(["help", "export"]);
    expect(code).toBe(0);
    expect(out.stdout).toContain("svg (default) | png | mermaid | dot | json | markdown");
    expect(out.stdout).toContain("-o, --output OUT");
    expect(out.stdout).toContain("light (default) | dark");
  });
});
