# syntax=docker/dockerfile:1

# A Rust service in four stages: base → planner → builder → final.
# Compiling the dependencies is the slow part of a Rust build, so it
# gets a layer of its own that source edits do not invalidate.

# pinned: bump deliberately. One Debian release for the toolchain and
# the runtime, so the binary finds the glibc it was linked against.
ARG RUST_VERSION=1.83.0
ARG DEBIAN_RELEASE=bookworm

# ── base ─────────────────────────────────────────────────────────
# The toolchain plus cargo-chef, which both following stages use.
FROM rust:${RUST_VERSION}-slim-${DEBIAN_RELEASE} AS base
RUN --mount=type=cache,target=/usr/local/cargo/registry \
    cargo install cargo-chef --locked --version 0.1.68
WORKDIR /app

# ── planner ──────────────────────────────────────────────────────
# Boils the workspace down to recipe.json: the manifests, lockfile and
# crate layout, no code. It changes only when dependencies change.
FROM base AS planner
COPY . .
RUN cargo chef prepare --recipe-path recipe.json

# ── builder ──────────────────────────────────────────────────────
# Cooking the recipe compiles every dependency; that layer stays cached
# until recipe.json changes. target/ is deliberately not a cache mount:
# the compiled dependencies must live in the layer, which CI's exported
# cache keeps and a cache mount would not. Downloads do go to mounts.
FROM base AS builder
COPY --from=planner /app/recipe.json recipe.json
RUN --mount=type=cache,target=/usr/local/cargo/registry \
    --mount=type=cache,target=/usr/local/cargo/git \
    cargo chef cook --release --locked --recipe-path recipe.json
# .dockerignore lists target/: the host's must not replace this one.
COPY . .
RUN --mount=type=cache,target=/usr/local/cargo/registry \
    --mount=type=cache,target=/usr/local/cargo/git \
    cargo build --release --locked --bin server \
 && cp target/release/server /usr/local/bin/server

# ── final ────────────────────────────────────────────────────────
# Debian slim, not the toolchain image: glibc, CA certificates
# for outgoing TLS, the binary, and an unprivileged user to run it.
FROM debian:${DEBIAN_RELEASE}-slim AS final
RUN apt-get update \
 && apt-get install -y --no-install-recommends ca-certificates \
 && rm -rf /var/lib/apt/lists/* \
 && groupadd --system --gid 10001 app \
 && useradd --system --uid 10001 --gid app --no-create-home \
      --shell /usr/sbin/nologin app
COPY --from=builder /usr/local/bin/server /usr/local/bin/server
USER 10001:10001
EXPOSE 8080
ENTRYPOINT ["/usr/local/bin/server"]
