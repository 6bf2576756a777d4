/**
 * Structural checks shared by the syntax test files: what must hold for the tree of ANY input,
 * whether it came from the corpus, a hand-written fixture or fast-check.
 *
 * Each check returns a list of human-readable problems (empty when all is well), so a failing
 * test prints exactly which node, token or range broke which rule.
 */
import { dumpBuildkit, printDockerfile } from "../../src/index.ts";
import type {
  DockerfileTree,
  InstructionNode,
  TextRange,
  Token,
  TokenKind,
} from "../../src/index.ts";

const TOKEN_KINDS: ReadonlySet<TokenKind> = new Set<TokenKind>([
  "bom",
  "directive",
  "comment",
  "whitespace",
  "newline",
  "continuation",
  "keyword",
  "flag",
  "flag-end",
  "argument",
  "json-string",
  "json-punctuation",
  "heredoc-body",
  "heredoc-end",
  "text",
]);

/** Stop collecting after this many problems: one broken rule tends to break many nodes. */
const MAX_PROBLEMS = 12;

/** Offsets at which lines start, computed independently of the parser (lines end at `\n`). */
export function computeLineStarts(source: string): number[] {
  const starts = [0];
  for (let i = source.indexOf("\n"); i !== -1; i = source.indexOf("\n", i + 1)) {
    starts.push(i + 1);
  }
  return starts;
}

/** 1-based line of an offset, by binary search over `lineStarts`. */
export function lineOfOffset(lineStarts: readonly number[], offset: number): number {
  let lo = 0;
  let hi = lineStarts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if ((lineStarts[mid] ?? Infinity) <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo + 1;
}

/** A short, exact rendering of a string for messages: JSON quoting shows tabs, CRs and BOMs. */
export function show(text: string, max = 160): string {
  const quoted = JSON.stringify(text);
  return quoted.length > max ? `${quoted.slice(0, max)}…(${text.length} chars)` : quoted;
}

/**
 * Describes where two texts first differ, line by line: the line number and both versions of
 * that line. Returns "" when they are equal.
 */
export function describeTextDifference(expected: string, actual: string): string {
  if (expected === actual) return "";
  const want = expected.split("\n");
  const got = actual.split("\n");
  const n = Math.max(want.length, got.length);
  for (let i = 0; i < n; i++) {
    if (want[i] !== got[i]) {
      const fmt = (line: string | undefined): string =>
        line === undefined ? "<no such line>" : show(line, 400);
      return [
        `first difference at line ${i + 1} (expected ${want.length} lines, got ${got.length}):`,
        `  expected: ${fmt(want[i])}`,
        `  actual:   ${fmt(got[i])}`,
      ].join("\n");
    }
  }
  return "texts differ (no differing line found)";
}

/**
 * Text as BuildKit joins it: an escape character ending a line, the blanks after it, the newline
 * and any comment or blank lines that follow are dropped (a keyword may be split that way).
 */
function removeContinuations(text: string, escape: "\\" | "`"): string {
  const e = escape === "`" ? "`" : "\\\\";
  return text.replace(new RegExp(`${e}[ \\t]*\\r*\\n(?:[ \\t]*(?:#[^\\n]*)?\\r*\\n)*`, "g"), "");
}

function fmtRange(r: TextRange): string {
  return `[${r.start},${r.end})`;
}

function isInside(inner: TextRange, outer: TextRange): boolean {
  return outer.start <= inner.start && inner.start <= inner.end && inner.end <= outer.end;
}

class Problems {
  readonly list: string[] = [];
  add(message: string): void {
    if (this.list.length < MAX_PROBLEMS) this.list.push(message);
    else if (this.list.length === MAX_PROBLEMS) this.list.push("… more problems omitted");
  }
  get full(): boolean {
    return this.list.length > MAX_PROBLEMS;
  }
}

function checkTokens(
  source: string,
  tokens: readonly Token[],
  range: TextRange,
  where: string,
  problems: Problems,
): void {
  let cursor = range.start;
  for (const [i, token] of tokens.entries()) {
    const label = `${where} token #${i} ${token.kind} ${fmtRange(token)} ${show(token.text, 60)}`;
    if (!TOKEN_KINDS.has(token.kind)) problems.add(`${label}: unknown token kind`);
    if (token.start !== cursor) {
      problems.add(
        `${label}: starts at ${token.start} but the previous token ends at ${cursor} (${token.start > cursor ? "gap" : "overlap"} ${show(source.slice(Math.min(cursor, token.start), Math.max(cursor, token.start)), 60)})`,
      );
    }
    if (token.end <= token.start) problems.add(`${label}: empty or inverted token`);
    const actual = source.slice(token.start, token.end);
    if (token.text !== actual) {
      problems.add(`${label}: text differs from source.slice(start, end) = ${show(actual, 60)}`);
    }
    cursor = token.end;
  }
  if (cursor !== range.end) {
    problems.add(
      `${where}: tokens end at ${cursor} but the node's range ends at ${range.end} (untokenised ${show(source.slice(cursor, range.end), 80)})`,
    );
  }
}

function checkInstruction(
  tree: DockerfileTree,
  node: InstructionNode,
  outer: TextRange,
  where: string,
  isTrigger: boolean,
  lineStarts: readonly number[],
  problems: Problems,
): void {
  const { source } = tree;
  if (!isInside(node.range, outer)) {
    problems.add(`${where}: range ${fmtRange(node.range)} is not inside ${fmtRange(outer)}`);
  }
  if (node.range.end <= node.range.start) problems.add(`${where}: empty range`);
  if (!isInside(node.keywordRange, node.range)) {
    problems.add(`${where}: keywordRange ${fmtRange(node.keywordRange)} outside the instruction`);
  }
  const keywordText = removeContinuations(source.slice(node.keywordRange.start, node.keywordRange.end), tree.escape);
  if (keywordText !== node.keyword) {
    problems.add(`${where}: keyword ${show(node.keyword)} but keywordRange holds ${show(keywordText)}`);
  }
  if (node.name !== node.keyword.toUpperCase()) {
    problems.add(`${where}: name ${show(node.name)} is not the upper-cased keyword ${show(node.keyword)}`);
  }
  if (isTrigger) {
    if (node.tokens.length !== 0) problems.add(`${where}: an ONBUILD trigger must have no tokens of its own`);
  } else {
    checkTokens(source, node.tokens, node.range, where, problems);
    // The first physical line, which may hold only an escape character before the keyword.
    const startLine = lineOfOffset(lineStarts, node.range.start);
    if (node.startLine !== startLine) {
      problems.add(`${where}: startLine ${node.startLine} but the range starts on line ${startLine}`);
    }
    const endLine = lineOfOffset(lineStarts, Math.max(node.range.start, node.range.end - 1));
    if (node.endLine !== endLine) {
      problems.add(`${where}: endLine ${node.endLine} but the range ends on line ${endLine}`);
    }
  }
  if (node.argsRange !== null && !isInside(node.argsRange, node.range)) {
    problems.add(`${where}: argsRange ${fmtRange(node.argsRange)} outside the instruction`);
  }

  let previousFlagEnd = node.keywordRange.end;
  for (const [i, flag] of node.flags.entries()) {
    const label = `${where} flag #${i} ${show(flag.text)}`;
    if (!isInside(flag.range, node.range)) problems.add(`${label}: range ${fmtRange(flag.range)} outside the instruction`);
    if (flag.range.start < previousFlagEnd) problems.add(`${label}: starts at ${flag.range.start}, before the end of what precedes it (${previousFlagEnd})`);
    previousFlagEnd = flag.range.end;
    if (!isInside(flag.nameRange, flag.range)) problems.add(`${label}: nameRange outside the flag`);
    if ((flag.value === null) !== (flag.valueRange === null)) {
      problems.add(`${label}: value is ${show(String(flag.value))} but valueRange is ${flag.valueRange === null ? "null" : fmtRange(flag.valueRange)}`);
    }
    if (flag.valueRange !== null && !isInside(flag.valueRange, flag.range)) problems.add(`${label}: valueRange outside the flag`);
    const rebuilt = `--${flag.name}${flag.value === null ? "" : `=${flag.value}`}`;
    if (rebuilt !== flag.text) problems.add(`${label}: text is not "--" + name + "=" + value (${show(rebuilt)})`);
  }

  let previousArgEnd = previousFlagEnd;
  for (const [i, arg] of node.args.entries()) {
    const label = `${where} arg #${i} (${arg.role}) ${show(arg.value, 60)}`;
    if (!isInside(arg.range, node.range)) {
      problems.add(`${label}: range ${fmtRange(arg.range)} outside the instruction ${fmtRange(node.range)}`);
    }
    // An ENV/LABEL separator sits between its key and value but is listed after the value, and
    // the unknown-instruction placeholder has no text, so neither takes part in the ordering.
    if (arg.role === "separator" || arg.role === "ignored") continue;
    if (arg.range.start < previousArgEnd) {
      problems.add(`${label}: starts at ${arg.range.start}, before the end of what precedes it (${previousArgEnd})`);
    }
    previousArgEnd = arg.range.end;
  }

  let previousHeredocEnd = node.keywordRange.end;
  for (const [i, heredoc] of node.heredocs.entries()) {
    const label = `${where} heredoc #${i} ${show(heredoc.name)}`;
    if (!isInside(heredoc.markerRange, node.range)) problems.add(`${label}: markerRange outside the instruction`);
    if (!isInside(heredoc.bodyRange, node.range)) problems.add(`${label}: bodyRange ${fmtRange(heredoc.bodyRange)} outside the instruction ${fmtRange(node.range)}`);
    if (heredoc.bodyRange.start < Math.max(previousHeredocEnd, heredoc.markerRange.end)) {
      problems.add(`${label}: body starts at ${heredoc.bodyRange.start}, before its marker or the previous heredoc ends`);
    }
    const content = source.slice(heredoc.bodyRange.start, heredoc.bodyRange.end);
    if (content !== heredoc.content) problems.add(`${label}: content ${show(heredoc.content, 60)} differs from the body range's text ${show(content, 60)}`);
    previousHeredocEnd = heredoc.bodyRange.end;
    if (heredoc.terminatorRange !== null) {
      if (!isInside(heredoc.terminatorRange, node.range)) problems.add(`${label}: terminatorRange outside the instruction`);
      if (heredoc.terminatorRange.start < heredoc.bodyRange.end) problems.add(`${label}: terminator starts inside the body`);
      const terminator = source.slice(heredoc.terminatorRange.start, heredoc.terminatorRange.end);
      const compared = heredoc.chomp ? terminator.replace(/^\t+/, "") : terminator;
      if (compared !== heredoc.name) problems.add(`${label}: terminator line ${show(terminator)} does not match the name`);
      previousHeredocEnd = heredoc.terminatorRange.end;
    }
  }

  if (node.trigger !== null && node.name !== "ONBUILD") problems.add(`${where}: only ONBUILD may have a trigger`);
}

/** An instruction and its chain of ONBUILD triggers, iteratively: `ONBUILD ONBUILD …` may nest deeply. */
function checkInstructionChain(
  tree: DockerfileTree,
  node: InstructionNode,
  where: string,
  lineStarts: readonly number[],
  problems: Problems,
): void {
  checkInstruction(tree, node, { start: 0, end: tree.source.length }, where, false, lineStarts, problems);
  let depth = 1;
  for (let parent = node, trigger = node.trigger; trigger !== null; parent = trigger, trigger = trigger.trigger) {
    if (problems.full) return;
    checkInstruction(tree, trigger, parent.range, `${where} trigger #${depth}`, true, lineStarts, problems);
    depth++;
  }
}

/**
 * Every structural rule of the tree: top-level nodes tile the source, tokens tile their node and
 * match the source, nested ranges sit inside their instruction in order, lines agree with
 * offsets, diagnostics and directives are well-formed, and the printer gives the source back.
 */
export function collectTreeProblems(tree: DockerfileTree, source: string): string[] {
  const problems = new Problems();
  if (tree.source !== source) {
    problems.add(`tree.source is not the input: ${describeTextDifference(source, tree.source)}`);
    return problems.list;
  }
  const lineStarts = computeLineStarts(source);
  if (JSON.stringify(tree.lineStarts) !== JSON.stringify(lineStarts)) {
    problems.add(`lineStarts ${show(JSON.stringify(tree.lineStarts), 120)} but lines start at ${show(JSON.stringify(lineStarts), 120)}`);
  }

  let cursor = 0;
  const instructions: InstructionNode[] = [];
  for (const [i, node] of tree.nodes.entries()) {
    if (problems.full) break;
    const where = `node #${i} ${node.kind} ${fmtRange(node.range)} ${show(source.slice(node.range.start, node.range.end), 50)}`;
    if (node.range.start !== cursor) {
      problems.add(`${where}: starts at ${node.range.start} but the previous node ends at ${cursor}`);
    }
    if (node.range.end <= node.range.start) problems.add(`${where}: empty or inverted range`);
    cursor = node.range.end;
    if (node.kind === "instruction") {
      instructions.push(node);
      checkInstructionChain(tree, node, where, lineStarts, problems);
    } else {
      checkTokens(source, node.tokens, node.range, where, problems);
      const line = lineOfOffset(lineStarts, node.range.start);
      if (node.line !== line) problems.add(`${where}: line ${node.line} but it starts on line ${line}`);
    }
  }
  if (cursor !== source.length) {
    problems.add(`top-level nodes end at ${cursor} but the source has ${source.length} characters (uncovered ${show(source.slice(cursor), 80)})`);
  }
  if (
    tree.instructions.length !== instructions.length ||
    tree.instructions.some((node, i) => node !== instructions[i])
  ) {
    problems.add(`tree.instructions (${tree.instructions.length}) is not the instruction nodes of tree.nodes (${instructions.length}), in order`);
  }

  const whole = { start: 0, end: source.length };
  for (const [i, d] of tree.diagnostics.entries()) {
    const where = `diagnostic #${i} ${d.severity} ${d.code} ${show(d.message)}`;
    if (!isInside(d.range, whole)) problems.add(`${where}: range ${fmtRange(d.range)} outside the source`);
    else if (d.line !== lineOfOffset(lineStarts, d.range.start)) {
      problems.add(`${where}: line ${d.line} but its range starts on line ${lineOfOffset(lineStarts, d.range.start)}`);
    }
    if (d.message === "") problems.add(`${where}: empty message`);
    if (!["error", "warning", "info"].includes(d.severity)) problems.add(`${where}: unknown severity`);
  }
  if (tree.fatal !== null) {
    const fatal = tree.fatal;
    if (fatal.severity !== "error") problems.add(`fatal ${show(fatal.message)} has severity ${fatal.severity}, not error`);
    const listed = tree.diagnostics.some(
      (d) => d.message === fatal.message && d.range.start === fatal.range.start && d.range.end === fatal.range.end,
    );
    if (!listed) problems.add(`fatal ${show(fatal.message)} is not among tree.diagnostics`);
  } else if (instructions.length === 0) {
    problems.add(`no instructions but no fatal error (BuildKit says "file with no instructions")`);
  }

  const firstInstructionLine = instructions[0]?.startLine ?? Infinity;
  for (const directive of tree.directives) {
    const where = `directive ${directive.key}=${show(directive.value)} on line ${directive.line}`;
    if (!["syntax", "escape", "check"].includes(directive.key)) problems.add(`${where}: unknown key`);
    if (!isInside(directive.keyRange, whole) || !isInside(directive.valueRange, whole)) problems.add(`${where}: ranges outside the source`);
    if (directive.line >= firstInstructionLine) problems.add(`${where}: directives are only valid before the first instruction`);
    if (directive.line !== lineOfOffset(lineStarts, directive.keyRange.start)) problems.add(`${where}: key is not on that line`);
  }
  if (tree.escape !== "\\" && tree.escape !== "`") problems.add(`escape is ${show(tree.escape)}`);

  const printed = printDockerfile(tree);
  if (printed !== source) problems.add(`printDockerfile does not give the source back: ${describeTextDifference(source, printed)}`);

  const dump = dumpBuildkit(tree);
  if (tree.fatal !== null) {
    if (dump !== `ERROR: ${tree.fatal.message}\n`) problems.add(`dump of a fatal tree is ${show(dump)}, not "ERROR: <fatal message>\\n"`);
  } else {
    const lines = dump.split("\n");
    if (lines.pop() !== "") problems.add(`dump does not end with exactly one newline: ${show(dump.slice(-40))}`);
    if (lines.length !== instructions.length) problems.add(`dump has ${lines.length} lines for ${instructions.length} instructions`);
    const bad = lines.find((line) => !line.startsWith("(") || !line.endsWith(")"));
    if (bad !== undefined) problems.add(`dump line is not parenthesised: ${show(bad)}`);
  }
  return problems.list;
}

/**
 * Work the parser did, as counts of what it produced. Linear parsing must keep these within a
 * constant factor of the input size; this is the non-timed stand-in for a complexity bound.
 */
export function measureOutput(tree: DockerfileTree): { tokens: number; nodes: number; text: number } {
  let tokens = 0;
  let nodes = tree.nodes.length + tree.diagnostics.length + tree.directives.length;
  let text = 0;
  for (const top of tree.nodes) {
    tokens += top.tokens.length;
    if (top.kind !== "instruction") continue;
    text += top.original.length;
    for (const flag of top.flags) text += flag.text.length;
    for (const arg of top.args) text += arg.value.length;
    for (const heredoc of top.heredocs) text += heredoc.content.length;
    for (const comment of top.comments) text += comment.length;
    // A trigger's text is a suffix of its parent's, as in BuildKit, so nested ONBUILDs repeat
    // text by design: count only their nodes.
    for (let node: InstructionNode | null = top; node !== null; node = node.trigger) {
      nodes += 1 + node.flags.length + node.args.length + node.heredocs.length + node.comments.length;
    }
  }
  return { tokens, nodes, text };
}
