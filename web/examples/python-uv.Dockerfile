# syntax=docker/dockerfile:1

# A Python web service in four stages: base → builder → pruner → final.
# The virtual environment is the artifact: uv builds it once, the
# pruner strips it to production dependencies, and the final image
# receives it alone, without uv, a compiler or the sources.

# pinned: bump deliberately. The venv's python is a symlink into the
# base image, so builder and final must run the very same Python.
ARG PYTHON_VERSION=3.12.8
ARG UV_VERSION=0.5.11

# ── uv ───────────────────────────────────────────────────────────
# COPY --from cannot expand a build arg, so the pinned uv image gets
# a stage of its own that COPY can name.
FROM ghcr.io/astral-sh/uv:${UV_VERSION} AS uv

# ── base ─────────────────────────────────────────────────────────
# What every later stage shares, and no tools: final starts here too.
FROM python:${PYTHON_VERSION}-slim-bookworm AS base
ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1
WORKDIR /app

# ── builder ──────────────────────────────────────────────────────
# psycopg's C extension compiles against libpq: compiler and headers
# live here only. All dependency groups, dev included, so that
# `--target builder` doubles as the image CI runs the tests in.
FROM base AS builder
RUN apt-get update \
 && apt-get install -y --no-install-recommends build-essential libpq-dev \
 && rm -rf /var/lib/apt/lists/*
COPY --from=uv /uv /usr/local/bin/uv
# Byte-compile now for a faster start; copy out of the cache (a mount
# is another filesystem: no hard links); use the image's own Python.
ENV UV_COMPILE_BYTECODE=1 \
    UV_LINK_MODE=copy \
    UV_PYTHON_DOWNLOADS=never \
    UV_PROJECT_ENVIRONMENT=/app/.venv
# The lockfile first, alone: dependencies stay cached across edits.
COPY pyproject.toml uv.lock ./
RUN --mount=type=cache,target=/root/.cache/uv \
    uv sync --frozen --no-install-project
# .dockerignore lists .venv: the host's venv must not land on this one.
COPY . .
RUN --mount=type=cache,target=/root/.cache/uv \
    uv sync --frozen

# ── pruner ───────────────────────────────────────────────────────
# uv sync is exact: with --no-dev it uninstalls the dev dependencies
# the builder put in.
# --no-editable installs the app itself into the venv as a package,
# so the venv is the whole artifact.
FROM builder AS pruner
RUN --mount=type=cache,target=/root/.cache/uv \
    uv sync --frozen --no-dev --no-editable

# ── final ────────────────────────────────────────────────────────
# libpq5 is the runtime half of libpq-dev. The venv stays owned by
# root: the service can read its code but not rewrite it.
FROM base AS final
RUN apt-get update \
 && apt-get install -y --no-install-recommends libpq5 \
 && rm -rf /var/lib/apt/lists/* \
 && groupadd --system --gid 10001 app \
 && useradd --system --uid 10001 --gid app --no-create-home \
      --shell /usr/sbin/nologin app
COPY --from=pruner /app/.venv /app/.venv
ENV PATH=/app/.venv/bin:$PATH
# A numeric user lets Kubernetes verify runAsNonRoot.
USER 10001:10001
EXPOSE 8000
HEALTHCHECK --interval=30s --timeout=5s \
    CMD ["python", "-c", \
         "import urllib.request as u; u.urlopen('http://127.0.0.1:8000/healthz', timeout=3)"]
CMD ["gunicorn", "--bind", "0.0.0.0:8000", "--workers", "2", "myapp.wsgi:application"]
