/**
 * Reference text for every instruction, flag and `--mount` option, in our own words, each with
 * a short example: the editor shows it on hover and beside completions.
 */

export interface DocEntry {
  /** What it is called in the Dockerfile: `COPY`, `--from`, `type=cache`. */
  readonly name: string;
  /** What it does, one or two sentences. */
  readonly summary: string;
  /** A short line of Dockerfile showing it. */
  readonly example: string;
}

export interface InstructionDoc extends DocEntry {
  /** Flags the instruction accepts, by name without dashes. */
  readonly flags: readonly DocEntry[];
}

const d = (name: string, summary: string, example: string): DocEntry => ({ name, summary, example });

export const instructionDocs: readonly InstructionDoc[] = [
  {
    ...d("FROM", "Starts a new build stage on a base: an image, an earlier stage by name, or `scratch` (nothing). `AS name` lets later stages build on it or copy from it.", "FROM node:22-slim AS base"),
    flags: [d("--platform", "Picks the platform of the base image, e.g. the build machine's own with `$BUILDPLATFORM` so compilers run natively.", "FROM --platform=$BUILDPLATFORM golang:1.23 AS build")],
  },
  {
    ...d("RUN", "Runs a command in a new layer on top of the stage so far. Shell form runs through `/bin/sh -c`; exec form (`[\"a\",\"b\"]`) runs the program directly.", "RUN apt-get update && apt-get install -y curl"),
    flags: [
      d("--mount", "Mounts something for this command only: a cache kept between builds, a secret, the SSH agent, files of another stage or of the context. Nothing mounted ends up in the layer.", "RUN --mount=type=cache,target=/root/.npm npm ci"),
      d("--network", "The network the command gets: `default`, `none` (no network at all) or `host`.", "RUN --network=none make test"),
      d("--security", "`insecure` runs the command with extended privileges (needs the entitlement on the builder); `sandbox` is the default.", "RUN --security=insecure mount -t tmpfs none /mnt"),
      d("--device", "Makes a CDI device available to the command (experimental).", "RUN --device=nvidia.com/gpu=all nvidia-smi"),
    ],
  },
  {
    ...d("COPY", "Copies files into the image, from the build context or, with `--from`, from another stage or image. Copying the dependency manifests before the sources keeps the install step cached.", "COPY package.json package-lock.json ./"),
    flags: [
      d("--from", "Copies from a stage (by name or index), an image, or a named context instead of the build context. Only the named paths cross over.", "COPY --from=builder /app/dist ./dist"),
      d("--chown", "Sets the owner (and group) of the copied files, by name or number.", "COPY --chown=node:node . ."),
      d("--chmod", "Sets the permissions of the copied files, in octal (or symbolic since Dockerfile 1.14).", "COPY --chmod=0755 entrypoint.sh /usr/local/bin/"),
      d("--link", "Copies into an independent layer that does not depend on the layers below, so a changed base does not invalidate it.", "COPY --link --from=builder /out/app /app"),
      d("--parents", "Keeps the directories of the source paths under the destination, so several matches do not flatten into one folder.", "COPY --parents ./packages/*/package.json /app/"),
      d("--exclude", "Leaves out paths matching a pattern (can be given more than once).", "COPY --exclude=*.md . /src"),
    ],
  },
  {
    ...d("ADD", "Like COPY, and also downloads URLs, clones Git repositories, and unpacks local tar archives. Prefer COPY unless you need one of those.", "ADD https://example.com/tool.tar.gz /opt/"),
    flags: [
      d("--chown", "Sets the owner (and group) of the added files.", "ADD --chown=app:app app.tar.gz /srv/"),
      d("--chmod", "Sets the permissions of the added files.", "ADD --chmod=0644 https://example.com/ca.pem /etc/ssl/"),
      d("--link", "Adds into an independent layer that survives a change of the base.", "ADD --link app.tar.gz /srv/"),
      d("--keep-git-dir", "Keeps the `.git` directory when adding a Git repository.", "ADD --keep-git-dir=true https://github.com/org/repo.git /src"),
      d("--checksum", "Verifies a downloaded file (or Git commit) against a checksum, so a changed download fails the build.", "ADD --checksum=sha256:abc123… https://example.com/tool.tgz /opt/"),
      d("--unpack", "Whether a downloaded archive is unpacked (local archives always are).", "ADD --unpack=true https://example.com/app.tar.gz /srv/"),
      d("--exclude", "Leaves out paths matching a pattern.", "ADD --exclude=*.txt ./data /data"),
    ],
  },
  { ...d("CMD", "The default command of the container; any arguments to `docker run` replace it. With an ENTRYPOINT it gives the default arguments.", 'CMD ["node", "server.js"]'), flags: [] },
  { ...d("ENTRYPOINT", "The program the container always runs; `docker run` arguments are appended to it. Use the exec form so signals reach the program.", 'ENTRYPOINT ["/app/server"]'), flags: [] },
  { ...d("ENV", "Sets environment variables for the later steps of the stage and for the running container.", "ENV NODE_ENV=production"), flags: [] },
  { ...d("ARG", "Declares a build argument (`--build-arg`), with an optional default. Before the first FROM it is visible to FROM lines only; inside a stage, to the steps after it. Not kept in the image.", "ARG NODE_VERSION=22"), flags: [] },
  { ...d("WORKDIR", "Sets the working directory for the later steps and the container, creating it when missing.", "WORKDIR /app"), flags: [] },
  { ...d("USER", "Sets the user (and group) the later steps and the container run as.", "USER 10001:10001"), flags: [] },
  { ...d("EXPOSE", "Documents the ports the container listens on. It publishes nothing: that is `docker run -p`.", "EXPOSE 8080/tcp"), flags: [] },
  { ...d("LABEL", "Adds key-value metadata to the image.", 'LABEL org.opencontainers.image.source="https://github.com/org/repo"'), flags: [] },
  { ...d("VOLUME", "Marks paths as volumes: data there outlives the container, and build-time changes after this line are discarded.", "VOLUME /data"), flags: [] },
  {
    ...d("HEALTHCHECK", "How the engine checks the container still works (`NONE` turns off an inherited check).", 'HEALTHCHECK CMD ["/app/server", "-healthcheck"]'),
    flags: [
      d("--interval", "Time between two checks (default 30s).", "HEALTHCHECK --interval=30s CMD curl -f http://localhost/"),
      d("--timeout", "How long one check may take before it counts as failed (default 30s).", "HEALTHCHECK --timeout=3s CMD curl -f http://localhost/"),
      d("--start-period", "Grace time after start during which failures do not count (default 0s).", "HEALTHCHECK --start-period=20s CMD curl -f http://localhost/"),
      d("--start-interval", "Time between checks during the start period.", "HEALTHCHECK --start-interval=2s CMD curl -f http://localhost/"),
      d("--retries", "Failures in a row before the container is unhealthy (default 3).", "HEALTHCHECK --retries=5 CMD curl -f http://localhost/"),
    ],
  },
  { ...d("SHELL", "Changes the shell that shell-form RUN, CMD and ENTRYPOINT use.", 'SHELL ["/bin/bash", "-euo", "pipefail", "-c"]'), flags: [] },
  { ...d("STOPSIGNAL", "The signal that stops the container (default SIGTERM).", "STOPSIGNAL SIGQUIT"), flags: [] },
  { ...d("ONBUILD", "Registers an instruction that runs later, in any stage built FROM this image.", "ONBUILD COPY . /app/src"), flags: [] },
  { ...d("MAINTAINER", "Deprecated: names the author. Use `LABEL org.opencontainers.image.authors=…`.", 'LABEL org.opencontainers.image.authors="me@example.com"'), flags: [] },
];

/** The `--mount` types and their options. */
export const mountDocs: readonly (DocEntry & { readonly options: readonly DocEntry[] })[] = [
  {
    ...d("type=cache", "A cache directory kept between builds (package stores, compiler caches); never part of the image.", "RUN --mount=type=cache,target=/root/.cache/go-build go build ./..."),
    options: [
      d("target", "Where the cache appears in the command's file system (required).", "target=/root/.npm"),
      d("id", "Names the cache, so several steps or stages share one.", "id=pnpm"),
      d("sharing", "`shared` (default), `private` or `locked`: how concurrent builds use one cache.", "sharing=locked"),
      d("from", "A stage or image whose files seed the cache.", "from=base"),
      d("source", "The path inside `from` to seed from.", "source=/cache"),
      d("mode", "File mode of a new cache directory (default 0755).", "mode=0777"),
      d("uid", "Owner user id of a new cache directory.", "uid=1000"),
      d("gid", "Owner group id of a new cache directory.", "gid=1000"),
      d("readonly", "Mounts the cache read-only (`ro` also works).", "readonly"),
    ],
  },
  {
    ...d("type=bind", "Mounts files of the build context, or of a stage or image, without copying them into a layer (the default type).", "RUN --mount=type=bind,target=. go build -o /out/app"),
    options: [
      d("target", "Where the files appear (required).", "target=/src"),
      d("source", "The path inside the context or `from` (default: its root).", "source=go.sum"),
      d("from", "A stage or image to mount instead of the build context.", "from=builder"),
      d("rw", "Allows writes; they are thrown away after the command (`readwrite` also works).", "rw"),
    ],
  },
  {
    ...d("type=secret", "Makes a secret readable for this command only; it never lands in a layer or the history.", "RUN --mount=type=secret,id=npmrc,target=/root/.npmrc npm ci"),
    options: [
      d("id", "The secret's id, as given to `docker build --secret id=…`.", "id=npmrc"),
      d("target", "The file path it appears at (default /run/secrets/<id>).", "target=/root/.npmrc"),
      d("env", "Exposes the secret as an environment variable instead of a file.", "env=GITHUB_TOKEN"),
      d("required", "Fails the build when the secret is not given.", "required=true"),
      d("mode", "File mode of the secret file (default 0400).", "mode=0440"),
      d("uid", "Owner user id of the secret file.", "uid=1000"),
      d("gid", "Owner group id of the secret file.", "gid=1000"),
    ],
  },
  {
    ...d("type=ssh", "Forwards the SSH agent (or keys) for this command, e.g. to clone private repositories.", "RUN --mount=type=ssh git clone git@github.com:org/private.git"),
    options: [
      d("id", "Which `--ssh` of `docker build` to forward (default `default`).", "id=github"),
      d("target", "The socket path (default /run/buildkit/ssh_agent.${N}).", "target=/run/ssh.sock"),
      d("required", "Fails the build when no agent is given.", "required=true"),
      d("mode", "File mode of the socket (default 0600).", "mode=0666"),
      d("uid", "Owner user id of the socket.", "uid=1000"),
      d("gid", "Owner group id of the socket.", "gid=1000"),
    ],
  },
  {
    ...d("type=tmpfs", "An empty in-memory directory for this command.", "RUN --mount=type=tmpfs,target=/tmp make"),
    options: [d("target", "Where it appears (required).", "target=/tmp"), d("size", "Its size limit in bytes.", "size=64000000")],
  },
];

const byName = new Map(instructionDocs.map((doc) => [doc.name, doc]));

/** The doc of an instruction keyword, any case; null when there is none. */
export function findInstructionDoc(keyword: string): InstructionDoc | null {
  return byName.get(keyword.toUpperCase()) ?? null;
}

/** The doc of a flag of an instruction (`flag` with or without dashes); null when unknown. */
export function findFlagDoc(keyword: string, flag: string): DocEntry | null {
  const name = `--${flag.replace(/^-+/, "").split("=")[0]?.toLowerCase() ?? ""}`;
  return findInstructionDoc(keyword)?.flags.find((f) => f.name === name) ?? null;
}

/** The doc of a `--mount` field: the type (`type=cache`) or an option of that type; null when unknown. */
export function findMountDoc(type: string, key: string | null): DocEntry | null {
  const mount = mountDocs.find((m) => m.name === `type=${type.toLowerCase()}`);
  if (mount === undefined) return null;
  if (key === null || key === "type") return mount;
  const wanted = key.toLowerCase() === "ro" ? "readonly" : key.toLowerCase() === "readwrite" ? "rw" : key.toLowerCase();
  return mount.options.find((o) => o.name === wanted) ?? null;
}

/** A doc as Markdown: the name in bold, the summary, the example in a code block. */
export function formatDoc(doc: DocEntry): string {
  return `**${doc.name}**\n\n${doc.summary}\n\n\`\`\`dockerfile\n${doc.example}\n\`\`\``;
}
