import { buildkitRule, onInstruction, stageInstructions } from "../define.ts";
import { secretArgFix } from "../secret-fix.ts";

const secretTokens = ["apikey", "auth", "credential", "credentials", "key", "password", "pword", "passwd", "secret", "token"];
const allowTokens = ["public", "file", "version"];
const secretWord = new RegExp(`(?:_|^)(?:${secretTokens.join("|")})(?:_|$)`, "i");
const allowWord = new RegExp(`(?:_|^)(?:${allowTokens.join("|")})(?:_|$)`, "i");

/** Whether BuildKit takes an ARG or ENV name for a secret. */
export function looksLikeSecret(name: string): boolean {
  return secretWord.test(name) && !allowWord.test(name);
}

export const secretsUsedInArgOrEnv = buildkitRule({
  id: "SecretsUsedInArgOrEnv",
  summary: "Sensitive data should not be used in the ARG or ENV commands",
  docsSlug: "secrets-used-in-arg-or-env",
  why: "ARG and ENV values are stored in the image's history and config, where anyone with the image can read them.",
  howToFix: "Pass the secret with RUN --mount=type=secret and read it from the mounted file.",
  *check(ctx) {
    for (const { instruction, stage } of stageInstructions(ctx)) {
      if (instruction.kind === "arg") {
        for (const d of instruction.declarations) {
          if (!looksLikeSecret(d.name.value)) continue;
          const fix = secretArgFix(ctx, instruction, d, stage);
          yield {
            ...onInstruction(instruction.node, stage, `Do not use ARG or ENV instructions for sensitive data (ARG "${d.name.value}")`, d.name.range),
            ...(fix === null ? {} : { fix }),
          };
        }
      } else if (instruction.kind === "env") {
        for (const pair of instruction.pairs) {
          if (!looksLikeSecret(pair.key.value)) continue;
          yield onInstruction(instruction.node, stage, `Do not use ARG or ENV instructions for sensitive data (ENV "${pair.key.value}")`, pair.key.range);
        }
      }
    }
  },
});
