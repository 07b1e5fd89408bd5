/**
 * RFC 4180 CSV parsing of text into rows of strings, for headers, heads of files and small tables.
 * Pure; runs in a browser. Data go through {@link readCsvTable} (csv-table.ts).
 */
import { InputError } from '../core/errors.js';

const QUOTE = 34;
const CR = 13;
const LF = 10;

/** Pick the delimiter that occurs most often (outside quotes) in the first line; ',' on a tie. */
export function detectDelimiter(text: string): string {
  const counts: Record<string, number> = { ',': 0, ';': 0, '\t': 0 };
  let inQuotes = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === '"') inQuotes = !inQuotes;
    else if (!inQuotes && (ch === '\n' || ch === '\r')) break;
    else if (!inQuotes && ch in counts) counts[ch]++;
  }
  let best = ',';
  for (const d of [';', '\t']) if (counts[d] > counts[best]) best = d;
  return best;
}

/** Strip a leading byte-order mark (U+FEFF). */
export function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/**
 * Parse CSV text into rows of strings (RFC 4180: quoted fields with "" escapes, embedded
 * delimiters and newlines, CRLF or LF). Blank lines are skipped. For small tables and headers; use
 * {@link readCsvTable} for data.
 */
export function parseCsv(text: string, options: { delimiter?: string; file?: string; keepBlank?: boolean; maxRows?: number } = {}): string[][] {
  const src = stripBom(text);
  const d = (options.delimiter ?? detectDelimiter(src)).charCodeAt(0);
  const rows: string[][] = [];
  const cur = { pos: 0, line: 1 };
  const max = options.maxRows ?? Infinity;
  while (cur.pos < src.length && rows.length < max) {
    const row = readRecord(src, cur, d, options.file);
    if (options.keepBlank || !(row.length === 1 && row[0] === '')) rows.push(row);
  }
  return rows;
}

/**
 * The delimiter of a file whose first lines may be titles without any delimiter (yearbook and NBS
 * exports): among ',', ';' and tab, the one with the most occurrences outside quotes on its best line
 * of the first 30, ',' on a tie.
 */
export function detectDelimiterLines(text: string): string {
  const best: Record<string, number> = { ',': 0, ';': 0, '\t': 0 };
  let counts: Record<string, number> = { ',': 0, ';': 0, '\t': 0 };
  let inQuotes = false;
  let lines = 0;
  for (let i = 0; i < text.length && lines < 30; i++) {
    const ch = text[i]!;
    if (ch === '"') inQuotes = !inQuotes;
    else if (!inQuotes && ch === '\n') {
      for (const d in counts) best[d] = Math.max(best[d]!, counts[d]!);
      counts = { ',': 0, ';': 0, '\t': 0 };
      lines++;
    } else if (!inQuotes && ch in counts) counts[ch]!++;
  }
  for (const d in counts) best[d] = Math.max(best[d]!, counts[d]!);
  let out = ',';
  for (const d of [';', '\t']) if (best[d]! > best[out]!) out = d;
  return out;
}

/** Read one record as strings starting at cur.pos; leaves cur.pos after its line end. */
function readRecord(src: string, cur: { pos: number; line: number }, d: number, file?: string): string[] {
  const row: string[] = [];
  const n = src.length;
  let pos = cur.pos;
  for (;;) {
    let field: string;
    if (src.charCodeAt(pos) === QUOTE) {
      const r = readQuoted(src, pos, cur.line, file);
      field = r.text;
      pos = r.end;
      // Text after the closing quote up to the delimiter is kept (lenient, as Excel does).
      const start = pos;
      while (pos < n) {
        const c = src.charCodeAt(pos);
        if (c === d || c === LF || c === CR) break;
        pos++;
      }
      if (pos > start) field += src.slice(start, pos);
    } else {
      const start = pos;
      while (pos < n) {
        const c = src.charCodeAt(pos);
        if (c === d || c === LF || c === CR) break;
        pos++;
      }
      field = src.slice(start, pos);
    }
    row.push(field);
    if (pos >= n) break;
    const c = src.charCodeAt(pos);
    if (c === d) {
      pos++;
      continue;
    }
    pos += c === CR && src.charCodeAt(pos + 1) === LF ? 2 : 1;
    cur.line++;
    break;
  }
  cur.pos = pos;
  return row;
}

/** Read a quoted field whose opening quote is at `pos`; returns its text and the index after the closing quote. */
function readQuoted(src: string, pos: number, row: number, file?: string): { text: string; end: number } {
  let text = '';
  let start = pos + 1;
  let i = start;
  const n = src.length;
  for (;;) {
    const q = src.indexOf('"', i);
    if (q < 0) {
      throw new InputError('a quoted cell is never closed (a " without its closing ")', {
        file,
        row,
        hint: 'close the quote, or write a literal quote inside a quoted cell as ""',
      });
    }
    if (q + 1 < n && src.charCodeAt(q + 1) === QUOTE) {
      text += src.slice(start, q + 1);
      i = start = q + 2;
      continue;
    }
    text += src.slice(start, q);
    return { text, end: q + 1 };
  }
}

