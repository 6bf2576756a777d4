/**
 * `npm run docs:lint`: writes docs/lint-rules.md from the rule values in src/lint. Run it after
 * adding or changing a rule; `tests/unit/lint-rules-doc.test.ts` fails until the file matches.
 */
import { writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { renderLintRulesDoc } from "../../src/index.ts";

const path = join(dirname(fileURLToPath(import.meta.url)), "..", "..", "docs", "lint-rules.md");
writeFileSync(path, renderLintRulesDoc());
process.stdout.write(`wrote ${path}\n`);
