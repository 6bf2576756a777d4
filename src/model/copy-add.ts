/** COPY and ADD typed as BuildKit's `parseCopy`, `parseAdd` and `parseSourcesAndDest`. */
import type { InstructionNode } from "../syntax/types.ts";
import { reportError } from "./context.ts";
import type { TypingContext } from "./context.ts";
import { readFlags } from "./flags.ts";
import type { FlagSpec, ParsedFlags } from "./flags.ts";
import { toPart } from "./parts.ts";
import type { AddInstruction, CopyInstruction, TextPart } from "./types.ts";

const copyFlags: FlagSpec = { from: "string", chown: "string", chmod: "string", link: "bool", parents: "bool", exclude: "list" };
const addFlags: FlagSpec = {
  chown: "string",
  chmod: "string",
  link: "bool",
  "keep-git-dir": "bool",
  checksum: "string",
  unpack: "bool",
  exclude: "list",
};

/** BuildKit's heredoc marker pattern (`parser.ParseHeredoc`). */
const heredocMarker = /^(\d*)<<(-?)([^<]*)$/;

function isHeredocMarker(word: string): boolean {
  const match = heredocMarker.exec(word);
  return match !== null && (match[3] ?? "").trim() !== "";
}

interface SourcesAndDest {
  readonly sources: readonly TextPart[];
  readonly dest: TextPart | null;
  readonly flags: ParsedFlags;
}

function readSourcesAndDest(node: InstructionNode, ctx: TypingContext, keyword: "COPY" | "ADD", spec: FlagSpec): SourcesAndDest {
  const args = node.args.map(toPart);
  if (args.length < 2) {
    reportError(
      ctx,
      "InvalidArguments",
      `${keyword} requires at least two arguments, but only one was provided. Destination could not be determined`,
      node.argsRange ?? node.keywordRange,
    );
  }
  const flags = readFlags(node.flags, spec);
  if (flags.error !== null) reportError(ctx, flags.error.code, flags.error.message, flags.error.range);
  const dest = args.length >= 2 ? (args[args.length - 1] ?? null) : null;
  if (dest !== null && !node.json && isHeredocMarker(dest.value)) {
    reportError(ctx, "InvalidHeredoc", `${keyword} cannot accept a heredoc as a destination`, dest.range);
  }
  const sources = args.slice(0, Math.max(0, args.length - 1)).filter((a) => node.json || !isHeredocMarker(a.value));
  return { sources, dest, flags };
}

export function typeCopy(node: InstructionNode, ctx: TypingContext, line: number): CopyInstruction {
  const { sources, dest, flags } = readSourcesAndDest(node, ctx, "COPY", copyFlags);
  return {
    kind: "copy",
    node,
    line,
    sources,
    inlineSources: node.heredocs,
    dest,
    from: flags.strings.get("from") ?? null,
    chown: flags.strings.get("chown") ?? null,
    chmod: flags.strings.get("chmod") ?? null,
    link: flags.bools.get("link") ?? null,
    parents: flags.bools.get("parents") ?? null,
    exclude: flags.lists.get("exclude") ?? [],
  };
}

export function typeAdd(node: InstructionNode, ctx: TypingContext, line: number): AddInstruction {
  const { sources, dest, flags } = readSourcesAndDest(node, ctx, "ADD", addFlags);
  return {
    kind: "add",
    node,
    line,
    sources,
    inlineSources: node.heredocs,
    dest,
    chown: flags.strings.get("chown") ?? null,
    chmod: flags.strings.get("chmod") ?? null,
    link: flags.bools.get("link") ?? null,
    keepGitDir: flags.bools.get("keep-git-dir") ?? null,
    checksum: flags.strings.get("checksum") ?? null,
    unpack: flags.bools.get("unpack") ?? null,
    exclude: flags.lists.get("exclude") ?? [],
  };
}
