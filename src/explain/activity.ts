/**
 * What a stage does, read from its instructions: the commands it runs, what it takes from the
 * build context, whether it has a command to run. The facts the roles are inferred from.
 */
import type { CommandLine, Stage, TypedInstruction } from "../model/types.ts";

/** A kind of work a RUN command does, recognised by the tools it calls. */
export type Activity = "test" | "lint" | "strip" | "prune" | "prod-deps" | "dev" | "build" | "deps" | "system";

/**
 * Patterns per activity, tried on each command of a RUN (split at `&&`, `;`, `|`, newlines),
 * lowercased, with leading `VAR=value` assignments, `sudo`, `exec` and `./` removed, so `^`
 * anchors at the program that runs.
 */
const patterns: Record<Activity, readonly RegExp[]> = {
  test: [
    /^(npm|pnpm|yarn|bun)( run)? test/,
    /^(go|cargo|dotnet|deno|bun|swift|zig|mix|gradlew?) test\b/,
    /^(pytest|tox|nox|jest|vitest|phpunit|rspec|ctest|gotestsum)\b/,
    /^mvnw?\b.*\b(test|verify)\b/,
    /^make\b.*\btest/,
    /^python3? -m (pytest|unittest)\b/,
  ],
  lint: [
    /^(eslint|golangci-lint|hadolint|shellcheck|ruff|flake8|pylint|mypy|yamllint|markdownlint|stylelint|rubocop|ktlint|tflint|staticcheck|revive|gofmt)\b/,
    /^(npm|pnpm|yarn|bun)( run)? (lint|typecheck|format:check)/,
    /^cargo (clippy|fmt)\b/,
    /^go vet\b/,
    /^(npx )?prettier\b.*--check/,
    /^make\b.*\b(lint|validate)/,
  ],
  strip: [/^(jlink|strip|upx|node-prune)\b/],
  prune: [
    /^(npm|pnpm|yarn) prune\b/,
    /^turbo prune\b/,
    /^yarn workspaces focus\b.*--production/,
  ],
  // An install of the runtime dependencies only: pruning when the dependencies were installed before, else plain deps.
  "prod-deps": [/^(npm|pnpm|yarn|uv|poetry|bun|pip)\b.*--(prod|production|omit=dev|no-dev|only=prod|only=production|only=main|without=dev)\b/],
  dev: [
    /^(npm|pnpm|yarn|bun)( run)? (dev|watch|start:dev)\b/,
    /^(nodemon|air|watchexec|cargo-watch|reflex)\b/,
    /^(go|cargo) run\b/,
    /^dotnet watch\b/,
    /^mvnw? spring-boot:run\b/,
    /--reload\b/,
    /\bmanage\.py runserver\b/,
    /^flask\b.* run\b.*--debug/,
  ],
  build: [
    /^(npm|pnpm|yarn|bun)( run)? (build|compile|bundle|dist|package|generate)/,
    /^((npm|pnpm|yarn) )?turbo( run)? build\b/,
    /^(go|xx-go) (build|generate)\b/,
    /^cargo (build|install --path|chef prepare)\b/,
    /^mvnw?\b.*\b(package|install)\b/,
    /^gradlew?\b.*\b(build|assemble|bootjar|jar|installdist|shadowjar)\b/,
    /^dotnet (publish|build)\b/,
    /^(npx )?(tsc|webpack|vite build|next build|ng build|esbuild|rollup|parcel build|hugo|javac|swift build|zig build|deno compile|bun build)\b/,
    /^cmake\b/,
    /^(gcc|g\+\+|clang|cc|rustc)\b/,
    /^(make|ninja|bazel|buck)\b/,
    /^python3? (-m build|setup\.py (build|bdist))/,
    /^pip3? wheel\b/,
    /^mix (release|compile)\b/,
    /\bcollectstatic\b/,
  ],
  deps: [
    /^npm (ci|install|i|clean-install|install-clean)\b(?!.*\s(-g|--global)\b)/,
    /^pnpm (install|i|fetch)\b/,
    /^yarn( install)?( |$)/,
    /^bun install\b/,
    /^go mod (download|vendor)\b/,
    /^(python3? -m )?pip3? install\b/,
    /^uv (sync|pip install)\b/,
    /^(poetry|pipenv) install\b/,
    /^cargo (fetch|chef cook)\b/,
    /^mvnw?\b.*\bdependency:/,
    /^gradlew?\b.*\b(dependencies|downloaddependencies)\b/,
    /^dotnet restore\b/,
    /^bundle install\b/,
    /^composer install\b/,
    /^mix deps\.get\b/,
    /^deno (cache|install)\b/,
  ],
  system: [/^(apt-get|apt|apk|yum|dnf|microdnf|zypper|tdnf)\b.*\b(install|add)\b/],
};

const order: readonly Activity[] = ["test", "lint", "strip", "prune", "prod-deps", "dev", "build", "deps", "system"];

const shellWords = /^(fi|done|esac|then|else|do|true|:|\}|\)|set\b.*)$/;

/** The commands of a shell line, split where a shell runs the next one, each reduced to its program and arguments. */
export function splitCommands(text: string): string[] {
  const out: string[] = [];
  for (const part of text.split(/&&|\|\||;|\||\n|\bthen\b|\belse\b|\bdo\b/)) {
    const command = part
      .replace(/\\\s*$/g, "")
      .trim()
      .replace(/^(\(|\{|if |!\s)\s*/, "")
      .replace(/^(\w+=("[^"]*"|'[^']*'|\S*)\s+)+/, "")
      .replace(/^(sudo|exec|time|command|env|npx|bunx|pnpm dlx|yarn dlx)\s+/, "")
      .replace(/^[^\s/]*\//, (m) => (m.startsWith("$") ? m : ""))
      .replace(/^(\S*\/)?(\S+?)@[\w.^~-]+(?=\s|$)/, "$2")
      .replace(/^\S*\/(?=\S)/, "");
    if (command !== "" && !shellWords.test(command)) out.push(command);
  }
  return out;
}

/** The shell text of a command line (exec form joined by spaces). */
export function commandText(command: CommandLine): string {
  if (command.form === "shell") return command.text.value;
  if (command.form === "exec") return command.args.map((a) => a.value).join(" ");
  return "";
}

/** What one command does: the first activity whose pattern matches, or null. */
export function classifyCommand(command: string): Activity | null {
  const lower = command.toLowerCase();
  // `tool --version` checks that a tool was installed; it does not do the tool's work.
  if (/\s(--?version|version|--help|-h)\s*$/.test(lower)) return null;
  for (const activity of order) {
    if (patterns[activity].some((p) => p.test(lower))) return activity;
  }
  return null;
}

/** The file names whose only job is to list dependencies: copying these alone is the cache-friendly first step. */
const manifestNames =
  /^(package(-lock)?\.json|npm-shrinkwrap\.json|yarn\.lock|pnpm-(lock|workspace)\.yaml|\.npmrc|\.yarnrc(\.yml)?|\.yarn|\.pnp\.c?js|bun\.lockb?|go\.(mod|sum|work|work\.sum)|cargo\.(toml|lock)|recipe\.json|requirements[\w.-]*\.(txt|in)|pyproject\.toml|poetry\.lock|uv\.lock|pipfile(\.lock)?|setup\.(py|cfg)|\.python-version|pom\.xml|\.mvn|mvnw|(build|settings)\.gradle(\.kts)?|gradle\.properties|gradlew|gradle|.*\.(csproj|fsproj|vbproj|sln)|nuget\.config|directory\.(packages|build)\.props|global\.json|gemfile(\.lock)?|composer\.(json|lock)|mix\.(exs|lock)|deno\.(json|jsonc|lock)|package\.(swift|resolved)|\.npmrc|turbo\.json|lerna\.json|nx\.json)$/;

/** Whether a COPY source names only a dependency manifest (globs such as `yarn.lock*` allowed). */
export function isManifestPath(path: string): boolean {
  const name = path.replace(/\/+$/, "").split("/").pop() ?? "";
  return manifestNames.test(name.toLowerCase().replace(/\*+$/, "").replace(/\[.*\]$/, ""));
}

const urlPattern = /^(https?|git):\/\/|^git@|\.git(#.*)?$/;

/** Whether an ADD source is fetched from the network rather than read from the build context. */
export function isRemoteSource(path: string): boolean {
  return urlPattern.test(path);
}

/** The facts about one stage that its role is read from. */
export interface StageActivity {
  /** Activities of its RUN commands, with the first command that showed each. */
  readonly activities: ReadonlyMap<Activity, string>;
  readonly runs: number;
  /** COPY/ADD from the build context (or a bind mount of it) of something other than manifests. */
  readonly copiesSources: boolean;
  /** COPY/ADD from the build context of manifests only. */
  readonly copiesManifests: readonly string[];
  /** COPY --from (any source) or ADD of a URL: files arrive from elsewhere. */
  readonly copiesFromElsewhere: boolean;
  /** Has CMD or ENTRYPOINT. */
  readonly runnable: boolean;
  /** The command that CMD/ENTRYPOINT sets, as text (the last one). */
  readonly command: string | null;
  /** Only COPY/ADD (plus ARG, LABEL, WORKDIR, ENV): nothing runs. */
  readonly onlyCopies: boolean;
  readonly copies: number;
  /** Activities of the RUNs that see the sources: after the first COPY of them, or with the context bind-mounted. */
  readonly afterSources: ReadonlySet<Activity>;
  /** The last RUN's command, shortened; null when nothing runs. */
  readonly lastRun: string | null;
}

/** A command as one short line: whitespace collapsed, cut at 60 characters. */
export function shorten(command: string): string {
  const line = command.replace(/\s+/g, " ").trim();
  return line.length > 60 ? `${line.slice(0, 57)}…` : line;
}

/** The activities of a shell text, each with the first command that showed it. */
export function activitiesOf(text: string): Map<Activity, string> {
  const found = new Map<Activity, string>();
  addActivities(found, text);
  return found;
}

function addActivities(found: Map<Activity, string>, text: string): void {
  for (const command of splitCommands(text)) {
    const activity = classifyCommand(command);
    if (activity !== null && !found.has(activity)) found.set(activity, shorten(command));
  }
}

const passive = new Set(["arg", "label", "workdir", "env", "copy", "add", "maintainer", "onbuild", "unknown"]);

/** Read the facts of a stage from its own instructions. */
export function readStageActivity(stage: Stage): StageActivity {
  const activities = new Map<Activity, string>();
  let runs = 0;
  let copies = 0;
  let copiesSources = false;
  let copiesFromElsewhere = false;
  let runnable = false;
  let command: string | null = null;
  let lastRun: string | null = null;
  let sourcesIn = false;
  const afterSources = new Set<Activity>();
  let onlyCopies = true;
  const copiesManifests: string[] = [];
  const visit = (i: TypedInstruction): void => {
    if (!passive.has(i.kind)) onlyCopies = false;
    switch (i.kind) {
      case "run": {
        runs++;
        const text = [commandText(i.command), ...i.heredocs.map((h) => h.content)].join("\n");
        addActivities(activities, text);
        lastRun = shorten(splitCommands(text.replace(/^\s*<<-?['"]?\w+['"]?\s*$/m, "")).pop() ?? text);
        if (sourcesIn) for (const [activity] of activitiesOf(text)) afterSources.add(activity);
        if (i.mounts.some((m) => m.kind === "bind" && m.from === null)) {
          copiesSources = true;
          for (const [activity] of activitiesOf(text)) afterSources.add(activity);
        }
        break;
      }
      case "copy":
      case "add": {
        copies++;
        if (i.kind === "copy" && i.from !== null) {
          copiesFromElsewhere = true;
          break;
        }
        for (const s of i.sources) {
          if (i.kind === "add" && isRemoteSource(s.value)) copiesFromElsewhere = true;
          else if (isManifestPath(s.value)) copiesManifests.push(s.value);
          else copiesSources = sourcesIn = true;
        }
        break;
      }
      case "cmd":
      case "entrypoint": {
        runnable = true;
        command = commandText(i.command);
        addActivities(activities, command);
        break;
      }
      case "env":
        for (const p of i.pairs) if (/^(NODE_ENV|RAILS_ENV|APP_ENV|FLASK_ENV)$/i.test(p.key.value) && /^["']?dev/i.test(p.value.value)) activities.set("dev", `${p.key.value}=${p.value.value}`);
        break;
      default:
        break;
    }
  };
  for (const i of stage.instructions) visit(i);
  return { activities, runs, copiesSources, copiesManifests, copiesFromElsewhere, runnable, command, onlyCopies, copies, lastRun, afterSources };
}
