/**
 * Files that must and must not trigger each rule, as data: `rules.test.ts` runs them all, and
 * applies every quick fix they produce. `options` are lint options for the case.
 */
import type { LintOptions } from "./types.ts";

export interface RuleFixture {
  readonly rule: string;
  readonly must: readonly string[];
  readonly mustNot: readonly string[];
  readonly options?: LintOptions;
}

export const ruleFixtures: readonly RuleFixture[] = [
  { rule: "StageNameCasing", must: ["FROM alpine AS Build\nRUN true\nFROM Build\nCOPY --from=Build /a /b\n"], mustNot: ["FROM alpine AS build\n"] },
  { rule: "FromAsCasing", must: ["FROM alpine as build\n", "from alpine AS build\n"], mustNot: ["FROM alpine AS build\n", "from alpine as build\n"] },
  { rule: "NoEmptyContinuation", must: ["FROM alpine\nRUN echo a \\\n\n  b\n"], mustNot: ["FROM alpine\nRUN echo a \\\n  b\n"] },
  { rule: "ConsistentInstructionCasing", must: ["FROM alpine\nrun true\nRUN true\n"], mustNot: ["from alpine\nrun true\n"] },
  { rule: "DuplicateStageName", must: ["FROM alpine AS a\nFROM alpine AS a\n"], mustNot: ["FROM alpine AS a\nFROM alpine AS b\n"] },
  { rule: "ReservedStageName", must: ["FROM alpine AS context\n"], mustNot: ["FROM alpine AS ctx\n"] },
  { rule: "JSONArgsRecommended", must: ["FROM alpine\nCMD node server.js\n"], mustNot: ['FROM alpine\nCMD ["node", "server.js"]\n', 'FROM alpine\nSHELL ["/bin/ash", "-c"]\nCMD node server.js\n'] },
  { rule: "MaintainerDeprecated", must: ["FROM alpine\nMAINTAINER me@example.org\n"], mustNot: ['FROM alpine\nLABEL org.opencontainers.image.authors="me@example.org"\n'] },
  { rule: "UndefinedArgInFrom", must: ["FROM alpine:$TAG\n"], mustNot: ["ARG TAG=3\nFROM alpine:$TAG\n"] },
  { rule: "WorkdirRelativePath", must: ["FROM alpine\nWORKDIR app\n"], mustNot: ["FROM alpine\nWORKDIR /app\nWORKDIR sub\n"] },
  { rule: "UndefinedVar", must: ["FROM alpine\nCOPY $SRC /app\n"], mustNot: ["FROM alpine\nARG SRC=.\nCOPY $SRC /app\n"] },
  { rule: "MultipleInstructionsDisallowed", must: ['FROM alpine\nCMD ["a"]\nCMD ["b"]\n'], mustNot: ['FROM alpine AS a\nCMD ["a"]\nFROM a\nCMD ["b"]\n'] },
  { rule: "LegacyKeyValueFormat", must: ["FROM alpine\nENV MODE production\n", "FROM alpine\nLABEL maintainer me and you\n"], mustNot: ["FROM alpine\nENV MODE=production\n"] },
  { rule: "RedundantTargetPlatform", must: ["FROM --platform=$TARGETPLATFORM alpine\n"], mustNot: ["FROM --platform=$BUILDPLATFORM alpine\n"] },
  { rule: "SecretsUsedInArgOrEnv", must: ["FROM alpine\nARG NPM_TOKEN\nRUN echo $NPM_TOKEN > .npmrc\n"], mustNot: ["FROM alpine\nARG PUBLIC_KEY\n"] },
  { rule: "InvalidDefaultArgInFrom", must: ["ARG IMAGE\nFROM $IMAGE\n"], mustNot: ["ARG IMAGE=alpine\nFROM $IMAGE\n"] },
  { rule: "FromPlatformFlagConstDisallowed", must: ["FROM --platform=linux/amd64 alpine\n"], mustNot: ["FROM --platform=linux/amd64 alpine AS build-amd64\n"] },
  { rule: "CopyIgnoredFile", must: ["FROM alpine\nCOPY secret.txt /\n"], mustNot: ["FROM alpine\nCOPY app.txt /\n"], options: { dockerignore: "secret.txt\n" } },
  { rule: "ExposeProtoCasing", must: ["FROM alpine\nEXPOSE 53/UDP\n"], mustNot: ["FROM alpine\nEXPOSE 53/udp\n"] },
  { rule: "ExposeInvalidFormat", must: ["FROM alpine\nEXPOSE 8080:80\n"], mustNot: ["FROM alpine\nEXPOSE 80\n"] },
  { rule: "DL3000", must: ["FROM alpine\nWORKDIR app\n"], mustNot: ["FROM alpine\nWORKDIR /app\n", "FROM alpine\nWORKDIR $HOME\n"] },
  {
    rule: "DL3002",
    must: ["FROM alpine\nUSER root\n", "FROM alpine AS base\nUSER root\nFROM base\nRUN true\n"],
    // A builder stage that ends as root never runs as a container: hadolint flags it, BuildKit never runs it.
    mustNot: ["FROM alpine AS build\nUSER root\nRUN make\nFROM alpine\nCOPY --from=build /out /out\nUSER app\n"],
  },
  { rule: "DL3003", must: ["FROM alpine\nRUN cd /src && make\n"], mustNot: ["FROM alpine\nWORKDIR /src\nRUN make\n"] },
  { rule: "DL3004", must: ["FROM debian\nRUN sudo apt-get update\n"], mustNot: ["FROM debian\nRUN apt-get update\n"] },
  { rule: "DL3006", must: ["FROM alpine\n"], mustNot: ["FROM alpine:3.20\n", "FROM scratch\n", "FROM alpine:3 AS base\nFROM base\n", "ARG IMG=alpine\nFROM $IMG\n"] },
  { rule: "DL3007", must: ["FROM alpine:latest\n"], mustNot: ["FROM alpine:3.20\n", "FROM alpine:latest@sha256:0000000000000000000000000000000000000000000000000000000000000000\n"] },
  { rule: "DL3008", must: ["FROM debian:12\nRUN apt-get install -y curl\n"], mustNot: ["FROM debian:12\nRUN apt-get install -y curl=7.88.1-10\n"] },
  {
    rule: "DL3009",
    must: ["FROM debian:12\nRUN apt-get update && apt-get install -y curl\n"],
    mustNot: [
      "FROM debian:12\nRUN apt-get update && apt-get install -y curl && rm -rf /var/lib/apt/lists/*\n",
      // In a builder stage the lists never reach the image.
      "FROM debian:12 AS build\nRUN apt-get update && apt-get install -y gcc\nFROM debian:12\nCOPY --from=build /out /out\n",
    ],
  },
  { rule: "DL3015", must: ["FROM debian:12\nRUN apt-get install -y curl\n"], mustNot: ["FROM debian:12\nRUN apt-get install -y --no-install-recommends curl\n"] },
  { rule: "DL3019", must: ["FROM alpine:3\nRUN apk add curl\n"], mustNot: ["FROM alpine:3\nRUN apk add --no-cache curl\n", "FROM alpine:3\nRUN --mount=type=cache,target=/var/cache/apk apk add curl\n"] },
  { rule: "DL3020", must: ["FROM alpine:3\nADD app.py /app/\n"], mustNot: ["FROM alpine:3\nADD https://example.org/a.tgz /tmp/\n", "FROM alpine:3\nADD rootfs.tar.gz /\n"] },
  { rule: "DL3022", must: ["FROM alpine:3\nCOPY --from=bulid /out /out\n"], mustNot: ["FROM alpine:3 AS Build\nFROM alpine:3\nCOPY --from=build /out /out\n", "FROM alpine:3\nCOPY --from=nginx:1.27 /etc/nginx /etc/nginx\n"] },
  { rule: "DL3023", must: ["FROM alpine:3 AS app\nCOPY --from=app /a /b\n"], mustNot: ["FROM alpine:3 AS build\nFROM alpine:3 AS app\nCOPY --from=build /a /b\n"] },
  { rule: "DL3024", must: ["FROM alpine:3 AS app\nFROM alpine:3 AS App\n"], mustNot: ["FROM alpine:3 AS app\nFROM alpine:3 AS web\n"] },
  {
    rule: "DL3025",
    must: ["FROM alpine:3\nENTRYPOINT /app/run\n"],
    mustNot: ['FROM alpine:3\nENTRYPOINT ["/app/run"]\n', "FROM alpine:3 AS test\nCMD make test\nFROM alpine:3\nCOPY --from=test /a /a\n"],
  },
  { rule: "DL3027", must: ["FROM debian:12\nRUN apt install -y curl\n"], mustNot: ["FROM debian:12\nRUN apt-get install -y curl\n"] },
  {
    rule: "DL3042",
    must: ["FROM python:3.12\nRUN pip install flask\n"],
    mustNot: [
      "FROM python:3.12\nRUN pip install --no-cache-dir flask\n",
      "FROM python:3.12\nRUN --mount=type=cache,target=/root/.cache/pip pip install flask\n",
      "FROM python:3.12 AS build\nRUN pip install build\nFROM python:3.12\nCOPY --from=build /w /w\n",
    ],
  },
  { rule: "DL3045", must: ["FROM alpine:3\nCOPY app.py app/\n"], mustNot: ["FROM alpine:3\nWORKDIR /srv\nCOPY app.py app/\n", "FROM alpine:3 AS base\nWORKDIR /srv\nFROM base\nCOPY app.py app/\n"] },
  { rule: "DL3059", must: ["FROM alpine:3\nRUN a\nRUN b\n"], mustNot: ["FROM alpine:3\nRUN a\nCOPY x /x\nRUN b\n", "FROM alpine:3\nRUN a\nRUN --mount=type=cache,target=/c b\n"] },
  { rule: "DL4006", must: ["FROM debian:12\nRUN curl -s https://example.org | sh\n"], mustNot: ['FROM debian:12\nSHELL ["/bin/bash", "-o", "pipefail", "-c"]\nRUN curl -s https://example.org | sh\n', "FROM debian:12\nRUN set -o pipefail && curl -s x | sh\n"] },
  {
    rule: "DependenciesAfterSources",
    must: ["FROM node:22\nWORKDIR /app\nCOPY . .\nRUN npm ci\n"],
    mustNot: ["FROM node:22\nWORKDIR /app\nCOPY package.json package-lock.json ./\nRUN npm ci\nCOPY . .\nRUN npm run build\n", "FROM golang:1.23\nWORKDIR /src\nCOPY . .\nRUN go build -o /out/app\n"],
  },
  {
    rule: "DevDependenciesInFinal",
    must: ["FROM node:22\nWORKDIR /app\nCOPY package.json package-lock.json ./\nRUN npm ci\n", "FROM node:22 AS build\nWORKDIR /app\nRUN npm ci\nFROM node:22-slim\nCOPY --from=build /app/node_modules /app/node_modules\n"],
    mustNot: [
      "FROM node:22\nWORKDIR /app\nRUN npm ci --omit=dev\n",
      "FROM node:22 AS build\nWORKDIR /app\nRUN npm ci && npm run build && npm prune --omit=dev\nFROM node:22-slim\nCOPY --from=build /app/node_modules /app/node_modules\n",
    ],
  },
  {
    rule: "FinalStageRunsAsRoot",
    must: ["FROM debian:12\nRUN true\n", "FROM alpine:3\nCMD [\"sh\"]\n", "FROM node:22\nCMD [\"node\"]\n", "FROM gcr.io/distroless/static-debian12\nCOPY app /app\n"],
    mustNot: ["FROM debian:12\nUSER 1000\n", "FROM gcr.io/distroless/static-debian12:nonroot\nCOPY app /app\n", "FROM alpine:3 AS base\nUSER app\nFROM base\n"],
  },
  {
    rule: "FinalCopiesBuildTree",
    must: ["FROM golang:1.23 AS build\nRUN go build -o /out/app\nFROM debian:12\nCOPY --from=build / /\n", "FROM golang:1.23 AS build\nFROM debian:12\nCOPY --from=build /usr/local/go /usr/local/go\n"],
    mustNot: ["FROM golang:1.23 AS build\nRUN go build -o /out/app\nFROM debian:12\nCOPY --from=build /out/app /app\n"],
  },
  {
    rule: "SecretInBuildArgOrEnv",
    must: ["FROM node:22\nARG NPM_TOKEN\nRUN echo $NPM_TOKEN > .npmrc && npm ci\n", "FROM alpine:3\nENV API_TOKEN=abc\n"],
    mustNot: ["FROM node:22\nRUN --mount=type=secret,id=npm-token,env=NPM_TOKEN npm ci\n", "FROM alpine:3 AS build\nENV API_TOKEN=abc\nFROM alpine:3\nCOPY --from=build /a /a\n"],
  },
  {
    rule: "InstallWithoutCacheMount",
    must: ["FROM node:22\nRUN npm ci\n", "FROM python:3.12\nRUN pip install flask\n"],
    mustNot: ["FROM node:22\nRUN --mount=type=cache,target=/root/.npm npm ci\n"],
  },
  { rule: "UnusedStage", must: ["FROM alpine:3 AS old\nFROM alpine:3\n"], mustNot: ["FROM alpine:3 AS base\nFROM base\n", "FROM alpine:3 AS build\nFROM alpine:3\nCOPY --from=build /a /a\n"] },
  {
    rule: "CopyContextWithoutIgnore",
    must: ["FROM alpine:3\nCOPY . .\n"],
    mustNot: ["FROM alpine:3\nCOPY src/ /src/\n"],
    options: { dockerignore: "*.log\n" },
  },
  { rule: "FinalFromWithoutDigest", must: ["FROM alpine:3.20\n"], mustNot: ["FROM alpine:3.20@sha256:0000000000000000000000000000000000000000000000000000000000000000\n", "FROM alpine:3.20 AS build\nFROM scratch\nCOPY --from=build /a /a\n"] },
];
