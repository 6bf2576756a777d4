/**
 * Browser-test scenarios as data (conventions §12): a new case is a new entry here, not a new
 * test file. Each graph scenario is a Dockerfile (and view options) with the graph the canvas
 * must draw for it, written out by hand from BuildKit's rules, not computed by the app's core.
 */
import { readFileSync } from "node:fs";
import type { Seed } from "./app.ts";

/** A gallery example's text, read from the file the app bundles. */
export function readExample(id: string): string {
  return readFileSync(new URL(`../../web/examples/${id}.Dockerfile`, import.meta.url), "utf8");
}

export const EXAMPLE = readExample("node-pnpm");
export const EXAMPLE_IMAGE = "image:node:22.12.0-bookworm-slim";
/** A stage picked by a build arg. */
export const VARIANT = "ARG VARIANT=a\nFROM alpine AS base-a\nFROM alpine AS base-b\nFROM base-${VARIANT}\n";
/** The example's edges: the same whichever stage is the target, only reachability changes. */
const EXAMPLE_EDGES = [
  "copy builder->final",
  "copy pruner->final",
  "from base->builder",
  "from builder->pruner",
  `from ${EXAMPLE_IMAGE}->base`,
  `from ${EXAMPLE_IMAGE}->final`,
];

/** 1-based number of the first line of `text` that contains `needle`. */
export function lineOf(text: string, needle: string): number {
  const index = text.split("\n").findIndex((line) => line.includes(needle));
  if (index < 0) throw new Error(`no line contains ${JSON.stringify(needle)}`);
  return index + 1;
}

export interface GraphScenario {
  readonly name: string;
  /** The saved session the page opens with; omitted: a first visit, which shows the default example. */
  readonly seed?: Seed;
  /** Stage keys, with whether the target needs them. */
  readonly stages: readonly (readonly [key: string, reachable: boolean])[];
  readonly images: readonly string[];
  /** `kind source->target`, sorted; each distinct edge once. */
  readonly edges: readonly string[];
  /** Edges drawn red (BuildKit fails on them): `kind source->target`. */
  readonly invalid?: readonly string[];
}

export const GRAPH_SCENARIOS: readonly GraphScenario[] = [
  {
    name: "the default example: base → builder → pruner → final",
    stages: [
      ["base", true],
      ["builder", true],
      ["pruner", true],
      ["final", true],
    ],
    images: ["node:22.12.0-bookworm-slim"],
    edges: EXAMPLE_EDGES,
  },
  {
    name: "a stage picked by a build arg: FROM base-${VARIANT}",
    seed: { text: VARIANT },
    stages: [
      ["base-a", true],
      ["base-b", false],
      ["#2", true],
    ],
    images: ["alpine"],
    edges: ["from base-a->#2", "from image:alpine->base-a", "from image:alpine->base-b"],
  },
  {
    name: "the same file with VARIANT=b given as a build arg",
    seed: {
      text: VARIANT,
      buildArgs: { VARIANT: "b" },
    },
    stages: [
      ["base-a", false],
      ["base-b", true],
      ["#2", true],
    ],
    images: ["alpine"],
    edges: ["from base-b->#2", "from image:alpine->base-a", "from image:alpine->base-b"],
  },
  {
    name: "a chosen target leaves the later stages unneeded",
    seed: { text: EXAMPLE, target: "builder" },
    stages: [
      ["base", true],
      ["builder", true],
      ["pruner", false],
      ["final", false],
    ],
    images: ["node:22.12.0-bookworm-slim"],
    edges: EXAMPLE_EDGES,
  },
  {
    name: "COPY --from a later stage: a red edge",
    seed: { text: "FROM alpine AS a\nCOPY --from=b /x /y\nFROM alpine AS b\n" },
    stages: [
      ["a", false],
      ["b", true],
    ],
    images: ["alpine"],
    edges: ["copy b->a", "from image:alpine->a", "from image:alpine->b"],
    invalid: ["copy b->a"],
  },
  {
    name: "a RUN --mount from a stage: a mount edge",
    seed: { text: "FROM alpine AS a\nFROM alpine\nRUN --mount=type=bind,from=a,source=/x,target=/y true\n" },
    stages: [
      ["a", true],
      ["#1", true],
    ],
    images: ["alpine"],
    edges: ["from image:alpine->#1", "from image:alpine->a", "mount a->#1"],
  },
  {
    name: "COPY --from an image, and a stage built on scratch",
    seed: { text: "FROM scratch AS a\nCOPY --from=busybox:1.36 /bin/sh /sh\nFROM a\n" },
    stages: [
      ["a", true],
      ["#1", true],
    ],
    images: ["busybox:1.36"],
    edges: ["copy image:busybox:1.36->a", "from a->#1"],
  },
  {
    // Keys that are also Object.prototype members: a view state kept in plain objects must not
    // mistake `positions["constructor"]` for a saved position.
    name: "stages named like Object.prototype members",
    seed: {
      text: "FROM alpine AS constructor\nFROM constructor AS tostring\nFROM scratch AS valueof\nCOPY --from=tostring / /\nCOPY --from=hasownproperty / /\n",
    },
    stages: [
      ["constructor", true],
      ["tostring", true],
      ["valueof", true],
    ],
    images: ["alpine", "hasownproperty"],
    edges: ["copy image:hasownproperty->valueof", "copy tostring->valueof", "from constructor->tostring", "from image:alpine->constructor"],
  },
  {
    name: "an image reference BuildKit cannot parse: a red edge",
    seed: { text: "FROM alpine AS a\nFROM UPPER:case AS b\n" },
    stages: [
      ["a", false],
      ["b", true],
    ],
    images: ["UPPER:case", "alpine"],
    edges: ["from image:UPPER:case->b", "from image:alpine->a"],
    invalid: ["from image:UPPER:case->b"],
  },
  {
    name: "an empty file: no nodes, and no crash",
    seed: { text: "" },
    stages: [],
    images: [],
    edges: [],
  },
];

/** Small Dockerfiles the interaction tests start from. */
export const SMALL = "FROM alpine AS base\nRUN echo hi\n\nFROM base AS app\nCOPY --from=base /etc/os-release /x\n";

/** The gallery: the six examples, by id, the menu item's name, and the stage keys each one must draw. */
export const GALLERY: readonly { id: string; title: RegExp; stages: readonly string[] }[] = [
  { id: "node-pnpm", title: /Node\.js/, stages: ["base", "builder", "pruner", "final"] },
  { id: "python-uv", title: /Python/, stages: ["uv", "base", "builder", "pruner", "final"] },
  { id: "go-static", title: /\bGo\b/, stages: ["base", "builder", "final"] },
  { id: "rust", title: /Rust/, stages: ["base", "planner", "builder", "final"] },
  { id: "java-maven", title: /Java/, stages: ["base", "builder", "pruner", "final"] },
  { id: "static-nginx", title: /nginx/, stages: ["base", "builder", "final"] },
];

/** One step of real typing: text typed key by key, or a key (chord) pressed `times` times. */
export type KeyStep = { readonly type: string } | { readonly press: string; readonly times?: number };

export interface EditScenario {
  readonly name: string;
  readonly seed: Seed;
  /** A node to click before typing: React Flow then holds a selection its delete key would remove. */
  readonly selectFirst?: string;
  readonly keys: readonly KeyStep[];
  /** The whole editor text afterwards, exactly. */
  readonly text: string;
  /** Stage keys afterwards. */
  readonly stages: readonly string[];
  /** Nodes that must keep their place on screen. */
  readonly steady: readonly string[];
}

export const EDIT_SCENARIOS: readonly EditScenario[] = [
  {
    name: "spaces and Backspace typed into the editor land in the text",
    seed: { text: SMALL },
    keys: [{ press: "Control+End" }, { type: "RUN echo a b c" }, { press: "Backspace", times: 2 }, { type: " z" }],
    text: `${SMALL}RUN echo a b z`,
    stages: ["app", "base"],
    steady: ["base", "app", "image:alpine"],
  },
  {
    name: "with a node selected, Backspace and Space still belong to the editor",
    seed: { text: SMALL },
    selectFirst: "app",
    keys: [
      { press: "Control+End" },
      { type: "RUN echo a b c" },
      { press: "Backspace", times: 2 },
      { press: "Space", times: 2 },
      { press: "Backspace" },
      { type: "d" },
    ],
    text: `${SMALL}RUN echo a b d`,
    stages: ["app", "base"],
    steady: ["base", "app", "image:alpine"],
  },
  {
    name: "a stage typed at the end appears without moving the others",
    seed: { text: SMALL },
    keys: [{ press: "Control+End" }, { type: "FROM app AS extra" }],
    text: `${SMALL}FROM app AS extra`,
    stages: ["app", "base", "extra"],
    steady: ["base", "app", "image:alpine"],
  },
  {
    name: "renaming a stage in its FROM line renames its node",
    seed: { text: SMALL },
    keys: [{ press: "Control+Home" }, { press: "End" }, { type: "x" }],
    text: SMALL.replace("AS base", "AS basex"),
    // `FROM base` now names an image: the stage `app` is built on the image `base`.
    stages: ["app", "basex"],
    steady: [],
  },
];
