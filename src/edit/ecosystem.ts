/**
 * What a file already uses, read from its text: the base image, the working directory, the
 * package manager or toolchain, and where the build puts its output. `addStage` fills its
 * templates from it, and `suggestCopyPaths` proposes paths from it.
 */
import type { Stage, TypedInstruction } from "../model/types.ts";
import type { EditContext } from "./context.ts";

export interface Toolchain {
  readonly name: string;
  /** Finds the toolchain in a RUN command. */
  readonly pattern: RegExp;
  readonly build: string;
  /** Drops what only the build needed, in place; null when the toolchain has no such step. */
  readonly prune: string | null;
  /** Where the build puts its output, relative to the working directory (or absolute). */
  readonly output: string;
}

const toolchains: readonly Toolchain[] = [
  { name: "pnpm", pattern: /\bpnpm\b/, build: "pnpm install --frozen-lockfile && pnpm build", prune: "pnpm prune --prod", output: "dist" },
  { name: "yarn", pattern: /\byarn\b/, build: "yarn install --frozen-lockfile && yarn build", prune: "yarn install --production --frozen-lockfile", output: "dist" },
  { name: "npm", pattern: /\bnpm\b/, build: "npm ci && npm run build", prune: "npm prune --omit=dev", output: "dist" },
  { name: "uv", pattern: /\buv\b/, build: "uv sync --frozen --no-dev", prune: null, output: ".venv" },
  { name: "pip", pattern: /\bpip3?\b/, build: "pip install --no-cache-dir --prefix=/install -r requirements.txt", prune: null, output: "/install" },
  { name: "go", pattern: /\bgo (?:build|mod|install)\b/, build: "CGO_ENABLED=0 go build -o /out/app .", prune: null, output: "/out/app" },
  { name: "cargo", pattern: /\bcargo\b/, build: "cargo build --release", prune: null, output: "target/release" },
  { name: "maven", pattern: /\bmvnw?\b/, build: "mvn -B package -DskipTests", prune: null, output: "target" },
  { name: "gradle", pattern: /\bgradlew?\b/, build: "gradle build -x test", prune: null, output: "build/libs" },
];

const generic: Toolchain = { name: "make", pattern: /\bmake\b/, build: "make", prune: null, output: "/out" };

function runText(i: TypedInstruction, source: string): string {
  return i.kind === "run" ? source.slice(i.node.range.start, i.node.range.end) : "";
}

/** The toolchain the file's RUN lines use most (the first listed on a tie); `make` when none. */
export function detectToolchain(ctx: EditContext): Toolchain {
  const counts = new Map<Toolchain, number>();
  for (const i of ctx.model.instructions) {
    const text = runText(i, ctx.tree.source);
    for (const t of toolchains) if (t.pattern.test(text)) counts.set(t, (counts.get(t) ?? 0) + 1);
  }
  let best: Toolchain = generic;
  let most = 0;
  for (const t of toolchains) {
    const n = counts.get(t) ?? 0;
    if (n > most) [best, most] = [t, n];
  }
  return best;
}

/** The base image the file starts from: the first stage built on an image (as written), else a small default. */
export function detectBaseImage(ctx: EditContext): string {
  for (const stage of ctx.graph.stages) {
    if (stage.base.kind === "image" && stage.stage.from.image !== null) return stage.stage.from.image.value;
  }
  return "alpine:3.20";
}

/** A stage's last absolute WORKDIR, or null. */
export function stageWorkdir(stage: Stage): string | null {
  let dir: string | null = null;
  for (const i of stage.instructions) if (i.kind === "workdir" && i.value !== null && i.value.value.startsWith("/")) dir = i.value.value;
  return dir;
}

/** The working directory the file uses (the first absolute WORKDIR), else `/app`. */
export function detectWorkdir(ctx: EditContext): string {
  for (const stage of ctx.model.stages) {
    const dir = stageWorkdir(stage);
    if (dir !== null) return dir;
  }
  return "/app";
}

/** `output` under `workdir` unless it is absolute. */
export function underWorkdir(workdir: string, output: string): string {
  return output.startsWith("/") ? output : `${workdir.replace(/\/+$/, "")}/${output}`;
}
