/**
 * Synthetic multi-stage Dockerfiles of any size, built from the shapes real files use: a syntax
 * directive, global ARGs, `FROM … AS`, ARG, ENV with continuations, RUN with cache mounts and
 * continuations, `COPY --from`, heredocs (`<<EOF`, `<<-EOT`), LABEL, EXPOSE, exec-form CMD and comments.
 */

const bases = ["golang:${GO_VERSION}-alpine", "node:${NODE_VERSION}-bookworm-slim", "python:3.12-slim", "${BASE_IMAGE}"];

function formatStage(i: number, stageName: (n: number) => string): string {
  const name = stageName(i);
  const previous = i > 0 ? stageName(i - 1) : null;
  const port = 8000 + (i % 1000);
  const lines = [
    `# ${name}: builds service ${i} and hands its binary to the next stage`,
    `FROM --platform=$BUILDPLATFORM ${bases[i % bases.length] ?? "scratch"} AS ${name}`,
    "ARG TARGETOS TARGETARCH",
    `ARG SERVICE_VERSION=1.${i % 97}.${i % 13}`,
    "ENV CGO_ENABLED=0 \\",
    "    GOOS=${TARGETOS} \\",
    `    GOARCH=\${TARGETARCH} SERVICE_NAME="svc-${i}"`,
    `WORKDIR /src/svc-${i}`,
  ];
  if (previous !== null) lines.push(`COPY --from=${previous} --chown=app:app /out/ /usr/local/bin/`);
  lines.push(
    "RUN --mount=type=cache,target=/root/.cache/go-build \\",
    "    --mount=type=bind,source=go.mod,target=go.mod \\",
    "    apk add --no-cache git make ca-certificates && \\",
    `    go build -trimpath -ldflags "-s -w -X main.version=\${SERVICE_VERSION}" -o /out/svc-${i} ./cmd/svc-${i}`,
  );
  if (i % 2 === 0) {
    lines.push(`COPY <<EOF /etc/svc-${i}.conf`, `listen = "0.0.0.0:${port}"`, `name = "svc-${i}"`, "EOF");
  } else {
    lines.push("RUN <<-EOT", "\tset -eu", `\techo "stage ${i}" > /out/stage-${i}.txt`, "\tEOT");
  }
  lines.push(
    `LABEL org.opencontainers.image.title="svc-${i}" \\`,
    '      org.opencontainers.image.vendor="Example"',
    `EXPOSE ${port}/tcp`,
    `CMD ["/usr/local/bin/svc-${i}", "--port", "${port}"]`,
    "",
  );
  return lines.join("\n");
}

/** A Dockerfile with `stages` chained build stages (each copies from the one before) and a final stage. */
export function generateDockerfile(stages: number): string {
  const width = String(stages).length;
  const stageName = (n: number) => `svc-${String(n).padStart(width, "0")}`;
  const parts = [
    "# syntax=docker/dockerfile:1",
    "ARG GO_VERSION=1.22",
    "ARG NODE_VERSION=20",
    "ARG BASE_IMAGE=debian:bookworm-slim",
    "",
  ];
  for (let i = 0; i < stages - 1; i++) parts.push(formatStage(i, stageName));
  parts.push(
    "FROM ${BASE_IMAGE} AS final",
    stages > 1 ? `COPY --from=${stageName(stages - 2)} /out/ /usr/local/bin/` : "COPY . /app",
    'ENTRYPOINT ["/usr/local/bin/svc-0"]',
    "",
  );
  return parts.join("\n");
}
