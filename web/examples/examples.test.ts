import { readdirSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { dumpBuildkit, parseDockerfile, printDockerfile } from "../../src/index.ts";
import type { DockerfileTree, InstructionNode } from "../../src/index.ts";
import { EXAMPLES } from "./index.ts";

const folder = dirname(fileURLToPath(import.meta.url));
const suffix = ".Dockerfile";
const files = readdirSync(folder)
  .filter((name) => name.endsWith(suffix))
  .sort();

/** The gallery order the workshops use: the default first. */
const expectedOrder = ["node-pnpm", "python-uv", "go-static", "rust", "java-maven", "static-nginx"];

/** SecretsUsedInArgOrEnv's words (docs/dockerfile-semantics.md §3.1). */
const secretWords = new Set(["apikey", "auth", "credential", "credentials", "key", "password", "pword", "passwd", "secret", "token"]);
const exemptWords = new Set(["public", "file", "version"]);

function readExample(file: string): string {
  return readFileSync(join(folder, file), "utf8");
}

function wordArgs(node: InstructionNode): string[] {
  return node.args.filter((a) => a.role === "word").map((a) => a.value);
}

function flagValue(node: InstructionNode, name: string): string | null {
  return node.flags.find((f) => f.name === name)?.value ?? null;
}

interface StageInfo {
  readonly image: string;
  readonly name: string | null;
  readonly instructions: readonly InstructionNode[];
}

/** Split the instructions into stages, keeping the global ARGs (those before the first FROM) apart. */
function splitStages(tree: DockerfileTree): { globals: InstructionNode[]; stages: StageInfo[] } {
  const globals: InstructionNode[] = [];
  const stages: { image: string; name: string | null; instructions: InstructionNode[] }[] = [];
  for (const node of tree.instructions) {
    if (node.name === "FROM") {
      const [image = "", as, name] = wordArgs(node);
      stages.push({ image, name: as?.toLowerCase() === "as" && name !== undefined ? name : null, instructions: [] });
    } else {
      (stages.at(-1)?.instructions ?? globals).push(node);
    }
  }
  return { globals, stages };
}

/** The global ARG defaults, as `FROM` lines see them. */
function readGlobalDefaults(globals: readonly InstructionNode[]): Map<string, string> {
  const defaults = new Map<string, string>();
  for (const node of globals) {
    if (node.name !== "ARG") continue;
    for (const word of wordArgs(node)) {
      const match = /^([A-Za-z_][A-Za-z0-9_]*)=(.*)$/.exec(word);
      if (match?.[1] !== undefined && match[2] !== undefined) defaults.set(match[1], match[2]);
    }
  }
  return defaults;
}

/** Expand `$X` and `${X}` from the defaults; an unknown name is left as `<unset:X>`. */
function expandSimple(word: string, defaults: ReadonlyMap<string, string>): string {
  return word.replace(/\$\{([A-Za-z_][A-Za-z0-9_]*)\}|\$([A-Za-z_][A-Za-z0-9_]*)/g, (_, braced?: string, bare?: string) => {
    const name = braced ?? bare ?? "";
    return defaults.get(name) ?? `<unset:${name}>`;
  });
}

/** True when an image reference carries a tag (after its last `/`) or a digest. */
function hasTagOrDigest(ref: string): boolean {
  if (ref.includes("@sha256:")) return true;
  const lastPart = ref.slice(ref.lastIndexOf("/") + 1);
  return /:[\w][\w.-]{0,127}$/.test(lastPart);
}

function keysOf(node: InstructionNode): string[] {
  if (node.name === "ENV") return node.args.filter((a) => a.role === "key").map((a) => a.value);
  return wordArgs(node).map((w) => w.split("=")[0] ?? "");
}

function looksSecret(key: string): boolean {
  const words = key.toLowerCase().split("_");
  return words.some((w) => secretWords.has(w)) && !words.some((w) => exemptWords.has(w));
}

describe("EXAMPLES", () => {
  it("lists every Dockerfile in the folder once, in gallery order, with the file's text", () => {
    expect(EXAMPLES.map((e) => e.id)).toEqual(expectedOrder);
    expect([...EXAMPLES.map((e) => `${e.id}${suffix}`)].sort()).toEqual(files);
    for (const example of EXAMPLES) expect(example.text).toBe(readExample(`${example.id}${suffix}`));
  });

  it("gives each example a title and a one-sentence description", () => {
    for (const example of EXAMPLES) {
      expect(example.title.trim()).not.toBe("");
      expect(example.description).toMatch(/^[A-Za-z].*\.$/);
      expect(example.description).not.toMatch(/[.!?]\s/);
    }
  });
});

describe.each(files)("%s", (file) => {
  const text = readExample(file);
  const tree = parseDockerfile(text);
  const { globals, stages } = splitStages(tree);
  const finalStage = stages.at(-1);
  const defaults = readGlobalDefaults(globals);

  it("parses without a fatal error or any diagnostic, and prints back to the same text", () => {
    expect(tree.fatal).toBeNull();
    expect(tree.diagnostics).toEqual([]);
    expect(dumpBuildkit(tree)).not.toMatch(/^ERROR/);
    expect(printDockerfile(tree)).toBe(text);
  });

  it("is shaped like a gallery file: syntax directive first, 30 to 80 lines, a final newline", () => {
    expect(text.startsWith("# syntax=docker/dockerfile:1\n")).toBe(true);
    expect(tree.directives.map((d) => [d.key, d.value])).toEqual([["syntax", "docker/dockerfile:1"]]);
    const lines = text.split("\n").length - 1;
    expect(lines).toBeGreaterThanOrEqual(30);
    expect(lines).toBeLessThanOrEqual(80);
    expect(text.endsWith("\n")).toBe(true);
    expect(text.endsWith("\n\n")).toBe(false);
  });

  it("has at least three stages, each named, with unique lowercase names", () => {
    expect(stages.length).toBeGreaterThanOrEqual(3);
    const names = stages.map((s) => s.name);
    for (const name of names) expect(name).toMatch(/^[a-z][a-z0-9_.-]*$/);
    expect(new Set(names).size).toBe(names.length);
  });

  it("pins every base image: a tag or digest after expanding the global ARGs, never :latest", () => {
    expect(text).not.toMatch(/:latest\b/i);
    expect(stages.some((s) => s.image.includes("$") && [...defaults.keys()].some((k) => s.image.includes(k)))).toBe(true);
    stages.forEach((stage, index) => {
      const ref = expandSimple(stage.image, defaults);
      expect(ref, `FROM ${stage.image}`).not.toContain("<unset:");
      expect(ref, `FROM ${stage.image} → ${ref}`).not.toMatch(/:latest\b/i);
      // BuildKit matches FROM's literal text against the lowercased stage names.
      const earlier = stages.slice(0, index).map((s) => s.name?.toLowerCase());
      if (earlier.includes(ref) || ref === "scratch") return;
      expect(hasTagOrDigest(ref), `FROM ${stage.image} → ${ref}`).toBe(true);
    });
  });

  it("copies and mounts only from stages defined earlier", () => {
    stages.forEach((stage, index) => {
      // `--from` and `--mount from=` look names up case-insensitively; a forward reference fails.
      const earlier = stages.slice(0, index).map((s) => s.name?.toLowerCase());
      for (const node of stage.instructions) {
        const from = node.name === "COPY" || node.name === "ADD" ? flagValue(node, "from") : null;
        if (from !== null) expect(earlier, `${node.original} in ${stage.name}`).toContain(from.toLowerCase());
        for (const mount of node.flags.filter((f) => f.name === "mount")) {
          const mountFrom = (mount.value ?? "").split(",").find((field) => field.startsWith("from="));
          if (mountFrom !== undefined) expect(earlier).toContain(mountFrom.slice("from=".length).toLowerCase());
        }
      }
    });
  });

  it("runs the final stage as a non-root user, exposes a port and uses exec form", () => {
    expect(finalStage).toBeDefined();
    const instructions = finalStage?.instructions ?? [];
    const user = instructions.filter((n) => n.name === "USER").at(-1)?.args[0]?.value;
    expect(user).toBeDefined();
    expect(["root", "0"]).not.toContain(user?.split(":")[0]);
    expect(instructions.some((n) => n.name === "EXPOSE")).toBe(true);
    const commands = instructions.filter((n) => n.name === "CMD" || n.name === "ENTRYPOINT");
    expect(commands.length).toBeGreaterThan(0);
    for (const node of commands) expect(node.json, node.original).toBe(true);
    for (const node of instructions.filter((n) => n.name === "HEALTHCHECK")) {
      expect(node.json, node.original).toBe(true);
    }
  });

  it("keeps package caches in cache mounts and apt installs lean", () => {
    const runs = tree.instructions.filter((n) => n.name === "RUN");
    const cacheMounts = runs.flatMap((n) => n.flags).filter((f) => f.name === "mount" && /(^|,)type=cache(,|$)/.test(f.value ?? ""));
    expect(cacheMounts.length).toBeGreaterThan(0);
    for (const node of runs.filter((n) => n.original.includes("apt-get install"))) {
      expect(node.original).toContain("apt-get update");
      expect(node.original).toMatch(/apt-get install -y --no-install-recommends /);
      expect(node.original).toContain("rm -rf /var/lib/apt/lists/*");
    }
  });

  it("declares no secret-looking ARG or ENV", () => {
    for (const node of tree.instructions.filter((n) => n.name === "ARG" || n.name === "ENV")) {
      for (const key of keysOf(node)) expect(looksSecret(key), `${node.name} ${key}`).toBe(false);
    }
  });
});
