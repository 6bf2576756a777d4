/**
 * The typed model of a Dockerfile: BuildKit's second floor (`instructions/`), between the
 * lossless syntax tree and the stage graph.
 *
 * Everything here is a pure function of the text: nothing depends on build arguments or a
 * target. Every typed part keeps the source range it came from, so an edit can replace exactly
 * one token.
 */
import type {
  Diagnostic,
  DockerfileTree,
  FlagNode,
  HeredocNode,
  InstructionNode,
  TextRange,
} from "../syntax/types.ts";

/** A value and the source text it was read from. */
export interface TextPart {
  /** The value as BuildKit's parser reports it (for shell words: quotes kept, not yet expanded). */
  readonly value: string;
  readonly range: TextRange;
}

/** A `--name=value` flag BuildKit accepted. */
export interface StringFlag {
  readonly value: string;
  readonly node: FlagNode;
}

/** A boolean flag (`--link`, `--link=false`). */
export interface BoolFlag {
  readonly value: boolean;
  readonly node: FlagNode;
}

/**
 * When a model error stops a BuildKit build:
 * - `parse`: while BuildKit turns the file into instructions, so every build fails;
 * - `build`: only when the stage holding the instruction is built (BuildKit checks it while
 *   dispatching), so an unreachable stage does not fail the build;
 * - `onbuild`: inside an ONBUILD trigger, only when a stage built `FROM` this one runs it.
 */
export type FailureTime = "parse" | "build" | "onbuild";

/** A model diagnostic, with the index of the stage it belongs to (null before the first FROM). */
export interface ModelDiagnostic extends Diagnostic {
  readonly stage: number | null;
  /** Set on errors only; see `FailureTime`. */
  readonly when: FailureTime | null;
}

interface InstructionBase {
  readonly node: InstructionNode;
  /** 1-based line of the keyword. */
  readonly line: number;
}

export interface FromInstruction extends InstructionBase {
  readonly kind: "from";
  /** The base as written (`node:${V}-slim`), null when FROM has no argument. */
  readonly image: TextPart | null;
  /** The `AS` word, when there are three arguments and the second is `AS` in any case. */
  readonly asKeyword: TextPart | null;
  /** The stage name as written, e.g. `Builder`. */
  readonly alias: TextPart | null;
  /** The stage name lowercased as BuildKit stores it; null when unnamed or invalid. */
  readonly stageName: string | null;
  readonly platform: StringFlag | null;
}

export interface CopyInstruction extends InstructionBase {
  readonly kind: "copy";
  /** Source paths (heredoc markers excluded). */
  readonly sources: readonly TextPart[];
  /** Heredocs used as inline sources (`COPY <<EOF /dest`). */
  readonly inlineSources: readonly HeredocNode[];
  readonly dest: TextPart | null;
  readonly from: StringFlag | null;
  readonly chown: StringFlag | null;
  readonly chmod: StringFlag | null;
  readonly link: BoolFlag | null;
  readonly parents: BoolFlag | null;
  readonly exclude: readonly StringFlag[];
}

export interface AddInstruction extends InstructionBase {
  readonly kind: "add";
  readonly sources: readonly TextPart[];
  readonly inlineSources: readonly HeredocNode[];
  readonly dest: TextPart | null;
  readonly chown: StringFlag | null;
  readonly chmod: StringFlag | null;
  readonly link: BoolFlag | null;
  readonly keepGitDir: BoolFlag | null;
  readonly checksum: StringFlag | null;
  readonly unpack: BoolFlag | null;
  readonly exclude: readonly StringFlag[];
}

/** The command of RUN, CMD, ENTRYPOINT, SHELL or HEALTHCHECK CMD. */
export type CommandLine =
  | { readonly form: "shell"; readonly text: TextPart }
  | { readonly form: "exec"; readonly args: readonly TextPart[] }
  | { readonly form: "none" };

export type MountKind = "bind" | "cache" | "tmpfs" | "secret" | "ssh";

/** One `key=value` (or bare `key`) field of a `--mount` value. */
export interface MountOption {
  /** Lower-cased key (BuildKit's keys are case-insensitive). */
  readonly key: string;
  /** The value after CSV unquoting, not yet expanded; null for a bare key (`ro`). */
  readonly value: string | null;
  /** The whole field in the source (the flag's value range when it cannot be mapped exactly). */
  readonly range: TextRange;
  readonly valueRange: TextRange | null;
}

interface MountBase {
  readonly flag: FlagNode;
  /** Every field, in order, as written. */
  readonly options: readonly MountOption[];
  readonly target: MountOption | null;
}

export interface BindMount extends MountBase {
  readonly kind: "bind";
  readonly source: MountOption | null;
  readonly from: MountOption | null;
  readonly readOnly: boolean;
}

export interface CacheMount extends MountBase {
  readonly kind: "cache";
  readonly id: MountOption | null;
  readonly source: MountOption | null;
  readonly from: MountOption | null;
  readonly sharing: "shared" | "private" | "locked";
  readonly readOnly: boolean;
  readonly mode: MountOption | null;
  readonly uid: MountOption | null;
  readonly gid: MountOption | null;
}

export interface TmpfsMount extends MountBase {
  readonly kind: "tmpfs";
  readonly size: MountOption | null;
}

export interface SecretMount extends MountBase {
  readonly kind: "secret";
  readonly id: MountOption | null;
  readonly source: MountOption | null;
  readonly env: MountOption | null;
  readonly required: boolean;
  readonly mode: MountOption | null;
  readonly uid: MountOption | null;
  readonly gid: MountOption | null;
}

export interface SshMount extends MountBase {
  readonly kind: "ssh";
  readonly id: MountOption | null;
  readonly required: boolean;
  readonly mode: MountOption | null;
  readonly uid: MountOption | null;
  readonly gid: MountOption | null;
}

/** A mount whose type is a variable or unsupported: only its raw fields are known. */
export interface OtherMount extends MountBase {
  readonly kind: "other";
  readonly type: string;
  readonly from: MountOption | null;
}

export type RunMount = BindMount | CacheMount | TmpfsMount | SecretMount | SshMount | OtherMount;

export interface RunInstruction extends InstructionBase {
  readonly kind: "run";
  readonly command: CommandLine;
  readonly heredocs: readonly HeredocNode[];
  readonly mounts: readonly RunMount[];
  readonly network: StringFlag | null;
  readonly security: StringFlag | null;
  readonly devices: readonly StringFlag[];
}

export interface CommandInstruction extends InstructionBase {
  readonly kind: "cmd" | "entrypoint" | "shell";
  readonly command: CommandLine;
}

export interface HealthcheckInstruction extends InstructionBase {
  readonly kind: "healthcheck";
  /** `CMD`, `NONE` (any case) or whatever was written first. */
  readonly type: TextPart | null;
  readonly command: CommandLine;
  readonly interval: StringFlag | null;
  readonly timeout: StringFlag | null;
  readonly startPeriod: StringFlag | null;
  readonly startInterval: StringFlag | null;
  readonly retries: StringFlag | null;
}

/** One ENV or LABEL pair. */
export interface KeyValuePair {
  readonly key: TextPart;
  /** Raw value, quotes kept (expansion and quote removal happen at build time). */
  readonly value: TextPart;
  /** `=`, or an empty part in the legacy `ENV key value` form. */
  readonly separator: TextPart;
  readonly legacy: boolean;
}

export interface KeyValueInstruction extends InstructionBase {
  readonly kind: "env" | "label";
  readonly pairs: readonly KeyValuePair[];
}

/** One name declared by ARG. */
export interface ArgDeclaration {
  readonly name: TextPart;
  /** The raw default after `=`, or null for `ARG NAME`. */
  readonly defaultValue: TextPart | null;
  /** The whole word `NAME=default`. */
  readonly range: TextRange;
}

export interface ArgInstruction extends InstructionBase {
  readonly kind: "arg";
  readonly declarations: readonly ArgDeclaration[];
}

export interface ListInstruction extends InstructionBase {
  readonly kind: "expose" | "volume";
  readonly items: readonly TextPart[];
}

export interface ValueInstruction extends InstructionBase {
  readonly kind: "user" | "workdir" | "stopsignal" | "maintainer";
  readonly value: TextPart | null;
}

export interface OnbuildInstruction extends InstructionBase {
  readonly kind: "onbuild";
  /** The typed trigger; null when ONBUILD has nothing after it. */
  readonly trigger: TypedInstruction | null;
}

export interface UnknownInstruction extends InstructionBase {
  readonly kind: "unknown";
}

export type TypedInstruction =
  | FromInstruction
  | CopyInstruction
  | AddInstruction
  | RunInstruction
  | CommandInstruction
  | HealthcheckInstruction
  | KeyValueInstruction
  | ArgInstruction
  | ListInstruction
  | ValueInstruction
  | OnbuildInstruction
  | UnknownInstruction;

/** A build stage: one FROM and the instructions up to the next FROM. */
export interface Stage {
  /** 0-based, in file order, as `COPY --from=<index>` counts. */
  readonly index: number;
  /** Lowercased name, or null when unnamed (BuildKit then calls it `stage-<index>`). */
  readonly name: string | null;
  readonly from: FromInstruction;
  /** The instructions after FROM, in order. */
  readonly instructions: readonly TypedInstruction[];
  /** From the comment block directly above FROM (or FROM's line) to the end of the last instruction. */
  readonly range: TextRange;
  /** 1-based line of the FROM keyword. */
  readonly line: number;
  /** The comment lines directly above FROM (BuildKit's stage description source). */
  readonly comments: readonly string[];
}

export interface DockerfileModel {
  readonly tree: DockerfileTree;
  /** ARG instructions before the first FROM: the only ARGs FROM lines can see. */
  readonly globalArgs: readonly ArgInstruction[];
  readonly stages: readonly Stage[];
  /** Every instruction, typed, in file order. */
  readonly instructions: readonly TypedInstruction[];
  /** Parser diagnostics (including the fatal one) and the model's own, in source order. */
  readonly diagnostics: readonly ModelDiagnostic[];
}
