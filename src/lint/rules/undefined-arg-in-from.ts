import { buildkitRule, onInstruction } from "../define.ts";
import { expandWord } from "../../model/expand.ts";
import { suggestName } from "../../model/suggest.ts";
import type { RuleReport } from "../types.ts";

export const undefinedArgInFrom = buildkitRule({
  id: "UndefinedArgInFrom",
  summary: "FROM command must use declared ARGs",
  docsSlug: "undefined-arg-in-from",
  phase: "from",
  why: "FROM sees only the ARGs declared before the first FROM; an undeclared one expands to nothing.",
  howToFix: "Declare the ARG before the first FROM, with a default.",
  *check(ctx) {
    const scope = ctx.globalScope;
    const known = [...new Set([...scope.declared, ...scope.env.keys()])].sort();
    for (const stage of ctx.model.stages) {
      const words = [stage.from.platform === null ? null : { value: stage.from.platform.value, range: stage.from.platform.node.valueRange ?? stage.from.platform.node.range }, stage.from.image];
      for (const word of words) {
        if (word === null) continue;
        const expanded = expandWord(word.value, scope.env, { escape: ctx.escape });
        if (!expanded.ok) continue;
        for (const name of [...expanded.unmatched].sort()) {
          if (scope.declared.has(name) || scope.env.has(name)) continue;
          const suggestion = suggestName(name, known, true);
          const report: RuleReport = onInstruction(
            stage.from.node,
            stage.index,
            `FROM argument '${name}' is not declared${suggestion === null ? "" : ` (did you mean ${suggestion}?)`}`,
            word.range,
          );
          yield report;
        }
      }
    }
  },
});
