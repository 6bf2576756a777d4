/**
 * Renders a tree in BuildKit's `Node.Dump()` format, the `result` files of BuildKit's parser
 * tests: one `(keyword ["flags"] "args"…)` line per instruction, values quoted like Go's
 * `strconv.Quote`.
 */
import { goTrim } from "./chars.ts";
import { goQuote } from "./go-quote.ts";
import type { DockerfileTree, InstructionNode } from "./types.ts";

/**
 * BuildKit collects flag characters byte by byte into runes, so each byte of a non-ASCII
 * character becomes a Latin-1 character of its own. Reproduce that for the dump.
 */
function asGoByteRunes(s: string): string {
  let ascii = true;
  for (let i = 0; i < s.length && ascii; i++) ascii = s.charCodeAt(i) < 0x80;
  if (ascii) return s;
  let out = "";
  for (const b of new TextEncoder().encode(s)) out += String.fromCharCode(b);
  return out;
}

function dumpHead(node: InstructionNode): string {
  let str = node.keyword.toLowerCase();
  if (node.flags.length > 0) str += " [" + node.flags.map((f) => goQuote(asGoByteRunes(f.text))).join(" ") + "]";
  return str;
}

/** One instruction; ONBUILD nests its trigger in parentheses (built inside-out, no recursion). */
function dumpInstruction(node: InstructionNode): string {
  const outer: InstructionNode[] = [];
  let inner = node;
  while (inner.trigger) {
    outer.push(inner);
    inner = inner.trigger;
  }
  let str = dumpHead(inner);
  for (const a of inner.args) str += " " + goQuote(a.value);
  str = goTrim(str);
  for (let k = outer.length - 1; k >= 0; k--) {
    let head = dumpHead(outer[k]!) + " (" + str + ")";
    for (const a of outer[k]!.args) head += " " + goQuote(a.value);
    str = goTrim(head);
  }
  return str;
}

/**
 * The tree in BuildKit's `result` format (ending in one newline), or `ERROR: <message>\n`
 * when BuildKit's parser would reject the file.
 */
export function dumpBuildkit(tree: DockerfileTree): string {
  if (tree.fatal) return `ERROR: ${tree.fatal.message}\n`;
  let out = "";
  for (const node of tree.instructions) out += "(" + dumpInstruction(node) + ")\n";
  return out;
}
