/**
 * The JSON (exec) form of an instruction, read as BuildKit reads it: Go's
 * `json.Decoder.Decode` of the first JSON value into `[]interface{}`. That means
 * standard JSON only, text after the first value ignored, invalid JSON meaning
 * "shell form", and a valid array holding anything but strings meaning an error.
 */

export interface JsonElement {
  readonly value: string;
  /** Offsets of the quoted string, quotes included. */
  readonly start: number;
  readonly end: number;
}

export type JsonArrayResult =
  | { readonly kind: "ok"; readonly elements: readonly JsonElement[]; readonly end: number }
  | { readonly kind: "not-strings" }
  | { readonly kind: "invalid" };

/** Go's encoding/json refuses values nested deeper than this. */
const MAX_DEPTH = 10000;
const LITERALS = ["true", "false", "null"] as const;
const INVALID: JsonArrayResult = { kind: "invalid" };
const NOT_STRINGS: JsonArrayResult = { kind: "not-strings" };

function isJsonSpace(c: number): boolean {
  return c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d;
}

function hexValue(c: number): number {
  if (c >= 0x30 && c <= 0x39) return c - 0x30;
  if (c >= 0x61 && c <= 0x66) return c - 0x57;
  if (c >= 0x41 && c <= 0x46) return c - 0x37;
  return -1;
}

class JsonReader {
  pos: number;
  /** Set when a value was read whose Go type is not string. */
  constructor(
    readonly s: string,
    start: number,
  ) {
    this.pos = start;
  }

  skipSpace(): void {
    while (this.pos < this.s.length && isJsonSpace(this.s.charCodeAt(this.pos))) this.pos++;
  }

  read4Hex(at: number): number {
    if (at + 4 > this.s.length) return -1;
    let v = 0;
    for (let k = 0; k < 4; k++) {
      const h = hexValue(this.s.charCodeAt(at + k));
      if (h < 0) return -1;
      v = v * 16 + h;
    }
    return v;
  }

  /** Reads a string at `pos` (which holds `"`); returns its decoded value or null when invalid. */
  readString(): string | null {
    const s = this.s;
    let i = this.pos + 1;
    let out = "";
    let plainFrom = i;
    for (;;) {
      if (i >= s.length) return null;
      const c = s.charCodeAt(i);
      if (c === 0x22) {
        out += s.slice(plainFrom, i);
        this.pos = i + 1;
        return out;
      }
      if (c < 0x20) return null;
      if (c >= 0xd800 && c <= 0xdfff) {
        // Go decodes UTF-8; a lone surrogate would be invalid UTF-8 and become U+FFFD.
        const pair = c <= 0xdbff && i + 1 < s.length && (s.charCodeAt(i + 1) & 0xfc00) === 0xdc00;
        if (pair) {
          i += 2;
          continue;
        }
        out += s.slice(plainFrom, i) + "\ufffd";
        plainFrom = ++i;
        continue;
      }
      if (c !== 0x5c) {
        i++;
        continue;
      }
      out += s.slice(plainFrom, i);
      const e = s.charCodeAt(i + 1);
      switch (e) {
        case 0x22:
          out += '"';
          break;
        case 0x5c:
          out += "\\";
          break;
        case 0x2f:
          out += "/";
          break;
        case 0x62:
          out += "\b";
          break;
        case 0x66:
          out += "\f";
          break;
        case 0x6e:
          out += "\n";
          break;
        case 0x72:
          out += "\r";
          break;
        case 0x74:
          out += "\t";
          break;
        case 0x75: {
          const u = this.read4Hex(i + 2);
          if (u < 0) return null;
          i += 6;
          if (u >= 0xd800 && u <= 0xdbff && s.charCodeAt(i) === 0x5c && s.charCodeAt(i + 1) === 0x75) {
            const lo = this.read4Hex(i + 2);
            if (lo >= 0xdc00 && lo <= 0xdfff) {
              out += String.fromCharCode(u, lo);
              i += 6;
              plainFrom = i;
              continue;
            }
          }
          out += u >= 0xd800 && u <= 0xdfff ? "\ufffd" : String.fromCharCode(u);
          plainFrom = i;
          continue;
        }
        default:
          return null;
      }
      i += 2;
      plainFrom = i;
    }
  }

  readNumber(): boolean {
    const s = this.s;
    let i = this.pos;
    if (s.charCodeAt(i) === 0x2d) i++;
    const digit = (k: number) => {
      const c = s.charCodeAt(k);
      return c >= 0x30 && c <= 0x39;
    };
    if (s.charCodeAt(i) === 0x30) i++;
    else if (digit(i)) while (digit(i)) i++;
    else return false;
    if (s.charCodeAt(i) === 0x2e) {
      i++;
      if (!digit(i)) return false;
      while (digit(i)) i++;
    }
    const e = s.charCodeAt(i);
    if (e === 0x65 || e === 0x45) {
      i++;
      const sign = s.charCodeAt(i);
      if (sign === 0x2b || sign === 0x2d) i++;
      if (!digit(i)) return false;
      while (digit(i)) i++;
    }
    this.pos = i;
    return true;
  }

  /** Reads an object key and its colon. */
  readKey(): boolean {
    this.skipSpace();
    if (this.s.charCodeAt(this.pos) !== 0x22 || this.readString() === null) return false;
    this.skipSpace();
    if (this.s.charCodeAt(this.pos) !== 0x3a) return false;
    this.pos++;
    return true;
  }

  /**
   * Reads any JSON value at nesting level `depth`; false when the text is not valid JSON.
   * Iterative, so hostile nesting cannot overflow the stack; like Go's decoder it refuses
   * more than 10000 levels.
   */
  readValue(depth: number): boolean {
    const closers: number[] = [];
    for (;;) {
      this.skipSpace();
      const c = this.s.charCodeAt(this.pos);
      if (c === 0x5b || c === 0x7b) {
        if (depth + closers.length >= MAX_DEPTH) return false;
        const close = c === 0x7b ? 0x7d : 0x5d;
        this.pos++;
        this.skipSpace();
        if (this.s.charCodeAt(this.pos) === close) this.pos++;
        else {
          closers.push(close);
          if (close === 0x7d && !this.readKey()) return false;
          continue;
        }
      } else if (c === 0x22) {
        if (this.readString() === null) return false;
      } else if (c === 0x2d || (c >= 0x30 && c <= 0x39)) {
        if (!this.readNumber()) return false;
      } else if (!this.readLiteral()) return false;
      // After a complete value: close containers or move to the next element.
      for (;;) {
        if (closers.length === 0) return true;
        this.skipSpace();
        const d = this.s.charCodeAt(this.pos++);
        const close = closers[closers.length - 1]!;
        if (d === close) {
          closers.pop();
          continue;
        }
        if (d !== 0x2c) return false;
        if (close === 0x7d && !this.readKey()) return false;
        break;
      }
    }
  }

  readLiteral(): boolean {
    for (const lit of LITERALS) {
      if (this.s.startsWith(lit, this.pos)) {
        this.pos += lit.length;
        return true;
      }
    }
    return false;
  }
}

/**
 * Reads a JSON array of strings starting at `start` (which must hold `[`), as BuildKit's
 * `parseJSON` does. Offsets in the result are indexes into `s`.
 */
export function readJsonArray(s: string, start: number): JsonArrayResult {
  if (s.charCodeAt(start) !== 0x5b) return INVALID;
  const r = new JsonReader(s, start + 1);
  const elements: JsonElement[] = [];
  let allStrings = true;
  r.skipSpace();
  if (s.charCodeAt(r.pos) === 0x5d) return { kind: "ok", elements, end: r.pos + 1 };
  for (;;) {
    r.skipSpace();
    const at = r.pos;
    if (s.charCodeAt(at) === 0x22) {
      const value = r.readString();
      if (value === null) return INVALID;
      elements.push({ value, start: at, end: r.pos });
    } else {
      if (!r.readValue(1)) return INVALID;
      allStrings = false;
    }
    r.skipSpace();
    const c = s.charCodeAt(r.pos);
    r.pos++;
    if (c === 0x5d) break;
    if (c !== 0x2c) return INVALID;
  }
  // Go decodes the whole value before it looks at element types.
  return allStrings ? { kind: "ok", elements, end: r.pos } : NOT_STRINGS;
}
