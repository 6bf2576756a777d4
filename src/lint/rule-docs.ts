/**
 * The documentation of every lint rule, made from the rule values themselves (id, origin,
 * severity, summary, why, howToFix, docs) and an example from the rule's must-fixtures, so it
 * cannot drift from what the rules do. `docs/lint-rules.md` is this text (`npm run docs:lint`
 * writes it; a test fails when the committed file differs), and the app shows the same entry.
 */
import { lintRules } from "./registry.ts";
import { ruleFixtures } from "./rule-fixtures.ts";
import type { LintRule, RuleOrigin } from "./types.ts";

/** Examples for rules whose fixtures cannot stand alone (an experimental check needs the directive that enables it). */
const extraExamples: Readonly<Record<string, string>> = {
  InvalidDefinitionDescription: "# check=experimental=InvalidDefinitionDescription\n\n# compiles the code\nFROM alpine AS build\n",
};

const originTitle: Record<RuleOrigin, string> = {
  buildkit: "BuildKit's build checks",
  hadolint: "hadolint's rules",
  stagecraft: "Stagecraft's rules",
};

const originIntro: Record<RuleOrigin, string> = {
  buildkit:
    "The checks `docker build --check` runs, with BuildKit's names, messages, lines and severities (all but InvalidBaseImagePlatform, which needs the pulled image). `# check=skip=RULE` in the comments above an instruction, or in the file's `# check=` directive, turns one off.",
  hadolint:
    "The hadolint rules that matter for structure, security and size, written here from their descriptions. Where hadolint is wrong about stages, these follow BuildKit and the target (each entry says so). `# hadolint ignore=RULE` on the line above an instruction turns one off.",
  stagecraft:
    "Rules no other linter has, judged on the stages the target builds and on the stage that ships. `# check=skip=RULE` turns one off, as for BuildKit's checks.",
};

/** A rule's documentation as the app and `docs/lint-rules.md` show it. */
export interface RuleDoc {
  readonly id: string;
  readonly origin: RuleOrigin;
  readonly severity: LintRule["severity"];
  readonly what: string;
  readonly why: string;
  readonly fix: string;
  /** A Dockerfile the rule fires on; null when there is none to show. */
  readonly example: string | null;
  /** The comment that silences it. */
  readonly silence: string;
  /** BuildKit's or hadolint's own page; null for Stagecraft's rules (documented here only). */
  readonly externalDocs: string | null;
  /** The anchor of its entry in docs/lint-rules.md. */
  readonly anchor: string;
}

/** `StageNameCasing` → `stage-name-casing`, `DL3008` → `dl3008`; Stagecraft's rules keep the anchor their docs link names. */
function anchorOf(rule: LintRule): string {
  const hash = rule.docs.indexOf("#");
  if (rule.origin === "stagecraft" && hash >= 0) return rule.docs.slice(hash + 1);
  return rule.id
    .replace(/([a-z0-9])([A-Z])/g, "$1-$2")
    .replace(/([A-Z]+)([A-Z][a-z])/g, "$1-$2")
    .toLowerCase();
}

/**
 * The documentation of one rule.
 *
 * @example
 * describeRule(findLintRule("DL3008")!).silence // "# hadolint ignore=DL3008"
 */
export function describeRule(rule: LintRule): RuleDoc {
  const example = ruleFixtures.find((f) => f.rule === rule.id)?.must[0] ?? extraExamples[rule.id] ?? null;
  return {
    id: rule.id,
    origin: rule.origin,
    severity: rule.severity,
    what: rule.summary,
    why: rule.why,
    fix: rule.howToFix,
    example,
    silence: rule.origin === "hadolint" ? `# hadolint ignore=${rule.id}` : `# check=skip=${rule.id}`,
    externalDocs: rule.origin === "stagecraft" ? null : rule.docs,
    anchor: anchorOf(rule),
  };
}

function renderEntry(doc: RuleDoc): string {
  const lines = [
    `<a id="${doc.anchor}"></a>`,
    "",
    `### ${doc.id}`,
    "",
    `${doc.severity}${doc.externalDocs === null ? "" : ` · [${doc.origin === "buildkit" ? "BuildKit's page" : "hadolint's page"}](${doc.externalDocs})`}`,
    "",
    `- **What:** ${doc.what}`,
    `- **Why:** ${doc.why}`,
    `- **Fix:** ${doc.fix}`,
    `- **Silence it:** \`${doc.silence}\``,
  ];
  if (doc.example !== null) lines.push("", "Fires on:", "", "```dockerfile", doc.example.replace(/\n$/, ""), "```");
  return lines.join("\n");
}

/** The whole of `docs/lint-rules.md`. */
export function renderLintRulesDoc(rules: readonly LintRule[] = lintRules): string {
  const docs = rules.map(describeRule);
  const out = [
    "# Lint rules",
    "",
    "<!-- Generated from the rule values in src/lint/ by `npm run docs:lint`; do not edit by hand (a test compares). -->",
    "",
    `Stagecraft runs ${docs.length} rules. Each finding names its rule; the editor offers its quick fix (Ctrl+.) where the change is mechanical, and always a comment that silences it.`,
    "",
    "| Rule | From | Severity | What |",
    "| --- | --- | --- | --- |",
    ...docs.map((d) => `| [${d.id}](#${d.anchor}) | ${d.origin} | ${d.severity} | ${d.what.replace(/\|/g, "\\|")} |`),
  ];
  for (const origin of ["buildkit", "hadolint", "stagecraft"] as const) {
    const group = docs.filter((d) => d.origin === origin);
    if (group.length === 0) continue;
    out.push("", `## ${originTitle[origin]}`, "", originIntro[origin]);
    for (const doc of group) out.push("", renderEntry(doc));
  }
  return `${out.join("\n")}\n`;
}
