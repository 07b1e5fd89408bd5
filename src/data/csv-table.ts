/**
 * Reading CSV into a {@link RawTable}: straight from UTF-8 bytes to one Float64Array per column; cells
 * that are not plain numbers (quoted text, placeholders, "1,234.5") are kept as text for
 * {@link parseCell}. Pure; runs in a browser.
 */
import { InputError } from '../core/errors.js';
import { detectDelimiter, parseCsv } from './csv-parse.js';
import { NumberScanner, decodeBytes, decodeUtf8 } from './csv-scan.js';
import type { RawColumn, RawTable } from './raw-table.js';

/** Options of {@link readCsvTable}. */
export interface CsvReadOptions {
  /** Field delimiter; default: detected from the header line among ',', ';' and tab. */
  delimiter?: string;
  /** File name for error messages. */
  file?: string;
  /** Indices of columns whose cells are all kept as text (ids with leading zeros, names). */
  keepText?: (header: readonly string[]) => Iterable<number>;
  /**
   * The header found by table finding ({@link findTable}): skip the first `skip` records (blank ones
   * included: titles, NBS lines, the header rows themselves) and use `names` as the header. With
   * `skip` 0 the input has no header line (a later part of a file) and its rows count from 1.
   */
  header?: { readonly skip: number; readonly names: readonly string[] };
}

const QUOTE = 34;
const CR = 13;
const LF = 10;
const utf8Encoder = new TextEncoder();
/** Integer ids below this are interned in an array indexed by value (firm codes 1…N), others in a map. */
const SMALL_IDS = 1 << 22;

/**
 * True when the quoted cell opening at `pos` holds just a plain number followed by the closing quote
 * and a delimiter or line end (the number in `sc.value`, the closing quote at `sc.end`). On false,
 * `sc.end` is where scanning stopped, at or after `pos + 1`: the bytes before it hold no quote.
 */
function quotedNumber(sc: NumberScanner, b: Uint8Array, pos: number, d: number): boolean {
  if (!sc.scan(b, pos + 1)) {
    sc.end = pos + 1;
    return false;
  }
  if (b[sc.end] !== QUOTE) return false;
  const c = sc.end + 1 < b.length ? b[sc.end + 1] : LF;
  return c === d || c === LF || c === CR;
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
  // Spreadsheet row of the last record read: the header is row 1 (blank rows before it are not counted),
  // or, with a header found by table finding, the row of the last record skipped.
  private rec = 1;
  private skipped = 0;
  private readonly sc = new NumberScanner();
  /** Per keepText column: the string of each integer id seen (value → string). */
  private readonly intern: (Map<number, string> | undefined)[] = [];
  /** The same for ids below {@link SMALL_IDS}, indexed by value. */
  private readonly small: (string[] | undefined)[] = [];

  constructor(private readonly options: CsvReadOptions) {}

  /**
   * Read the header from the first non-blank record at or after `pos`; returns the position after
   * it. When `b` ends inside that record and more input follows (`final` false), returns the
   * record's start and stays not ready.
   */
  readHeader(b: Uint8Array, pos: number, final: boolean): number {
    const n = b.length;
    const given = this.options.header;
    if (given && given.skip === 0) {
      // Records from the first byte (a later part of a file read in parallel): no header line.
      this.d = (this.options.delimiter ?? ',').charCodeAt(0);
      this.header = [...given.names];
      this.rec = 0;
      this.ready = true;
      return pos;
    }
    while (pos < n) {
      const r = recordEnd(b, pos);
      if (r.end >= n && !final) return pos;
      if (given) {
        // Records above the data (titles, NBS lines, header rows) found by table finding: skip them.
        if (this.skipped === 0) this.d = (this.options.delimiter ?? detectDelimiter(decodeUtf8(b.subarray(pos, r.end), 1))).charCodeAt(0);
        pos = r.next;
        if (++this.skipped < given.skip) continue;
        this.header = [...given.names];
        this.rec = given.skip;
        this.ready = true;
        return pos;
      }
      const line = decodeUtf8(b.subarray(pos, r.end), 1);
      pos = r.next;
      if (line.trim() === '') continue;
      const delim = this.options.delimiter ?? detectDelimiter(line);
      this.d = delim.charCodeAt(0);
      this.header = parseCsv(line, { delimiter: delim, file: this.options.file })[0] ?? [];
      this.ready = true;
      return pos;
    }
    if (final) {
      if (given) this.header = [...given.names];
      this.ready = true;
    }
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
    const sc = this.sc;
    let capacity = this.capacity;
    let rowNumber = this.rowNumber;
    let row = this.row;
    let rec = this.rec;
    // The previous unquoted text cell of each column (its bytes in `b` and string), to reuse repeated ids.
    const prevStart = new Int32Array(nCols).fill(-1);
    const prevEnd = new Int32Array(nCols);
    const prevText: string[] = header.map(() => '');
    const intern = this.intern;
    const small = this.small;
    records: while (pos < n && nCols > 0) {
      const recordStart = pos;
      ++rec;
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
          if (sc.scan(b, pos)) {
            const v = sc.value;
            const e = sc.end;
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
        if (b[pos] === QUOTE) {
          let t = '';
          let s0 = pos + 1;
          let k = s0;
          if (col < nCols && keep[col] === 0) {
            if (quotedNumber(sc, b, pos, d)) {
              // "1.5": a quoted plain number is still a number.
              num[col][row] = sc.value;
              pos = sc.end + 1;
              blank = false;
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
            // The number scan stopped inside the cell at a byte that is no quote: look for the closing quote from there.
            k = sc.end;
          }
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
              t += decodeBytes(b, s0, k + 1, rec);
              k += 2;
              s0 = k;
              continue;
            }
            t += decodeBytes(b, s0, k, rec);
            break;
          }
          pos = k + 1;
          const after = pos;
          while (pos < n) {
            const c = b[pos];
            if (c === d || c === LF || c === CR) break;
            pos++;
          }
          if (pos > after) t += decodeBytes(b, after, pos, rec);
          blank = false;
          if (col < nCols) {
            num[col][row] = NaN;
            (str[col] ??= new Array(capacity))[row] = t;
          } else if (t.trim() !== '') tooMany(file, rec, nCols, header);
        } else {
          let v = NaN;
          if (col < nCols && keep[col] === 0 && sc.scan(b, pos)) {
            const c = sc.end < n ? b[sc.end] : LF;
            if (c === d || c === LF || c === CR) {
              v = sc.value;
              pos = sc.end;
            }
          }
          if (v === v) {
            num[col][row] = v;
            blank = false;
          } else {
            // Up to the cell's end; for a keepText column, the value of a cell of digits on the way.
            let iv = 0;
            let plain = col < nCols && keep[col] === 1;
            while (pos < n) {
              const c = b[pos];
              if (c === d || c === LF || c === CR) break;
              if (plain) {
                const dg = c - 48;
                if (dg >= 0 && dg <= 9) iv = iv * 10 + dg;
                else plain = false;
              }
              pos++;
            }
            // A plain integer as a person writes an id: no leading zero, at most 15 digits (so that
            // String(iv) gives the bytes back).
            if (plain && (pos - start > 15 || (b[start] === 48 && pos - start > 1))) plain = false;
            if (col < nCols) {
              num[col][row] = NaN;
              if (pos > start) {
                blank = false;
                const arr = (str[col] ??= new Array(capacity));
                let text: string;
                const ps = prevStart[col];
                if (plain) {
                  // An id that is a plain integer: its value too (panels rank such ids as numbers), and
                  // one string per distinct id, so a shuffled file does not decode every cell.
                  num[col][row] = iv;
                  if (iv < SMALL_IDS) {
                    const seen = (small[col] ??= []);
                    text = seen[iv] ?? (seen[iv] = String(iv));
                  } else {
                    const seen = (intern[col] ??= new Map());
                    text = seen.get(iv) ?? '';
                    if (text === '') seen.set(iv, (text = String(iv)));
                  }
                  arr[row] = text;
                  col++;
                  if (pos >= n) break;
                  const c = b[pos];
                  if (c === d) {
                    pos++;
                    continue;
                  }
                  pos += c === CR && b[pos + 1] === LF ? 2 : 1;
                  break;
                } else if (ps >= 0 && prevEnd[col] - ps === pos - start && sameBytes(b, ps, start, pos - start)) {
                  text = prevText[col];
                } else {
                  text = decodeBytes(b, start, pos, rec);
                  prevText[col] = text;
                }
                prevStart[col] = start;
                prevEnd[col] = pos;
                arr[row] = text;
              } else if (keep[col] === 1) str[col]![row] = '';
            } else if (pos > start && decodeBytes(b, start, pos, rec).trim() !== '') tooMany(file, rec, nCols, header);
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

