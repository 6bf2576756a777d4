/**
 * Go's `strconv.Quote`, which BuildKit's `Node.Dump` uses for every value.
 * It is not `JSON.stringify`: it writes `\x1b`, `\a`, `\v`, and keeps printable
 * non-ASCII characters as they are while escaping non-printable ones.
 */

const PRINTABLE = /[\p{L}\p{M}\p{N}\p{P}\p{S}]/u;

function hex(n: number, width: number): string {
  return n.toString(16).padStart(width, "0");
}

function quoteRune(cp: number): string {
  switch (cp) {
    case 0x07:
      return "\\a";
    case 0x08:
      return "\\b";
    case 0x0c:
      return "\\f";
    case 0x0a:
      return "\\n";
    case 0x0d:
      return "\\r";
    case 0x09:
      return "\\t";
    case 0x0b:
      return "\\v";
  }
  if (cp < 0x20 || cp === 0x7f) return "\\x" + hex(cp, 2);
  const ch = String.fromCodePoint(cp);
  if (cp === 0x20 || PRINTABLE.test(ch)) return ch;
  return cp < 0x10000 ? "\\u" + hex(cp, 4) : "\\U" + hex(cp, 8);
}

/** Quote `s` exactly as Go's `strconv.Quote` would quote its UTF-8 encoding. */
export function goQuote(s: string): string {
  let out = '"';
  let plainFrom = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0x20 && c < 0x7f && c !== 0x22 && c !== 0x5c) continue;
    out += s.slice(plainFrom, i);
    if (c === 0x22) out += '\\"';
    else if (c === 0x5c) out += "\\\\";
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
      const d = s.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        out += quoteRune(((c - 0xd800) << 10) + (d - 0xdc00) + 0x10000);
        i++;
      } else out += "\ufffd"; // a lone surrogate would be encoded as U+FFFD, which is printable
    } else if (c >= 0xd800 && c <= 0xdfff) out += "\ufffd";
    else out += quoteRune(c);
    plainFrom = i + 1;
  }
  return out + s.slice(plainFrom) + '"';
}
