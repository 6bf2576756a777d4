/** Package-manager installs as the pattern rules see them: which tool, dev or production, and its cache. */
import type { RunInstruction } from "../model/types.ts";
import { programOf, runScript, splitCommands } from "./shell-commands.ts";

export type Manager = "npm" | "pnpm" | "yarn" | "pip" | "uv" | "poetry" | "go" | "cargo" | "apt" | "apk" | "bundler" | "composer" | "maven" | "gradle";

export interface Install {
  readonly manager: Manager;
  /** The install leaves out dev dependencies (`npm ci --omit=dev`, `uv sync --no-dev`, …). */
  readonly production: boolean;
  /** It removes dev dependencies installed before (`npm prune --production`, `pnpm prune --prod`). */
  readonly prune: boolean;
}

const prodFlags = /^(--production|--prod|-P|--omit=dev|--only=prod(uction)?|--no-dev|--without=dev|--only=main|--without-dev)$/;

/** What a word list runs, when it is a dependency install. */
function classify(words: readonly string[]): Install | null {
  const { name, args } = programOf({ words, piped: false });
  const sub = args.find((a) => !a.startsWith("-")) ?? "";
  const production = args.some((a) => prodFlags.test(a)) || (args.includes("--only") && args.includes("main"));
  const tool = name.split("/").pop() ?? name;
  switch (tool) {
    case "npm":
      if (sub === "ci" || sub === "install" || sub === "i") return { manager: "npm", production, prune: false };
      if (sub === "prune") return { manager: "npm", production: true, prune: true };
      return null;
    case "pnpm":
      if (sub === "install" || sub === "i" || sub === "fetch") return { manager: "pnpm", production, prune: false };
      if (sub === "prune" || (sub === "deploy" && production)) return { manager: "pnpm", production: true, prune: true };
      return null;
    case "yarn":
      if (sub === "" || sub === "install") return { manager: "yarn", production, prune: false };
      if (sub === "workspaces" && args.includes("focus") && production) return { manager: "yarn", production: true, prune: true };
      return null;
    case "pip":
    case "pip3":
      return sub === "install" ? { manager: "pip", production: !args.some((a) => /dev|test/.test(a)), prune: false } : null;
    case "uv":
      if (sub === "sync") return { manager: "uv", production, prune: production };
      if (sub === "pip" && args.includes("install")) return { manager: "uv", production: !args.some((a) => /dev|test/.test(a)), prune: false };
      return null;
    case "poetry":
      return sub === "install" ? { manager: "poetry", production, prune: false } : null;
    case "go":
      return sub === "mod" && args.includes("download") ? { manager: "go", production: true, prune: false } : sub === "build" || sub === "install" ? { manager: "go", production: true, prune: false } : null;
    case "cargo":
      return sub === "build" || sub === "fetch" || sub === "install" ? { manager: "cargo", production: true, prune: false } : null;
    case "apt-get":
    case "apt":
      return sub === "install" ? { manager: "apt", production: true, prune: false } : null;
    case "apk":
      return sub === "add" ? { manager: "apk", production: true, prune: false } : null;
    case "bundle":
      return sub === "install" ? { manager: "bundler", production: true, prune: false } : null;
    case "composer":
      return sub === "install" ? { manager: "composer", production: args.includes("--no-dev"), prune: false } : null;
    case "mvn":
    case "mvnw":
    case "./mvnw":
      return { manager: "maven", production: true, prune: false };
    case "gradle":
    case "gradlew":
    case "./gradlew":
      return { manager: "gradle", production: true, prune: false };
    default:
      return null;
  }
}

/** The dependency installs a RUN does, in order. */
export function installsIn(run: RunInstruction): Install[] {
  const out: Install[] = [];
  for (const command of splitCommands(runScript(run))) {
    const found = classify(command.words);
    if (found !== null) out.push(found);
  }
  return out;
}

/** Where each manager keeps the cache a `--mount=type=cache` should hold. */
export const cacheDirs: Readonly<Record<Manager, readonly string[]>> = {
  npm: ["/root/.npm"],
  pnpm: ["/pnpm/store", "/root/.local/share/pnpm/store"],
  yarn: ["/usr/local/share/.cache/yarn", "/root/.yarn/berry/cache", "/root/.cache/yarn"],
  pip: ["/root/.cache/pip"],
  uv: ["/root/.cache/uv"],
  poetry: ["/root/.cache/pypoetry"],
  go: ["/go/pkg/mod", "/root/.cache/go-build"],
  cargo: ["/usr/local/cargo/registry", "/usr/local/cargo/git"],
  apt: ["/var/cache/apt", "/var/lib/apt"],
  apk: ["/var/cache/apk", "/etc/apk/cache"],
  bundler: ["/usr/local/bundle/cache"],
  composer: ["/root/.composer/cache", "/tmp/cache"],
  maven: ["/root/.m2"],
  gradle: ["/root/.gradle"],
};

/** Whether any of the RUN's cache mounts holds one of the manager's caches (or the whole root home). */
export function hasManagerCache(run: RunInstruction, manager: Manager): boolean {
  const targets = run.mounts.filter((m) => m.kind === "cache").map((m) => (m.target?.value ?? "").replace(/\/+$/, ""));
  if (targets.length === 0) return false;
  // A store or cache mounted anywhere counts: tools are often pointed at a custom cache directory.
  if (manager !== "apt" && manager !== "apk") return true;
  return cacheDirs[manager].some((dir) => targets.some((t) => dir === t || dir.startsWith(`${t}/`)));
}
