# syntax=docker/dockerfile:1

# A Spring Boot service in four stages: base → builder → pruner → final.
# Maven and the full JDK do the build; the final image gets a JRE cut
# down by jlink to the modules the app uses, and the jar.

# pinned: bump deliberately. The JDK in the Maven image is also the
# one jlink copies the runtime from.
ARG MAVEN_VERSION=3.9.9
ARG JAVA_VERSION=21

# ── base ─────────────────────────────────────────────────────────
# Maven on Eclipse Temurin: the JDK that both builder and pruner use.
FROM maven:${MAVEN_VERSION}-eclipse-temurin-${JAVA_VERSION} AS base
WORKDIR /build

# ── builder ──────────────────────────────────────────────────────
# pom.xml first, alone: go-offline fills the repository cache, and that
# step is skipped until the POM changes, however often sources do.
FROM base AS builder
COPY pom.xml ./
RUN --mount=type=cache,target=/root/.m2 \
    mvn --batch-mode dependency:go-offline
COPY src ./src
# The tests run in CI before the image is built; pom.xml names the
# jar app.jar with <finalName>app</finalName>.
RUN --mount=type=cache,target=/root/.m2 \
    mvn --batch-mode -DskipTests package \
 && cp target/app.jar /build/app.jar

# ── pruner ───────────────────────────────────────────────────────
# jlink prunes the JDK to a runtime with only the modules below.
# `jdeps --print-module-deps` finds them for a plain jar; Spring Boot's
# nested jars hide them, so they are named by hand (java.desktop holds
# java.beans, which Spring needs).
FROM base AS pruner
RUN jlink \
      --add-modules java.base,java.logging,java.naming,java.net.http,java.sql \
      --add-modules java.desktop,java.instrument,java.management \
      --add-modules java.security.jgss,jdk.crypto.ec,jdk.unsupported \
      --strip-debug \
      --no-man-pages \
      --no-header-files \
      --compress=zip-6 \
      --output /opt/jre

# ── final ────────────────────────────────────────────────────────
# A plain Debian image: the runtime from pruner, the jar from builder,
# nothing else (Java brings its own CA store). Both stay owned by root,
# so the app cannot modify them.
FROM debian:bookworm-slim AS final
ENV JAVA_HOME=/opt/jre
ENV PATH=$JAVA_HOME/bin:$PATH
RUN groupadd --system --gid 10001 app \
 && useradd --system --uid 10001 --gid app --no-create-home \
      --shell /usr/sbin/nologin app
COPY --from=pruner /opt/jre /opt/jre
COPY --from=builder /build/app.jar /app/app.jar
WORKDIR /app
USER 10001:10001
EXPOSE 8080
# Size the heap from the container's memory limit, not the host's.
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "-jar", "/app/app.jar"]
