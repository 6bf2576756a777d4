/** Every rule Stagecraft runs, in the order findings on one spot are listed. One list: a new rule is one more line. */
import { consistentInstructionCasing } from "./rules/consistent-instruction-casing.ts";
import { copyIgnoredFile } from "./rules/copy-ignored-file.ts";
import { duplicateStageName } from "./rules/duplicate-stage-name.ts";
import { exposeInvalidFormat } from "./rules/expose-invalid-format.ts";
import { exposeProtoCasing } from "./rules/expose-proto-casing.ts";
import { fromAsCasing } from "./rules/from-as-casing.ts";
import { fromPlatformFlagConstDisallowed } from "./rules/from-platform-flag-const-disallowed.ts";
import { invalidDefaultArgInFrom } from "./rules/invalid-default-arg-in-from.ts";
import { invalidDefinitionDescription } from "./rules/invalid-definition-description.ts";
import { jsonArgsRecommended } from "./rules/json-args-recommended.ts";
import { legacyKeyValueFormat } from "./rules/legacy-key-value-format.ts";
import { maintainerDeprecated } from "./rules/maintainer-deprecated.ts";
import { multipleInstructionsDisallowed } from "./rules/multiple-instructions-disallowed.ts";
import { noEmptyContinuation } from "./rules/no-empty-continuation.ts";
import { redundantTargetPlatform } from "./rules/redundant-target-platform.ts";
import { reservedStageName } from "./rules/reserved-stage-name.ts";
import { secretsUsedInArgOrEnv } from "./rules/secrets-used-in-arg-or-env.ts";
import { stageNameCasing } from "./rules/stage-name-casing.ts";
import { undefinedArgInFrom } from "./rules/undefined-arg-in-from.ts";
import { undefinedVar } from "./rules/undefined-var.ts";
import { workdirRelativePath } from "./rules/workdir-relative-path.ts";
import type { LintRule } from "./types.ts";

/**
 * BuildKit's build checks (all but InvalidBaseImagePlatform, which needs the pulled image's
 * config), then hadolint's, then Stagecraft's own.
 */
export const lintRules: readonly LintRule[] = [
  stageNameCasing,
  fromAsCasing,
  noEmptyContinuation,
  consistentInstructionCasing,
  duplicateStageName,
  reservedStageName,
  jsonArgsRecommended,
  maintainerDeprecated,
  undefinedArgInFrom,
  workdirRelativePath,
  undefinedVar,
  multipleInstructionsDisallowed,
  legacyKeyValueFormat,
  redundantTargetPlatform,
  secretsUsedInArgOrEnv,
  invalidDefaultArgInFrom,
  fromPlatformFlagConstDisallowed,
  copyIgnoredFile,
  invalidDefinitionDescription,
  exposeProtoCasing,
  exposeInvalidFormat,
];

/** The rule with this id, if any. */
export function findLintRule(id: string): LintRule | undefined {
  return lintRules.find((r) => r.id === id);
}
