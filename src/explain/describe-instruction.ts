/**
 * Each instruction in plain words: our own short sentences, saying what it does to the image
 * and, where it matters, why it sits where it does (manifests before sources, cache mounts).
 */
import type { CopyInstruction, AddInstruction, RunInstruction, RunMount, TypedInstruction } from "../model/types.ts";
import { activitiesOf, commandText, isManifestPath, isRemoteSource, shorten } from "./activity.ts";

function code(text: string): string {
  return `\`${shorten(text)}\``;
}

function list(items: readonly string[]): string {
  if (items.length <= 1) return items.join("");
  return `${items.slice(0, -1).join(", ")} and ${items[items.length - 1] ?? ""}`;
}

function describeMount(mount: RunMount): string {
  const target = mount.target?.value ?? "?";
  switch (mount.kind) {
    case "cache":
      return `${target} is a build cache kept between builds and never stored in the image`;
    case "secret":
      return `the secret ${mount.id?.value ?? mount.target?.value ?? ""} is readable for this step only, never written to a layer`;
    case "ssh":
      return "the SSH agent is forwarded for this step only";
    case "tmpfs":
      return `${target} is an in-memory scratch directory`;
    case "bind":
      return `${mount.from !== null ? `files of ${mount.from.value ?? "?"}` : "the build context"} ${mount.source !== null ? `(${mount.source.value ?? ""}) ` : ""}are mounted at ${target}${mount.readOnly ? " read-only" : ""} without being copied into a layer`;
    case "other":
      return `a ${mount.type} mount is at ${target}`;
  }
}

function describeRun(run: RunInstruction): string {
  const text = [commandText(run.command), ...run.heredocs.map((h) => h.content)].join("\n");
  const activities = activitiesOf(text);
  const shown = run.heredocs.length > 0 && run.command.form === "shell" && /^\s*<<-?/.test(commandText(run.command)) ? run.heredocs[0]?.content ?? "" : commandText(run.command);
  const what =
    activities.has("test") ? "Runs the tests"
    : activities.has("lint") ? "Runs linters"
    : activities.has("build") ? "Builds"
    : activities.has("prune") || activities.has("strip") ? "Strips what is not needed"
    : activities.has("prod-deps") ? "Installs the runtime dependencies only"
    : activities.has("deps") ? "Installs the dependencies"
    : activities.has("system") ? "Installs system packages"
    : "Runs";
  const parts = [`${what}: ${code(shown)}`];
  if (activities.has("system") && /rm -rf \/var\/lib\/apt\/lists|--no-cache/.test(text)) parts.push("the package index is removed in the same step, so it takes no space in the layer");
  for (const mount of run.mounts) parts.push(describeMount(mount));
  if (run.network !== null) parts.push(`network: ${run.network.value}`);
  return `${parts.join("; ")}.`;
}

function describeCopy(i: CopyInstruction | AddInstruction): string {
  const dest = i.dest?.value ?? "?";
  const sources = i.sources.map((s) => s.value);
  const extras: string[] = [];
  if (i.chown !== null) extras.push(`owned by ${i.chown.value}`);
  if (i.chmod !== null) extras.push(`with mode ${i.chmod.value}`);
  if (i.link?.value === true) extras.push("as an independent layer (`--link`) that survives a change of the base");
  if (i.kind === "copy" && i.parents?.value === true) extras.push("keeping their parent directories (`--parents`)");
  if (i.exclude.length > 0) extras.push(`leaving out ${list(i.exclude.map((e) => e.value))}`);
  const tail = extras.length > 0 ? `, ${extras.join(", ")}` : "";
  if (i.inlineSources.length > 0 && sources.length === 0) return `Writes the file written inline (heredoc ${i.inlineSources.map((h) => h.name).join(", ")}) to ${dest}${tail}.`;
  if (i.kind === "copy" && i.from !== null) return `Copies ${list(sources)} from ${i.from.value} to ${dest}${tail}: only these files cross over, nothing else of ${i.from.value}.`;
  if (i.kind === "add" && sources.some(isRemoteSource)) {
    const checked = i.checksum !== null ? ", checked against its checksum" : " (no checksum: a changed download goes unnoticed)";
    return `Downloads ${list(sources)} to ${dest}${checked}${tail}.`;
  }
  if (sources.length > 0 && sources.every(isManifestPath)) {
    return `Copies only the dependency manifests ${list(sources)} to ${dest}${tail}, so the install after it is reused from the cache until they change.`;
  }
  if (sources.some((s) => s === "." || s === "./" || s === "/")) {
    return `Copies the whole build context (minus .dockerignore) to ${dest}${tail}: any changed file re-runs every step after this one.`;
  }
  const archive = i.kind === "add" && sources.some((s) => /\.(tar(\.\w+)?|tgz|tbz2?|txz)$/.test(s)) ? " (a local tar archive is unpacked)" : "";
  return `Copies ${list(sources)} from the build context to ${dest}${archive}${tail}.`;
}

/**
 * One sentence (sometimes two) saying what an instruction does.
 *
 * @example
 * describeInstruction(stage.instructions[0]); // "Makes /app the working directory, creating it when missing."
 */
export function describeInstruction(i: TypedInstruction): string {
  switch (i.kind) {
    case "from": {
      if (i.image === null) return "Starts a stage with no base named.";
      if (i.image.value.toLowerCase() === "scratch") return "Starts from an empty file system (`scratch`).";
      return `Starts from ${code(i.image.value)}${i.alias !== null ? ` and names this stage ${i.alias.value}` : ""}.`;
    }
    case "run":
      return describeRun(i);
    case "copy":
    case "add":
      return describeCopy(i);
    case "cmd":
      return `Sets the default command of the container: ${code(commandText(i.command))} (replaced by any arguments to \`docker run\`).`;
    case "entrypoint":
      return `Sets the program the container always runs: ${code(commandText(i.command))}.`;
    case "shell":
      return `Changes the shell later shell-form steps run with to ${code(commandText(i.command))}.`;
    case "healthcheck":
      return i.type?.value.toUpperCase() === "NONE" ? "Turns off the health check the base image set." : `Checks the container's health with ${code(commandText(i.command))}.`;
    case "env":
      return `Sets ${list(i.pairs.map((p) => p.key.value))} for the later steps and for the running container.`;
    case "label":
      return `Adds the metadata ${list(i.pairs.map((p) => p.key.value))} to the image.`;
    case "arg":
      return `Declares the build argument${i.declarations.length > 1 ? "s" : ""} ${list(i.declarations.map((d) => (d.defaultValue === null ? d.name.value : `${d.name.value} (default ${d.defaultValue.value})`)))}, visible to the steps after it in this stage; it is not kept in the image.`;
    case "expose":
      return `Documents that the container listens on ${list(i.items.map((p) => p.value))}; publishing is still up to \`docker run -p\`.`;
    case "volume":
      return `Marks ${list(i.items.map((p) => p.value))} as a volume: changes there at build time after this line are discarded.`;
    case "user":
      return `Runs the later steps and the container as ${i.value?.value ?? "?"}.`;
    case "workdir":
      return `Makes ${i.value?.value ?? "?"} the working directory, creating it when missing.`;
    case "stopsignal":
      return `Stops the container with ${i.value?.value ?? "?"}.`;
    case "maintainer":
      return "Names the maintainer (deprecated: use a LABEL).";
    case "onbuild":
      return i.trigger === null ? "An empty ONBUILD trigger." : `Runs later, in any stage built FROM this one: ${describeInstruction(i.trigger).replace(/^./, (c) => c.toLowerCase())}`;
    case "unknown":
      return `\`${i.node.keyword}\` is not a Dockerfile instruction: BuildKit rejects it.`;
  }
}
