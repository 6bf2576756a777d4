/**
 * One record of Go's `encoding/csv` reader with its default settings, which is how BuildKit
 * splits a `--mount` value into fields. Quoted fields may hold commas; `""` is a quote; a stray
 * quote is an error with Go's message and (1-based, byte) column.
 */

export interface CsvField {
  readonly value: string;
  /** The field as written, quotes included: `[start, end)` offsets into the input. */
  readonly start: number;
  readonly end: number;
  /** Where `value` starts in the input when it is a verbatim slice of it; null otherwise (`""` inside quotes). */
  readonly valueStart: number | null;
}

export type CsvRecord = { readonly ok: true; readonly fields: readonly CsvField[] } | { readonly ok: false; readonly error: string };

const encoder = new TextEncoder();

function byteColumn(text: string, offset: number): number {
  return encoder.encode(text.slice(0, offset)).length + 1;
}

function parseError(text: string, offset: number, what: string): CsvRecord {
  return { ok: false, error: `parse error on line 1, column ${byteColumn(text, offset)}: ${what}` };
}

const bareQuote = 'bare " in non-quoted-field';
const badQuote = 'extraneous or missing " in quoted-field';

/**
 * Read the first record of `text`.
 *
 * @example
 * readCsvRecord('type=bind,"target=/a,b"') // → fields "type=bind" and "target=/a,b"
 */
export function readCsvRecord(input: string): CsvRecord {
  const newline = input.indexOf("\n");
  let text = newline < 0 ? input : input.slice(0, newline);
  if (text.endsWith("\r")) text = text.slice(0, -1);
  if (input === "") return { ok: false, error: "EOF" };
  const fields: CsvField[] = [];
  let i = 0;
  for (;;) {
    if (text.charCodeAt(i) !== 0x22) {
      const comma = text.indexOf(",", i);
      const end = comma < 0 ? text.length : comma;
      const quote = text.indexOf('"', i);
      if (quote >= 0 && quote < end) return parseError(text, quote, bareQuote);
      fields.push({ value: text.slice(i, end), start: i, end, valueStart: i });
      if (comma < 0) return { ok: true, fields };
      i = comma + 1;
      continue;
    }
    const start = i;
    let value = "";
    let verbatim = true;
    i++;
    for (;;) {
      const quote = text.indexOf('"', i);
      if (quote < 0) return parseError(text, text.length, badQuote);
      value += text.slice(i, quote);
      const next = text.charCodeAt(quote + 1);
      if (next === 0x22) {
        value += '"';
        verbatim = false;
        i = quote + 2;
      } else if (next === 0x2c || quote + 1 === text.length) {
        fields.push({ value, start, end: quote + 1, valueStart: verbatim ? start + 1 : null });
        if (quote + 1 === text.length) return { ok: true, fields };
        i = quote + 2;
        break;
      } else {
        return parseError(text, quote, badQuote);
      }
    }
  }
}
