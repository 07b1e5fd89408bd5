/**
 * RFC 4180 CSV reading and writing from and to strings. Pure; runs in a browser.
 *
 * The reader goes straight from the text to one Float64Array per column: a plain number is parsed
 * from the character codes without creating a string (Clinger's fast path, exact when the digits fit
 * in 2^53 and the power of ten in 10^22, else `Number()` on the slice, which is correctly rounded too).
 * Cells that are not plain numbers (quoted, placeholders, text, "1,234.5") are kept as text for
 * {@link parseCell}.
 */
import { InputError } from '../core/errors.js';
import type { RawColumn, RawTable } from './raw-table.js';

/** Options of {@link readCsvTable}. */
export interface CsvReadOptions {
  /** Field delimiter; default: detected from the header line among ',', ';' and tab. */
  delimiter?: string;
  /** File name for error messages. */
  file?: string;
  /** Indices of columns whose cells are all kept as text (ids with leading zeros, names). */
  keepText?: (header: readonly string[]) => Iterable<number>;
}

const QUOTE = 34;
const CR = 13;
const LF = 10;
const POW10 = Array.from({ length: 23 }, (_, i) => 10 ** i);

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
export function parseCsv(text: string, options: { delimiter?: string; file?: string } = {}): string[][] {
  const src = stripBom(text);
  const d = (options.delimiter ?? detectDelimiter(src)).charCodeAt(0);
  const rows: string[][] = [];
  const cur = { pos: 0, line: 1 };
  while (cur.pos < src.length) {
    const row = readRecord(src, cur, d, options.file);
    if (!(row.length === 1 && row[0] === '')) rows.push(row);
  }
  return rows;
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

// Result slots of the number scanner: its end index, and its value in a typed array. A double
// returned from a call that is not inlined is boxed in a fresh heap number: 7 million cells made
// over 100 MB of garbage.
let scanEnd = 0;
const scanned = new Float64Array(1);

/**
 * Scan a plain decimal number in the UTF-8 bytes `b` starting at `i` (sign, digits, optional fraction
 * and exponent): true with its value in `scanned[0]` and its end in `scanEnd`, false when there is
 * no number there. Integers with a leading zero ("007") are refused so codes keep their zeros.
 */
function scanNumber(b: Uint8Array, i: number): boolean {
  let c = b[i];
  let neg = false;
  const first = i;
  if (c === 45 || c === 43) {
    neg = c === 45;
    c = b[++i];
  }
  const begin = i;
  let mant = 0;
  let digits = 0;
  let exp = 0;
  while (c >= 48 && c <= 57) {
    mant = mant * 10 + (c - 48);
    digits++;
    c = b[++i];
  }
  if (digits > 1 && b[begin] === 48) return false;
  if (c === 46) {
    c = b[++i];
    while (c >= 48 && c <= 57) {
      mant = mant * 10 + (c - 48);
      digits++;
      exp--;
      c = b[++i];
    }
  }
  if (digits === 0) return false;
  if (c === 101 || c === 69) {
    let j = i + 1;
    let e = 0;
    let eneg = false;
    let ec = b[j];
    if (ec === 45 || ec === 43) {
      eneg = ec === 45;
      ec = b[++j];
    }
    const eBegin = j;
    while (ec >= 48 && ec <= 57) {
      e = e * 10 + (ec - 48);
      ec = b[++j];
    }
    if (j === eBegin) return false;
    exp += eneg ? -e : e;
    i = j;
  }
  scanEnd = i;
  if (digits <= 15 && exp >= -22 && exp <= 22) {
    const v = exp < 0 ? mant / POW10[-exp] : mant * POW10[exp];
    scanned[0] = neg ? -v : v;
    return true;
  }
  // Too many digits for the exact fast path: let the engine's correctly rounded parser do it.
  const v = Number(decodeBytes(b, first, i));
  scanned[0] = v;
  return v === v;
}

// Fatal: bytes that are not UTF-8 (a GBK file read without --encoding) throw NotUtf8Error, so the
// caller can decode the file another way. GBK trail bytes are ≥ 0x40, so they never look like a
// delimiter, quote or line break, and parsing the structure of GBK bytes is safe.
const utf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * True when the quoted cell opening at `pos` holds just a plain number followed by the closing quote
 * and a delimiter or line end; sets `scanned[0]` and `scanEnd` (the index of the closing quote).
 */
function quotedNumber(b: Uint8Array, pos: number, d: number): boolean {
  if (!scanNumber(b, pos + 1) || b[scanEnd] !== QUOTE) return false;
  const c = scanEnd + 1 < b.length ? b[scanEnd + 1] : LF;
  return c === d || c === LF || c === CR;
}
const utf8Encoder = new TextEncoder();

/** Thrown by {@link readCsvTable} when a cell of its byte input is not valid UTF-8. */
export class NotUtf8Error extends Error {
  override readonly name = 'NotUtf8Error';
  constructor(readonly row: number) {
    super(`not valid UTF-8 (row ${row})`);
  }
}

function decodeUtf8(b: Uint8Array): string {
  try {
    return utf8.decode(b);
  } catch {
    throw new NotUtf8Error(currentRow);
  }
}

// The spreadsheet row being read, for NotUtf8Error.
let currentRow = 1;

/** The text of bytes [s, e): ASCII built directly (short cells), anything else through TextDecoder. */
function decodeBytes(b: Uint8Array, s: number, e: number): string {
  if (e - s <= 32) {
    let ascii = true;
    for (let k = s; k < e; k++) if (b[k] >= 0x80) ascii = false;
    if (ascii) return String.fromCharCode.apply(null, b.subarray(s, e) as unknown as number[]);
  }
  return decodeUtf8(b.subarray(s, e));
}

/** Index just past the end of the record starting at `pos` (quote-aware), and the record's end before its line break. */
function recordEnd(b: Uint8Array, pos: number): { end: number; next: number } {
  let inQuotes = false;
  let k = pos;
  for (; k < b.length; k++) {
    const c = b[k];
    if (c === QUOTE) inQuotes = !inQuotes;
    else if (!inQuotes && (c === LF || c === CR)) break;
  }
  const next = k < b.length && b[k] === CR && b[k + 1] === LF ? k + 2 : k + 1;
  return { end: k, next };
}

/**
 * Read CSV into a {@link RawTable}: header from the first non-blank line, one numeric column per
 * header cell. Byte input must be UTF-8 (else {@link NotUtf8Error}). Works on UTF-8 bytes (a string is encoded first), so a large file is never turned into
 * one big string: numbers are parsed from the bytes, and only text cells are decoded (a cell equal to
 * the one above it reuses its string). Short rows are padded with empty cells; a row with more
 * non-empty cells than the header is an InputError naming the row.
 */
export function readCsvTable(input: string | Uint8Array, options: CsvReadOptions = {}): RawTable {
  const b = typeof input === 'string' ? utf8Encoder.encode(input) : input;
  const t = new TableBuilder(options);
  const pos = t.readHeader(b, bomLength(b), true);
  t.allocate(lineCapacity(b, pos));
  t.readRecords(b, pos, true);
  return t.finish(false);
}

/**
 * Fills `into` from index `offset` with the next bytes of the input and returns how many it wrote;
 * 0 at the end. (A file read in blocks: the caller owns the file handle.)
 */
export type ReadBytes = (into: Uint8Array, offset: number) => number;

/** Options of {@link readCsvTableBlocks}. */
export interface CsvBlockOptions extends CsvReadOptions {
  /** Total size of the input in bytes, if known: sizes the columns from the first block's line length. */
  size?: number;
  /** Bytes per block (default 1 MiB; tests use tiny blocks to cut records everywhere). */
  blockSize?: number;
}

/**
 * {@link readCsvTable} on input read block by block through `read`, with the same result. The file
 * is never held whole: a large numeric file costs its columns and one block. (Fresh memory is not
 * free: on a virtual machine, first touching a 68 MB buffer costs as much as parsing it.)
 *
 * Each block is cut after its last line feed and parsed; a record still open there (a quoted cell
 * holding a line break) is carried over to the next block with the unparsed tail.
 */
export function readCsvTableBlocks(read: ReadBytes, options: CsvBlockOptions = {}): RawTable {
  const t = new TableBuilder(options);
  let buf = new Uint8Array(Math.max(1, options.blockSize ?? 1 << 20));
  let len = 0;
  // Bytes of the input before buf[0], for the column size estimate.
  let before = 0;
  let atStart = true;
  let final = false;
  while (!final) {
    while (len < buf.length) {
      const k = read(buf, len);
      if (k <= 0) {
        final = true;
        break;
      }
      len += k;
    }
    const end = final ? len : buf.lastIndexOf(LF, len - 1) + 1;
    const block = buf.subarray(0, end);
    let pos = 0;
    if (atStart && end > 0) {
      pos = bomLength(block);
      atStart = false;
    }
    if (!t.ready) {
      pos = t.readHeader(block, pos, final);
      if (t.ready) t.allocate(final ? lineCapacity(block, pos) : estimateCapacity(block, pos, options.size, before));
    }
    if (t.ready) pos = t.readRecords(block, pos, final);
    if (pos === 0 && !final) {
      // No complete record in a full block (a very long line or quoted cell): read into a larger one.
      const grown = new Uint8Array(buf.length * 2);
      grown.set(buf.subarray(0, len));
      buf = grown;
      continue;
    }
    buf.copyWithin(0, pos, len);
    len -= pos;
    before += pos;
  }
  return t.finish(true);
}

function bomLength(b: Uint8Array): number {
  return b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf ? 3 : 0;
}

/** Rows after `pos`: one per line end is an upper bound (quoted newlines only over-count). */
function lineCapacity(b: Uint8Array, pos: number): number {
  let capacity = pos < b.length && b[b.length - 1] !== LF ? 1 : 0;
  for (let k = b.indexOf(LF, pos); k >= 0; k = b.indexOf(LF, k + 1)) capacity++;
  return capacity;
}

/**
 * Rows of the whole input estimated from the lines of its first block, with 10% to spare (the
 * columns grow if that is short; the spare pages of a large array are never touched, so cost nothing).
 */
function estimateCapacity(block: Uint8Array, pos: number, size: number | undefined, before: number): number {
  const lines = lineCapacity(block, pos);
  const bytes = block.length - pos;
  // A size that does not cover this block (a pipe, a file still growing) gives no estimate, nor
  // does a sample of a few lines (a block taken up by a huge header).
  const rest = (size ?? 0) - before - pos;
  if (!(rest >= bytes) || lines === 0 || bytes < 1024) return 2 * lines + 1024;
  return Math.ceil((rest / bytes) * lines * 1.1) + 1024;
}

/** A table being read: the header, the columns filled so far, and where reading stands. */
class TableBuilder {
  /** Header read (or the input had none). */
  ready = false;
  header: string[] = [];
  private nCols = 0;
  private d = 44;
  private num: Float64Array[] = [];
  private str: ((string | undefined)[] | null)[] = [];
  private keep = new Uint8Array(0);
  private rowNumber = new Int32Array(0);
  private capacity = 0;
  private row = 0;
  // Spreadsheet row of the last record read: the header is row 1 (blank rows before it are not counted).
  private rec = 1;

  constructor(private readonly options: CsvReadOptions) {}

  /**
   * Read the header from the first non-blank record at or after `pos`; returns the position after
   * it. When `b` ends inside that record and more input follows (`final` false), returns the
   * record's start and stays not ready.
   */
  readHeader(b: Uint8Array, pos: number, final: boolean): number {
    const n = b.length;
    while (pos < n) {
      const r = recordEnd(b, pos);
      if (r.end >= n && !final) return pos;
      currentRow = 1;
      const line = decodeUtf8(b.subarray(pos, r.end));
      pos = r.next;
      if (line.trim() === '') continue;
      const delim = this.options.delimiter ?? detectDelimiter(line);
      this.d = delim.charCodeAt(0);
      this.header = parseCsv(line, { delimiter: delim, file: this.options.file })[0] ?? [];
      this.ready = true;
      return pos;
    }
    if (final) this.ready = true;
    return pos;
  }

  /** Allocate the columns for `capacity` rows (none without a header). */
  allocate(capacity: number): void {
    const header = this.header;
    const nCols = (this.nCols = header.length);
    if (nCols === 0) capacity = 0;
    this.capacity = capacity;
    this.num = Array.from({ length: nCols }, () => new Float64Array(capacity));
    // Text arrays are preallocated (holes = no text): pushing a million strings one by one costs four
    // times as much in V8, most of it in the garbage collector.
    this.str = header.map(() => null);
    this.keep = new Uint8Array(nCols);
    for (const c of this.options.keepText?.(header) ?? []) {
      if (c >= 0 && c < nCols) {
        this.keep[c] = 1;
        this.str[c] = new Array(capacity);
      }
    }
    this.rowNumber = new Int32Array(capacity);
  }

  /**
   * Read the records of `b` from `pos`. Returns the end of `b`, or — when `final` is false and `b`
   * ends inside a record (an open quoted cell) — that record's start, to be read again with more input.
   */
  readRecords(b: Uint8Array, pos: number, final: boolean): number {
    const file = this.options.file;
    const header = this.header;
    const nCols = this.nCols;
    const d = this.d;
    const keep = this.keep;
    const num = this.num;
    const str = this.str;
    const n = b.length;
    let capacity = this.capacity;
    let rowNumber = this.rowNumber;
    let row = this.row;
    let rec = this.rec;
    // The previous unquoted text cell of each column (its bytes in `b` and string), to reuse repeated ids.
    const prevStart = new Int32Array(nCols).fill(-1);
    const prevEnd = new Int32Array(nCols);
    const prevText: string[] = header.map(() => '');
    records: while (pos < n && nCols > 0) {
      const recordStart = pos;
      currentRow = ++rec;
      if (row === capacity) {
        // Only a file with bare CR line ends (or a short size estimate) outgrows the capacity.
        capacity = capacity * 2 + 16;
        for (let k = 0; k < nCols; k++) {
          const grown = new Float64Array(capacity);
          grown.set(num[k]);
          num[k] = grown;
          if (str[k]) str[k]!.length = capacity;
        }
        const grownRows = new Int32Array(capacity);
        grownRows.set(rowNumber);
        rowNumber = grownRows;
      }
      let col = 0;
      let blank = true;
      for (;;) {
        const start = pos;
        if (col < nCols && keep[col] === 0) {
          // The common cell: an unquoted plain number followed by the delimiter or the line end.
          if (scanNumber(b, pos)) {
            const v = scanned[0];
            const e = scanEnd;
            const c = b[e];
            if (c === d) {
              num[col++][row] = v;
              blank = false;
              pos = e + 1;
              continue;
            }
            if (e >= n || c === LF || c === CR) {
              num[col++][row] = v;
              blank = false;
              pos = e >= n ? n : e + (c === CR && b[e + 1] === LF ? 2 : 1);
              break;
            }
          }
        }
        if (b[pos] === QUOTE && col < nCols && keep[col] === 0 && quotedNumber(b, pos, d)) {
          // "1.5": a quoted plain number is still a number.
          num[col][row] = scanned[0];
          pos = scanEnd + 1;
          blank = false;
        } else if (b[pos] === QUOTE) {
          let t = '';
          let s0 = pos + 1;
          let k = s0;
          for (;;) {
            while (k < n && b[k] !== QUOTE) k++;
            if (k >= n) {
              if (!final) {
                // The quoted cell goes on in the next block: read this record again from its start
                // (the cells already stored for it are written again, to the same values).
                pos = recordStart;
                rec--;
                break records;
              }
              throw new InputError('a quoted cell is never closed (a " without its closing ")', {
                file,
                row: rec,
                hint: 'close the quote, or write a literal quote inside a quoted cell as ""',
              });
            }
            if (b[k + 1] === QUOTE) {
              t += decodeBytes(b, s0, k + 1);
              k += 2;
              s0 = k;
              continue;
            }
            t += decodeBytes(b, s0, k);
            break;
          }
          pos = k + 1;
          const after = pos;
          while (pos < n) {
            const c = b[pos];
            if (c === d || c === LF || c === CR) break;
            pos++;
          }
          if (pos > after) t += decodeBytes(b, after, pos);
          blank = false;
          if (col < nCols) {
            num[col][row] = NaN;
            (str[col] ??= new Array(capacity))[row] = t;
          } else if (t.trim() !== '') tooMany(file, rec, nCols, header);
        } else {
          let v = NaN;
          if (col < nCols && keep[col] === 0 && scanNumber(b, pos)) {
            const c = scanEnd < n ? b[scanEnd] : LF;
            if (c === d || c === LF || c === CR) {
              v = scanned[0];
              pos = scanEnd;
            }
          }
          if (v === v) {
            num[col][row] = v;
            blank = false;
          } else {
            while (pos < n) {
              const c = b[pos];
              if (c === d || c === LF || c === CR) break;
              pos++;
            }
            if (col < nCols) {
              num[col][row] = NaN;
              if (pos > start) {
                blank = false;
                const arr = (str[col] ??= new Array(capacity));
                let text: string;
                const ps = prevStart[col];
                if (ps >= 0 && prevEnd[col] - ps === pos - start && sameBytes(b, ps, start, pos - start)) text = prevText[col];
                else {
                  text = decodeBytes(b, start, pos);
                  prevText[col] = text;
                }
                prevStart[col] = start;
                prevEnd[col] = pos;
                arr[row] = text;
              } else if (keep[col] === 1) str[col]![row] = '';
            } else if (pos > start && decodeBytes(b, start, pos).trim() !== '') tooMany(file, rec, nCols, header);
          }
        }
        col++;
        if (pos >= n) break;
        const c = b[pos];
        if (c === d) {
          pos++;
          continue;
        }
        pos += c === CR && b[pos + 1] === LF ? 2 : 1;
        break;
      }
      for (; col < nCols; col++) {
        num[col][row] = NaN;
        if (keep[col] === 1) str[col]![row] = '';
      }
      if (blank) {
        // A blank line or a line of empty cells (",,,", as Excel leaves) holds no data: skip it.
        for (let k = 0; k < nCols; k++) if (str[k]) str[k]![row] = undefined;
        continue;
      }
      rowNumber[row] = rec;
      row++;
    }
    this.capacity = capacity;
    this.rowNumber = rowNumber;
    this.row = row;
    this.rec = rec;
    return nCols > 0 ? pos : n;
  }

  /**
   * The table. Columns longer than the rows read are cut to length: copied (`view` false, exact
   * arrays), or as views of the same memory (`view` true: the spare rows of an estimate are never
   * touched, and a copy would cost a fresh array per column).
   */
  finish(view: boolean): RawTable {
    const { row, capacity } = this;
    const cut = <T extends Float64Array | Int32Array>(v: T): T => (row === capacity ? v : view ? (v.subarray(0, row) as T) : (v.slice(0, row) as T));
    const columns: RawColumn[] = this.num.map((v, k) => {
      const s = this.str[k];
      if (s && s.length > row) s.length = row;
      return { num: cut(v), str: s };
    });
    return { header: this.header, columns, nRows: row, rowNumber: cut(this.rowNumber), file: this.options.file };
  }
}

function sameBytes(b: Uint8Array, a: number, c: number, len: number): boolean {
  for (let k = 0; k < len; k++) if (b[a + k] !== b[c + k]) return false;
  return true;
}

function tooMany(file: string | undefined, line: number, nCols: number, header: readonly string[]): never {
  throw new InputError(`this row has more cells than the header (${nCols} columns: ${header.slice(0, 8).join(', ')}${nCols > 8 ? ', …' : ''})`, {
    file,
    row: line,
    hint: 'give the extra cells a column name in the header, or quote cells that contain the delimiter',
  });
}

/** One CSV field, quoted when it holds the delimiter, a quote, a newline or edge spaces (RFC 4180). */
export function csvField(value: unknown, delimiter = ','): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isNaN(value) ? '' : String(value);
  const s = value instanceof Date ? value.toISOString() : String(value);
  if (s.includes(delimiter) || s.includes('"') || s.includes('\n') || s.includes('\r') || /^\s|\s$/.test(s)) {
    return `"${s.replace(/"/g, '""')}"`;
  }
  return s;
}

/** A table to write: rows (the first is the header), or columns keyed by name. */
export type CsvData = readonly (readonly unknown[])[] | Readonly<Record<string, ArrayLike<unknown>>>;

/**
 * Format rows or named columns as CSV text (RFC 4180 quoting, CRLF line ends as the RFC and Excel
 * use; NaN, null and undefined as empty cells; numbers in shortest round-trip form so they read back
 * exactly).
 */
export function formatCsv(data: CsvData, options: { delimiter?: string; eol?: string } = {}): string {
  const delim = options.delimiter ?? ',';
  const eol = options.eol ?? '\r\n';
  const lines: string[] = [];
  if (Array.isArray(data)) {
    for (const r of data as readonly (readonly unknown[])[]) lines.push(r.map((v) => csvField(v, delim)).join(delim));
  } else {
    const cols = data as Readonly<Record<string, ArrayLike<unknown>>>;
    const names = Object.keys(cols);
    lines.push(names.map((v) => csvField(v, delim)).join(delim));
    const n = names.length ? Math.max(...names.map((k) => cols[k].length)) : 0;
    for (let i = 0; i < n; i++) lines.push(names.map((k) => csvField(cols[k][i], delim)).join(delim));
  }
  return lines.length ? lines.join(eol) + eol : '';
}
