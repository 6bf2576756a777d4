/**
 * The stage graph: BuildKit's third floor (`dockerfile2llb`), derived from the model for one
 * choice of target and build arguments.
 */
import type { Diagnostic, TextRange } from "../syntax/types.ts";
import type { StageRole } from "../explain/roles.ts";
import type { DockerfileModel, Stage, TypedInstruction } from "../model/types.ts";

export interface StageGraphOptions {
  /** `--target`, matched case-insensitively against stage names; the last stage when absent or empty. */
  readonly target?: string;
  /** `--build-arg` values: they replace declared ARG defaults and override automatic ARGs such as TARGETARCH. */
  readonly buildArgs?: Readonly<Record<string, string>>;
}

/** What a stage is built on. */
export type StageBase =
  | { readonly kind: "stage"; readonly index: number }
  | { readonly kind: "image"; readonly ref: string; readonly raw: string }
  | { readonly kind: "scratch" };

export interface GraphStage {
  /** The node's identity everywhere (canvas, panels, cursor, saved positions): `stage:build`, `stage:build~2`, `stage:#0`. */
  readonly id: string;
  readonly index: number;
  /** Lowercased name, or null when unnamed. */
  readonly name: string | null;
  /** The name BuildKit uses in messages: the name, or `stage-<index>`. */
  readonly label: string;
  /** 1-based line of FROM. */
  readonly line: number;
  readonly range: TextRange;
  readonly stage: Stage;
  readonly base: StageBase;
  /** `--platform` after expanding global ARGs; null without the flag. */
  readonly platform: string | null;
  /** Whether BuildKit builds this stage for the chosen target. */
  readonly reachable: boolean;
  /** What the stage is for, inferred from the graph and its instructions (`inferStageRoles`). */
  readonly role: StageRole;
  /** One sentence saying why it has that role. */
  readonly roleReason: string;
}

export interface ImageNode {
  /** `image:<ref>` (a reference over 200 characters is cut and suffixed with a hash). */
  readonly id: string;
  /** The reference after expanding global ARGs (one node per distinct reference). */
  readonly ref: string;
  /** False when BuildKit could not parse it as an image reference. */
  readonly valid: boolean;
}

export type EdgeSource = { readonly kind: "stage"; readonly index: number } | { readonly kind: "image"; readonly ref: string };

export interface GraphEdge {
  /** Unique in the graph and stable while other lines change: `copy:stage:build->stage:final`, `~2` for a repeat. */
  readonly id: string;
  /** The id of the source node (a stage's or an image's `id`). */
  readonly sourceId: string;
  /** The id of the target stage. */
  readonly targetId: string;
  /** `from`: the base of a stage; `copy`: `COPY --from`; `mount`: `RUN --mount from=`. */
  readonly kind: "from" | "copy" | "mount";
  readonly source: EdgeSource;
  /** Index of the stage that uses the source. */
  readonly target: number;
  /** 1-based line of the instruction that makes the edge (for ONBUILD: the ONBUILD line). */
  readonly line: number;
  /** The token that names the source (FROM's image word, the `--from` flag, the mount's `from=`). */
  readonly range: TextRange;
  readonly instruction: TypedInstruction;
  /** Copy: the source paths; mount: the mount's `source`, when given. Variables the model knows are expanded. */
  readonly sources: readonly string[] | undefined;
  /** Copy: the destination; mount: the mount's `target`. */
  readonly dest: string | undefined;
  /** False when BuildKit fails on it: a later or own stage, part of a cycle, an unparsable image. */
  readonly valid: boolean;
  /** Added by an ONBUILD trigger of the base stage. */
  readonly onbuild: boolean;
  /** For an invalid edge: the diagnostic (an item of `StageGraph.diagnostics`) that says why, when BuildKit gives one. */
  readonly diagnostic: GraphDiagnostic | null;
  /** For an invalid edge: why BuildKit cannot use it (the diagnostic's message, or ours where BuildKit names only another cycle); null when valid. */
  readonly reason: string | null;
}

/** A diagnostic of the graph, with the stage it belongs to. */
export interface GraphDiagnostic extends Diagnostic {
  /** Index of the stage the diagnostic belongs to; null for the file as a whole (before the first FROM, parser errors). */
  readonly stage: number | null;
}

export interface StageGraph {
  readonly model: DockerfileModel;
  /** Index of the target stage; -1 when there is none (no stage, or an unknown `--target`). */
  readonly target: number;
  readonly stages: readonly GraphStage[];
  readonly images: readonly ImageNode[];
  readonly edges: readonly GraphEdge[];
  /** Model and graph diagnostics in source order; errors are what would fail this build. */
  readonly diagnostics: readonly GraphDiagnostic[];
  /** The global ARG values FROM lines were expanded with. */
  readonly globalArgs: ReadonlyMap<string, string>;
}
