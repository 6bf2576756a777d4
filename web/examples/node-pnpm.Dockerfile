# syntax=docker/dockerfile:1

# A Node.js service in four stages: base → builder → pruner → final.
# Only the last stage ships. What the build needs and the app does not
# (a C++ toolchain, dev dependencies, the pnpm store, the sources)
# stays behind in the stages before it.

# One pinned tag, shared by the first and the last stage.
ARG NODE_VERSION=22.12.0

# ── base ─────────────────────────────────────────────────────────
# What the build stages share: Node, pnpm (via Corepack), a workdir.
FROM node:${NODE_VERSION}-bookworm-slim AS base
ENV PNPM_HOME=/pnpm
ENV PATH=$PNPM_HOME:$PATH
RUN corepack enable
WORKDIR /app

# ── builder ──────────────────────────────────────────────────────
# better-sqlite3 is a native addon: node-gyp compiles it with
# python3, make and g++.
FROM base AS builder
RUN apt-get update \
 && apt-get install -y --no-install-recommends python3 make g++ \
 && rm -rf /var/lib/apt/lists/*
# The manifests come first, alone: until a dependency changes, the
# install below comes from the layer cache, even when sources change.
COPY package.json pnpm-lock.yaml ./
# A cache mount keeps the pnpm store between builds, out of the layers.
RUN --mount=type=cache,id=pnpm,target=/pnpm/store \
    pnpm install --frozen-lockfile
COPY . .
RUN pnpm run build

# ── pruner ───────────────────────────────────────────────────────
# Drops the dev dependencies; the addon compiled above stays as it is.
FROM builder AS pruner
RUN --mount=type=cache,id=pnpm,target=/pnpm/store \
    pnpm prune --prod

# ── final ────────────────────────────────────────────────────────
# A fresh slim image with the artifacts only: no compiler, no pnpm,
# no sources. Files stay owned by root: the app cannot rewrite itself.
FROM node:${NODE_VERSION}-bookworm-slim AS final
ENV NODE_ENV=production
WORKDIR /app
COPY --from=pruner /app/node_modules ./node_modules
COPY --from=builder /app/dist ./dist
COPY --from=builder /app/package.json ./
USER node
EXPOSE 3000
CMD ["node", "dist/server.js"]
