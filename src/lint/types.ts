/**
 * Lint rules as values, and the findings they give. A rule reads the tree, the model and the
 * stage graph from its context; it never derives them again.
 */
import type { InstructionNode, Severity, TextEdit, TextRange } from "../syntax/types.ts";
import type { DockerfileModel, Stage, TypedInstruction } from "../model/types.ts";
import type { GlobalArgScope } from "../model/args.ts";
import type { StageGraph } from "../graph/types.ts";
import type { IgnoreMatcher } from "./dockerignore.ts";

export type RuleOrigin = "buildkit" | "hadolint" | "stagecraft";

/**
 * When a BuildKit check runs, which decides which `# check=` settings apply to it and whether it
 * still runs when the file fails to parse:
 * - `parse`: while instructions are parsed; instruction comments apply; runs up to a parse error;
 * - `from`: while FROM lines are resolved; instruction comments apply;
 * - `dispatch`: while a stage is dispatched; instruction comments apply;
 * - `file`: a whole-file check; only the file-level `# check=` applies.
 * Rules of other origins are `dispatch`.
 */
export type RulePhase = "parse" | "from" | "dispatch" | "file";

/** A mechanical fix: text edits that make the finding go away and change nothing else. */
export interface QuickFix {
  readonly title: string;
  readonly edits: readonly TextEdit[];
}

export interface Finding {
  /** The rule id: BuildKit's check name (`StageNameCasing`), hadolint's (`DL3008`) or ours (`SC…`). */
  readonly rule: string;
  readonly origin: RuleOrigin;
  readonly severity: Severity;
  readonly message: string;
  /** The text the finding is about (a word where it can be pinned down, else the instruction). */
  readonly range: TextRange;
  /** 1-based line as the rule's tool reports it (BuildKit: the instruction's line). */
  readonly line: number;
  /** Index of the stage it belongs to; null for global ARGs and whole-file findings. */
  readonly stage: number | null;
  /** False when the chosen target does not build the stage the finding is on. */
  readonly built: boolean;
  readonly fix?: QuickFix;
  /** Silences the finding instead: `# check=skip=RULE` (BuildKit and Stagecraft rules) or `# hadolint ignore=RULE`. */
  readonly suppress?: QuickFix;
}

export interface LintOptions {
  /** `--target`; the last stage when absent. */
  readonly target?: string;
  /** `--build-arg` values (`BUILDKIT_DOCKERFILE_CHECK` among them configures the checks). */
  readonly buildArgs?: Readonly<Record<string, string>>;
  /** The text of `.dockerignore`, when there is one. */
  readonly dockerignore?: string;
}

export interface LintResult {
  /** In source order. */
  readonly findings: readonly Finding[];
  /**
   * What `docker build --check` reports as its error: `lint violation found for rules: …` under
   * `error=true`, or a `# check=` that does not parse. Null otherwise. (Parse and build errors
   * are the graph's diagnostics, not findings.)
   */
  readonly error: string | null;
}

/** What a rule reports; `lintDockerfile` turns it into a finding. */
export interface RuleReport {
  readonly message: string;
  readonly range: TextRange;
  /** The line to report, when it is not the line of `range.start` (BuildKit reports instructions by their first line). */
  readonly line?: number;
  readonly stage: number | null;
  /** The instruction whose `# check=` / `# hadolint ignore=` comments apply. */
  readonly node?: InstructionNode;
  readonly fix?: QuickFix;
}

export interface LintRule {
  readonly id: string;
  readonly origin: RuleOrigin;
  readonly severity: Severity;
  /** One line: what the rule wants (BuildKit's description for its checks). */
  readonly summary: string;
  /** Why it matters: the reason a user should care, in a sentence or two (docs/lint-rules.md). */
  readonly why: string;
  /** What to change to satisfy it (docs/lint-rules.md). */
  readonly howToFix: string;
  /** Where the rule is explained. */
  readonly docs: string;
  readonly phase: RulePhase;
  /** BuildKit's experimental checks run only when `# check=experimental=` names them. */
  readonly experimental?: boolean;
  check(context: LintContext): Iterable<RuleReport>;
}

/** A stage with what the target makes of it. */
export interface StageView {
  readonly stage: Stage;
  /** Index of the stage it is built FROM, or null for an image or scratch. */
  readonly parent: number | null;
  /** The image the stage chain starts from (`node:20-slim`), or null for scratch or an unresolved base. */
  readonly rootImage: string | null;
  /** Built for the chosen target. */
  readonly built: boolean;
}

export interface LintContext {
  readonly source: string;
  readonly model: DockerfileModel;
  readonly graph: StageGraph;
  readonly escape: "\\" | "`";
  readonly options: LintOptions;
  readonly buildArgs: Readonly<Record<string, string>>;
  /** Global ARGs evaluated with the build arguments (what FROM lines see). */
  readonly globalScope: GlobalArgScope;
  /** Global ARGs evaluated with their defaults only. */
  readonly defaultScope: GlobalArgScope;
  readonly dockerignore: IgnoreMatcher | null;
  readonly stages: readonly StageView[];
  /** The stage the target builds last; null when there is no target stage. */
  readonly final: StageView | null;
  /** Every instruction of every stage with its stage index, ONBUILD triggers excluded. */
  readonly instructionsByStage: readonly (readonly TypedInstruction[])[];
  /** Instructions before the file's fatal parse error (BuildKit stops parsing there); all when none. */
  readonly parsedUpTo: number;
}
