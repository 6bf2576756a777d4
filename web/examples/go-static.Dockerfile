# syntax=docker/dockerfile:1

# A Go service in three stages: base → builder → final.
# Go cross-compiles, so the toolchain always runs at native speed on
# the build machine, whatever platform the image is for. The result is
# one static binary in an image with no shell and no package manager.

# pinned: bump deliberately (and go.mod's go line with it).
ARG GO_VERSION=1.23.4

# ── base ─────────────────────────────────────────────────────────
# --platform=$BUILDPLATFORM: the toolchain runs on the build machine's
# own platform, never under QEMU. Stages built FROM base inherit it.
FROM --platform=$BUILDPLATFORM golang:${GO_VERSION}-bookworm AS base
WORKDIR /src
# go.mod and go.sum first: the module download is redone only when
# they change, not on every source edit.
COPY go.mod go.sum ./
RUN --mount=type=cache,target=/go/pkg/mod \
    go mod download

# ── builder ──────────────────────────────────────────────────────
# TARGETOS and TARGETARCH are set by BuildKit for each platform of
# `--platform linux/amd64,linux/arm64`; GOOS and GOARCH follow them.
# CGO_ENABLED=0 links no libc, so the binary runs on an empty image.
FROM base AS builder
ARG TARGETOS
ARG TARGETARCH
COPY . .
RUN --mount=type=cache,target=/go/pkg/mod \
    --mount=type=cache,target=/root/.cache/go-build \
    CGO_ENABLED=0 GOOS=$TARGETOS GOARCH=$TARGETARCH \
    go build -trimpath -ldflags="-s -w" -o /out/server ./cmd/server
# distroless has no shell to mkdir with: the one writable directory
# is made here and handed over below, owned by the runtime user.
RUN mkdir -p /out/data

# ── final ────────────────────────────────────────────────────────
# No pruner: a static binary has nothing left to prune. distroless
# static adds CA certificates, tzdata and a nonroot user to scratch.
FROM gcr.io/distroless/static-debian12:nonroot AS final
COPY --from=builder /out/server /server
COPY --from=builder --chown=65532:65532 /out/data /data
# 65532 is distroless's nonroot; numeric, so runAsNonRoot can check it.
USER 65532:65532
EXPOSE 8080
# No curl here: the binary answers its own health probe.
HEALTHCHECK --interval=30s --timeout=3s \
    CMD ["/server", "-healthcheck"]
ENTRYPOINT ["/server"]
CMD ["-addr", ":8080", "-data", "/data"]
