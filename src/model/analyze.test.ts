import { describe, expect, it } from "vitest";
import { parseDockerfile } from "../syntax/parse.ts";
import { analyzeDockerfile } from "./analyze.ts";
import type { DockerfileModel, TextPart, TypedInstruction } from "./types.ts";

function analyze(text: string): DockerfileModel {
  return analyzeDockerfile(parseDockerfile(text));
}

function errors(model: DockerfileModel): [string, number, string][] {
  return model.diagnostics.map((d) => [d.code, d.line, d.message]);
}

function textOf(source: string, part: TextPart | null | undefined): string | undefined {
  return part === null || part === undefined ? undefined : source.slice(part.range.start, part.range.end);
}

/** The instruction types whose `kind` can be K (one interface may cover several kinds). */
type InstructionOf<K> = TypedInstruction extends infer T ? (T extends { kind: infer U } ? (K extends U ? T : never) : never) : never;

function instruction<K extends TypedInstruction["kind"]>(model: DockerfileModel, kind: K, nth = 0): InstructionOf<K> {
  const found = model.instructions.filter((i): i is InstructionOf<K> => i.kind === kind)[nth];
  if (found === undefined) throw new Error(`no ${kind} #${nth}`);
  return found;
}

describe("analyzeDockerfile: stages", () => {
  const text = "# syntax=docker/dockerfile:1\nARG V=1\n\n# builds the app\n# with make\nFROM alpine:$V AS Build\nRUN make\n\n# not attached\n\nFROM scratch\nCOPY --from=build /app /app\n# trailing\n";
  const model = analyze(text);

  it("groups instructions into stages with lowercased names and keeps global ARGs apart", () => {
    expect(model.stages.map((s) => [s.index, s.name, s.line, s.instructions.map((i) => i.kind)])).toEqual([
      [0, "build", 6, ["run"]],
      [1, null, 11, ["copy"]],
    ]);
    expect(model.globalArgs.map((a) => a.declarations.map((d) => d.name.value))).toEqual([["V"]]);
  });

  it("starts a stage at the comment block directly above FROM and ends it at its last instruction", () => {
    const [first, second] = model.stages;
    expect(text.slice(first?.range.start, first?.range.end)).toBe("# builds the app\n# with make\nFROM alpine:$V AS Build\nRUN make\n");
    expect(text.slice(second?.range.start, second?.range.end)).toBe("FROM scratch\nCOPY --from=build /app /app\n");
    expect(first?.comments).toEqual(["builds the app", "with make"]);
  });

  it("is memoised per tree", () => {
    const tree = parseDockerfile(text);
    expect(analyzeDockerfile(tree)).toBe(analyzeDockerfile(tree));
  });
});

describe("analyzeDockerfile: typed instructions keep their ranges", () => {
  const text = [
    "FROM --platform=$BUILDPLATFORM golang:1.22 AS build",
    "COPY --from=deps --chown=1000:1000 --link --exclude=*.md --exclude=.git src/ ./pkg /dst/",
    'ADD --checksum=sha256:abc --keep-git-dir=true ["https://x/y.tgz", "/opt/y"]',
    "RUN --mount=type=cache,id=gomod,target=/go/pkg/mod,sharing=locked --mount=type=secret,id=tok,env=TOKEN --network=none go build ./...",
    'ENV A=1 B="two words"',
    "ENV LEGACY some value",
    'LABEL org.opencontainers.image.title="app"',
    "ARG NAME=default OTHER",
    "HEALTHCHECK --interval=30s --retries=3 CMD curl -f http://localhost/",
    "ONBUILD COPY --from=assets /a /b",
    "USER app",
    "EXPOSE 80/tcp 443",
    "",
  ].join("\n");
  const model = analyze(text);

  it("has no diagnostics for valid input", () => {
    expect(errors(model)).toEqual([]);
  });

  it("types FROM", () => {
    const from = instruction(model, "from");
    expect(textOf(text, from.image)).toBe("golang:1.22");
    expect(textOf(text, from.asKeyword)).toBe("AS");
    expect(textOf(text, from.alias)).toBe("build");
    expect(from.platform?.value).toBe("$BUILDPLATFORM");
  });

  it("types COPY and ADD with their flags", () => {
    const copy = instruction(model, "copy");
    expect(copy.sources.map((s) => textOf(text, s))).toEqual(["src/", "./pkg"]);
    expect(textOf(text, copy.dest)).toBe("/dst/");
    expect([copy.from?.value, copy.chown?.value, copy.link?.value]).toEqual(["deps", "1000:1000", true]);
    expect(copy.exclude.map((e) => e.value)).toEqual(["*.md", ".git"]);
    const add = instruction(model, "add");
    expect(add.sources.map((s) => s.value)).toEqual(["https://x/y.tgz"]);
    expect(add.dest?.value).toBe("/opt/y");
    expect([add.checksum?.value, add.keepGitDir?.value]).toEqual(["sha256:abc", true]);
  });

  it("types RUN mounts with option ranges", () => {
    const run = instruction(model, "run");
    const [cache, secret] = run.mounts;
    expect(cache?.kind).toBe("cache");
    if (cache?.kind !== "cache" || secret?.kind !== "secret") throw new Error("mount kinds");
    expect([cache.id?.value, cache.target?.value, cache.sharing, cache.readOnly]).toEqual(["gomod", "/go/pkg/mod", "locked", false]);
    expect(text.slice(cache.target?.valueRange?.start, cache.target?.valueRange?.end)).toBe("/go/pkg/mod");
    expect([secret.id?.value, secret.env?.value]).toEqual(["tok", "TOKEN"]);
    expect(run.network?.value).toBe("none");
    expect(run.command.form === "shell" && run.command.text.value).toBe("go build ./...");
  });

  it("types ENV, LABEL and ARG pairs in both forms", () => {
    const [env, legacy] = [instruction(model, "env", 0), instruction(model, "env", 1)];
    expect(env.pairs.map((p) => [p.key.value, p.value.value, p.legacy])).toEqual([
      ["A", "1", false],
      ["B", '"two words"', false],
    ]);
    expect(legacy.pairs.map((p) => [p.key.value, p.value.value, p.legacy])).toEqual([["LEGACY", "some value", true]]);
    expect(instruction(model, "label").pairs[0]?.key.value).toBe("org.opencontainers.image.title");
    const arg = instruction(model, "arg");
    expect(arg.declarations.map((d) => [textOf(text, d.name), d.defaultValue === null ? null : textOf(text, d.defaultValue)])).toEqual([
      ["NAME", "default"],
      ["OTHER", null],
    ]);
  });

  it("types HEALTHCHECK, ONBUILD and the simple ones", () => {
    const health = instruction(model, "healthcheck");
    expect([health.type?.value, health.interval?.value, health.retries?.value]).toEqual(["CMD", "30s", "3"]);
    const onbuild = instruction(model, "onbuild");
    expect(onbuild.trigger?.kind === "copy" && onbuild.trigger.from?.value).toBe("assets");
    expect(instruction(model, "user").value?.value).toBe("app");
    expect(instruction(model, "expose").items.map((i) => i.value)).toEqual(["80/tcp", "443"]);
  });
});

describe("analyzeDockerfile: what BuildKit rejects", () => {
  it.each([
    ["FROM a b\n", "InvalidArguments", "FROM requires either one or three arguments"],
    ["FROM a AS b c\n", "InvalidArguments", "FROM requires either one or three arguments"],
    ["FROM --platfrom=x a\n", "UnknownFlag", "unknown flag: --platfrom (did you mean platform?)"],
    ["FROM a\nCOPY --from=x --from=y a b\n", "DuplicateFlag", "duplicate flag specified: --from"],
    ["FROM a\nCOPY --link=maybe a b\n", "InvalidFlagValue", "expecting boolean value for flag --link, not: maybe"],
    ["FROM a\nCOPY --link= a b\n", "MissingFlagValue", "missing a value on flag: --link"],
    ["FROM a\nCOPY <<EOF <<X\nhi\nEOF\nyo\nX\n", "InvalidHeredoc", "COPY cannot accept a heredoc as a destination"],
    ["FROM a\nRUN --network=bridge x\n", "InvalidFlagValue", 'invalid network mode "bridge"'],
    ["FROM a\nRUN --security=sandboxed x\n", "InvalidFlagValue", 'security "sandboxed" is not valid'],
    ["FROM a\nENV\n", "InvalidArguments", "ENV requires at least one argument"],
    ["FROM a\nARG =x\n", "InvalidArguments", "ARG names can not be blank"],
    ["FROM a\nWORKDIR\n", "InvalidArguments", "WORKDIR requires exactly one argument"],
    ["FROM a\nSHELL /bin/bash -c\n", "InvalidArguments", "SHELL requires the arguments to be in JSON form"],
    ["FROM a\nHEALTHCHECK NONE x\n", "InvalidArguments", "HEALTHCHECK NONE takes no arguments"],
    ["FROM a\nHEALTHCHECK CMD\n", "InvalidArguments", "Missing command after HEALTHCHECK CMD"],
    ["FROM a\nHEALTHCHECK PING x\n", "InvalidArguments", 'Unknown type "PING" in HEALTHCHECK (try CMD)'],
    ["FROM a\nHEALTHCHECK --interval=10 CMD x\n", "InvalidFlagValue", 'time: missing unit in duration "10"'],
    ["FROM a\nHEALTHCHECK --timeout=5xs CMD x\n", "InvalidFlagValue", 'time: unknown unit "xs" in duration "5xs"'],
    ["FROM a\nHEALTHCHECK --start-period=10us CMD x\n", "InvalidFlagValue", 'Interval "start-period" cannot be less than 1ms'],
    ["FROM a\nHEALTHCHECK --retries=-1 CMD x\n", "InvalidFlagValue", "--retries cannot be negative (-1)"],
    ["FROM a\nONBUILD ONBUILD RUN x\n", "InvalidOnbuildTrigger", "Chaining ONBUILD via `ONBUILD ONBUILD` isn't allowed"],
    ["FROM a\nONBUILD FROM b\n", "InvalidOnbuildTrigger", "FROM isn't allowed as an ONBUILD trigger"],
    ["FROM a\nfntrypoint x\n", "UnknownInstruction", "unknown instruction: fntrypoint (did you mean entrypoint?)"],
    ["FROM a\nRUN --mount=type=tmpfs,target=/t,mode=0755 x\n", "InvalidMount", 'mode not allowed for "tmpfs" type mounts'],
    ["FROM a\nRUN --mount=type=secret x\n", "InvalidMount", "invalid secret mount. one of source, target required"],
    ["FROM a\nRUN --mount=type=cache,target=/c,sharing=shard x\n", "InvalidMount", 'unsupported sharing value "shard" (did you mean shared?)'],
    ["FROM a\nRUN --mount=type=bind,target=/c,size=1g x\n", "InvalidMount", "unexpected key 'size' for mount type 'bind'"],
    ["FROM a\nRUN --mount=type=cache,tagret=/c x\n", "InvalidMount", "unexpected key 'tagret' in 'tagret=/c' (did you mean target?)"],
    ["FROM a\nRUN --mount=type=bind,target=/c,nope x\n", "InvalidMount", "invalid field 'nope' must be a key=value pair"],
    ["FROM a\nRUN --mount=type=cache,target=/c,uid=x x\n", "InvalidMount", "invalid value x for uid"],
  ])("%j → %s", (text, code, message) => {
    const found = analyze(text).diagnostics.filter((d) => d.severity === "error");
    expect(found.map((d) => [d.code, d.message])).toContainEqual([code, message]);
  });

  it("does not read the flags of HEALTHCHECK NONE or STOPSIGNAL, as BuildKit does not", () => {
    expect(errors(analyze("FROM a\nHEALTHCHECK --bogus=1 NONE\nSTOPSIGNAL --x SIGTERM\n"))).toEqual([]);
  });

  it("tells when each error stops the build", () => {
    const model = analyze("FROM a\nRUN --mount=type=bogus x\nRUN --mount=from=$X x\nONBUILD RUN --mount=type=bogus x\n");
    expect(model.diagnostics.map((d) => [d.line, d.stage, d.when])).toEqual([
      [2, 0, "build"],
      [3, 0, "parse"],
      [4, 0, "onbuild"],
    ]);
  });

  it("reports instructions before the first FROM and files without stages", () => {
    expect(errors(analyze("RUN x\nFROM a\n"))).toEqual([["NoBuildStage", 1, "no build stage in current context"]]);
    expect(errors(analyze("ARG A\n"))).toEqual([["NoStages", 1, "dockerfile contains no stages to build"]]);
    expect(errors(analyze(""))).toEqual([["EmptyDockerfile", 1, "the Dockerfile cannot be empty"]]);
    expect(errors(analyze("# only a comment\n")).map((e) => e[0])).toEqual(["NoInstructions"]);
  });
});
