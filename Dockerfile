# syntax=docker/dockerfile:1

# Stagecraft itself, served as a static site: base → builder → final.
# Node builds the page; an unprivileged nginx serves the files it
# produced. Node, node_modules and the sources never reach the final
# image. (This file is also the gallery's "Static site on nginx".)

# pinned: bump deliberately.
ARG NODE_VERSION=22.12.0
ARG NGINX_VERSION=1.27.3

# ── base ─────────────────────────────────────────────────────────
# The Node toolchain and a workdir.
FROM node:${NODE_VERSION}-bookworm-slim AS base
WORKDIR /site

# ── builder ──────────────────────────────────────────────────────
# The manifests first, alone: npm ci comes from the layer cache until
# a dependency changes. NODE_ENV stays unset here, because the build
# tools are devDependencies and npm ci would skip them in production.
FROM base AS builder
COPY package.json package-lock.json ./
# The cache mount keeps npm's download cache out of the layers.
RUN --mount=type=cache,target=/root/.npm \
    npm ci --no-audit --no-fund
COPY . .
RUN npm run build

# ── final ────────────────────────────────────────────────────────
# No pruner: the build's output is plain files, nothing to prune.
# nginx-unprivileged listens on 8080 and keeps its pid and temp files
# in /tmp, so no part of it needs root. The files stay owned by root
# and world-readable: nginx serves them but cannot change them.
FROM nginxinc/nginx-unprivileged:${NGINX_VERSION}-alpine AS final
# The site's server block: SPA fallback and cache headers, port 8080.
COPY nginx.conf /etc/nginx/conf.d/default.conf
COPY --from=builder /site/dist /usr/share/nginx/html
# The image's own nginx user (uid 101), stated where readers look.
USER 101
EXPOSE 8080
# busybox wget ships with Alpine: no curl to install.
HEALTHCHECK --interval=30s --timeout=3s \
    CMD ["wget", "-q", "--spider", "http://127.0.0.1:8080/"]
CMD ["nginx", "-g", "daemon off;"]
