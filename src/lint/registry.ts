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
import { dl3000 } from "./rules/dl3000-workdir-absolute.ts";
import { dl3002 } from "./rules/dl3002-last-user-root.ts";
import { dl3003 } from "./rules/dl3003-cd.ts";
import { dl3004 } from "./rules/dl3004-sudo.ts";
import { dl3006 } from "./rules/dl3006-untagged-image.ts";
import { dl3007 } from "./rules/dl3007-latest.ts";
import { dl3008 } from "./rules/dl3008-apt-pin.ts";
import { dl3009 } from "./rules/dl3009-apt-lists.ts";
import { dl3015 } from "./rules/dl3015-no-install-recommends.ts";
import { dl3019 } from "./rules/dl3019-apk-no-cache.ts";
import { dl3020 } from "./rules/dl3020-add-for-files.ts";
import { dl3022 } from "./rules/dl3022-copy-from-alias.ts";
import { dl3023 } from "./rules/dl3023-copy-from-self.ts";
import { dl3024 } from "./rules/dl3024-unique-alias.ts";
import { dl3025 } from "./rules/dl3025-json-cmd.ts";
import { dl3027 } from "./rules/dl3027-apt.ts";
import { dl3042 } from "./rules/dl3042-pip-no-cache-dir.ts";
import { dl3045 } from "./rules/dl3045-copy-relative-dest.ts";
import { dl3059 } from "./rules/dl3059-consecutive-run.ts";
import { dl4006 } from "./rules/dl4006-pipefail.ts";
import { cacheOrder } from "./rules/cache-order.ts";
import { devDependenciesInFinal } from "./rules/dev-dependencies-in-final.ts";
import { finalRunsAsRoot } from "./rules/final-runs-as-root.ts";
import { finalCopiesBuildTree } from "./rules/final-copies-build-tree.ts";
import { secretReachesImage } from "./rules/secret-reaches-image.ts";
import { installWithoutCacheMount } from "./rules/install-without-cache-mount.ts";
import { unusedStage } from "./rules/unused-stage.ts";
import { copyContextWithoutDockerignore } from "./rules/copy-context-without-dockerignore.ts";
import { finalFromWithoutDigest } from "./rules/final-from-without-digest.ts";
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
  dl3000,
  dl3002,
  dl3003,
  dl3004,
  dl3006,
  dl3007,
  dl3008,
  dl3009,
  dl3015,
  dl3019,
  dl3020,
  dl3022,
  dl3023,
  dl3024,
  dl3025,
  dl3027,
  dl3042,
  dl3045,
  dl3059,
  dl4006,
  cacheOrder,
  devDependenciesInFinal,
  finalRunsAsRoot,
  finalCopiesBuildTree,
  secretReachesImage,
  installWithoutCacheMount,
  unusedStage,
  copyContextWithoutDockerignore,
  finalFromWithoutDigest,
];

/** The rule with this id, if any. */
export function findLintRule(id: string): LintRule | undefined {
  return lintRules.find((r) => r.id === id);
}
