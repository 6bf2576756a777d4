/**
 * A RUN's script read just far enough for lint rules: simple commands with their words, and
 * whether they sit in a pipeline. Not a shell parser: quotes keep words together, `&&`, `||`,
 * `;`, `|` and newlines separate commands, and that is all the rules need.
 */
import type { RunInstruction } from "../model/types.ts";

export interface SimpleCommand {
  /** Words with quotes removed. */
  readonly words: readonly string[];
  /** The command's output feeds another command (`a | b`). */
  readonly piped: boolean;
}

/** The script a RUN runs: its shell-form text or exec-form words, and any heredoc bodies. */
export function runScript(run: RunInstruction): string {
  const parts: string[] = [];
  if (run.command.form === "shell") parts.push(run.command.text.value);
  else if (run.command.form === "exec") parts.push(run.command.args.map((a) => a.value).join(" "));
  for (const h of run.heredocs) parts.push(h.content);
  return parts.join("\n");
}

/** Split a script into simple commands. */
export function splitCommands(script: string): SimpleCommand[] {
  const commands: SimpleCommand[] = [];
  let words: string[] = [];
  let word = "";
  let inWord = false;
  const endWord = () => {
    if (inWord) words.push(word);
    word = "";
    inWord = false;
  };
  const endCommand = (piped: boolean) => {
    endWord();
    if (words.length > 0) commands.push({ words, piped });
    words = [];
  };
  for (let i = 0; i < script.length; i++) {
    const c = script[i]!;
    if (c === "'" || c === '"') {
      const close = script.indexOf(c, i + 1);
      const end = close < 0 ? script.length : close;
      word += script.slice(i + 1, end);
      inWord = true;
      i = end;
    } else if (c === "\\" && i + 1 < script.length) {
      if (script[i + 1] !== "\n") {
        word += script[i + 1];
        inWord = true;
      }
      i++;
    } else if (c === "#" && !inWord) {
      const nl = script.indexOf("\n", i);
      i = (nl < 0 ? script.length : nl) - 1;
    } else if (c === "|" && script[i + 1] === "|") {
      endCommand(false);
      i++;
    } else if (c === "|") endCommand(true);
    else if (c === "&" && script[i + 1] === "&") {
      endCommand(false);
      i++;
    } else if (c === ";" || c === "\n" || c === "&" || c === "(" || c === ")") endCommand(false);
    else if (c === " " || c === "\t" || c === "\r") endWord();
    else {
      word += c;
      inWord = true;
    }
  }
  endCommand(false);
  return commands;
}

const wrappers = new Set(["sudo", "env", "nice", "time", "exec", "command", "nohup"]);

/** The program a command runs, past `sudo`, `env X=1` and the like. */
export function programOf(command: SimpleCommand): { name: string; args: readonly string[] } {
  let i = 0;
  const w = command.words;
  while (i < w.length && (wrappers.has(w[i]!) || /^[A-Za-z_][A-Za-z0-9_]*=/.test(w[i]!) || (i > 0 && wrappers.has(w[i - 1]!) && w[i]!.startsWith("-")))) i++;
  return { name: w[i] ?? "", args: w.slice(i + 1) };
}

/** The commands of a script that run `program` with `subcommand` (e.g. apt-get install). */
export function findInvocations(script: string, program: string | readonly string[], subcommand?: string | readonly string[]): { args: readonly string[]; command: SimpleCommand }[] {
  const programs = typeof program === "string" ? [program] : program;
  const subs = subcommand === undefined ? null : typeof subcommand === "string" ? [subcommand] : subcommand;
  const found: { args: readonly string[]; command: SimpleCommand }[] = [];
  for (const command of splitCommands(script)) {
    const { name, args } = programOf(command);
    if (!programs.includes(name.split("/").pop() ?? name)) continue;
    if (subs !== null) {
      const sub = args.find((a) => !a.startsWith("-"));
      if (sub === undefined || !subs.includes(sub)) continue;
    }
    found.push({ args, command });
  }
  return found;
}
