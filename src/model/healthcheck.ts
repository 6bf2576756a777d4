/** HEALTHCHECK typed as BuildKit's `parseHealthcheck`, durations read as Go's `time.ParseDuration`. */
import type { InstructionNode } from "../syntax/types.ts";
import { goQuote } from "../syntax/go-quote.ts";
import { reportError } from "./context.ts";
import type { TypingContext } from "./context.ts";
import { readFlags } from "./flags.ts";
import { toPart } from "./parts.ts";
import { readCommandLine } from "./run.ts";
import type { HealthcheckInstruction, StringFlag } from "./types.ts";

const unitNs: Readonly<Record<string, number>> = {
  ns: 1,
  us: 1e3,
  "\u00b5s": 1e3,
  "\u03bcs": 1e3,
  ms: 1e6,
  s: 1e9,
  m: 60e9,
  h: 3600e9,
};

/**
 * Go's `time.ParseDuration`: nanoseconds, or Go's error message.
 *
 * @example
 * parseGoDuration("1m30s") // → { ok: true, ns: 90e9 }
 */
export function parseGoDuration(text: string): { ok: true; ns: number } | { ok: false; error: string } {
  const invalid = { ok: false as const, error: `time: invalid duration ${goQuote(text)}` };
  let s = text;
  let negative = false;
  if (s.startsWith("-") || s.startsWith("+")) {
    negative = s.startsWith("-");
    s = s.slice(1);
  }
  if (s === "0") return { ok: true, ns: 0 };
  if (s === "") return invalid;
  let total = 0;
  while (s !== "") {
    const number = /^(\d*)(?:\.(\d*))?/.exec(s);
    const whole = number?.[1] ?? "";
    const fraction = number?.[2];
    if (whole === "" && (fraction === undefined || fraction === "")) return invalid;
    s = s.slice(number?.[0].length ?? 0);
    const unit = /^[^\d.]*/.exec(s)?.[0] ?? "";
    if (unit === "") return { ok: false, error: `time: missing unit in duration ${goQuote(text)}` };
    const scale = unitNs[unit];
    if (scale === undefined) return { ok: false, error: `time: unknown unit ${goQuote(unit)} in duration ${goQuote(text)}` };
    s = s.slice(unit.length);
    total += Number(`${whole === "" ? "0" : whole}.${fraction ?? "0"}`) * scale;
  }
  return { ok: true, ns: negative ? -total : total };
}

function checkInterval(ctx: TypingContext, flag: StringFlag | null): void {
  if (flag === null || flag.value === "") return;
  const range = flag.node.valueRange ?? flag.node.range;
  const parsed = parseGoDuration(flag.value);
  if (!parsed.ok) reportError(ctx, "InvalidFlagValue", parsed.error, range);
  else if (parsed.ns !== 0 && parsed.ns < 1e6) {
    reportError(ctx, "InvalidFlagValue", `Interval ${goQuote(flag.node.name)} cannot be less than 1ms`, range);
  }
}

function checkRetries(ctx: TypingContext, flag: StringFlag | null): void {
  if (flag === null || flag.value === "") return;
  const range = flag.node.valueRange ?? flag.node.range;
  if (!/^[+-]?\d+$/.test(flag.value)) {
    reportError(ctx, "InvalidFlagValue", `strconv.ParseInt: parsing ${goQuote(flag.value)}: invalid syntax`, range);
  } else if (Math.abs(Number(flag.value)) > 2 ** 31 - 1 && Number(flag.value) !== -(2 ** 31)) {
    reportError(ctx, "InvalidFlagValue", `strconv.ParseInt: parsing ${goQuote(flag.value)}: value out of range`, range);
  } else if (Number(flag.value) < 0) {
    reportError(ctx, "InvalidFlagValue", `--retries cannot be negative (${Number(flag.value)})`, range);
  }
}

export function typeHealthcheck(node: InstructionNode, ctx: TypingContext, line: number): HealthcheckInstruction {
  const [first, ...rest] = node.args;
  const type = first === undefined ? null : toPart(first);
  const typeName = type?.value.toUpperCase() ?? "";
  const empty = { interval: null, timeout: null, startPeriod: null, startInterval: null, retries: null };
  const base = { kind: "healthcheck" as const, node, line, type, command: readCommandLine(rest, node.json) };
  if (type === null) {
    reportError(ctx, "InvalidArguments", "HEALTHCHECK requires at least one argument", node.keywordRange);
    return { ...base, ...empty };
  }
  // BuildKit does not even read the flags of HEALTHCHECK NONE.
  if (typeName === "NONE") {
    if (rest.length > 0) reportError(ctx, "InvalidArguments", "HEALTHCHECK NONE takes no arguments", node.argsRange ?? type.range);
    return { ...base, ...empty };
  }
  const flags = readFlags(node.flags, {
    interval: "string",
    timeout: "string",
    "start-period": "string",
    "start-interval": "string",
    retries: "string",
  });
  if (flags.error !== null) reportError(ctx, flags.error.code, flags.error.message, flags.error.range);
  const get = (name: string) => flags.strings.get(name) ?? null;
  if (typeName !== "CMD") {
    reportError(ctx, "InvalidArguments", `Unknown type ${goQuote(typeName)} in HEALTHCHECK (try CMD)`, type.range);
  } else if (base.command.form === "none" || (base.command.form === "exec" && base.command.args.length === 0)) {
    reportError(ctx, "InvalidArguments", "Missing command after HEALTHCHECK CMD", type.range);
  }
  for (const name of ["interval", "timeout", "start-period", "start-interval"]) checkInterval(ctx, get(name));
  checkRetries(ctx, get("retries"));
  return {
    ...base,
    interval: get("interval"),
    timeout: get("timeout"),
    startPeriod: get("start-period"),
    startInterval: get("start-interval"),
    retries: get("retries"),
  };
}
