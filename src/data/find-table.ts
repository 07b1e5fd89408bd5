/**
 * Table finding: where the header and the data start in a sheet or CSV as users download them —
 * yearbook sheets with a title and a unit line above a two-row merged header, data.stats.gov.cn exports
 * (数据库/指标/时间 lines above the table), CSMAR's three header rows (code, Chinese label, unit).
 * Works on the first rows of the file as plain values; browser-safe.
 */
import type { Note } from '../core/notes.js';
import { parseCell, toHalfWidth, trimCell, yearOfHeader } from './cell.js';

/** Overrides of {@link findTable}: `--skip-rows N` and `--header-rows N`. */
export interface FindTableOptions {
  /** Rows above the header to skip (counted as in the sheet or file, blank rows included). */
  skipRows?: number;
  /** Header rows (1–5); their names are combined per column. */
  headerRows?: number;
}

/** The facts of a data.stats.gov.cn (国家数据) export, from the lines above its table. */
export interface NbsExport {
  readonly database?: string;
  readonly indicator?: string;
  readonly time?: string;
}

/** Where the table is in the rows, and its column names. */
export interface TableLayout {
  /** Index (0-based, in the rows given) of the first header row. */
  readonly headerStart: number;
  /** Number of header rows (≥ 1); data start at headerStart + headerRows. */
  readonly headerRows: number;
  /** Column names: the header row, or the header rows combined ("GDP_2021"), or CSMAR's code row. */
  readonly header: string[];
  /** Text of the rows above the header (titles, unit lines, NBS lines). */
  readonly preamble: readonly string[];
  readonly nbs?: NbsExport;
  /** CSMAR header: each column's Chinese label and unit (the second and third header rows). */
  readonly csmar?: { readonly labels: readonly string[]; readonly units: readonly string[] };
  /**
   * Two-row header of variables × years (a yearbook's merged indicator over its years): per column, the
   * variable and the year, or null for columns outside the block (the entity, a region).
   */
  readonly pairs?: readonly ({ readonly variable: string; readonly year: number } | null)[];
  readonly notes: readonly Note[];
}

/** A cell as text ('' when empty). */
export function cellString(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  return trimCell(String(v));
}

function filled(row: readonly unknown[] | undefined): number {
  let k = 0;
  if (row) for (const v of row) if (cellString(v) !== '') k++;
  return k;
}

/** A cell that is a number or a missing-value placeholder (what numeric columns hold). */
function numericCell(v: unknown): boolean {
  if (typeof v === 'number') return true;
  if (v instanceof Date) return false;
  const c = parseCell(cellString(v));
  return c.kind === 'number' || c.kind === 'placeholder';
}

function yearCell(v: unknown): boolean {
  if (typeof v === 'number') return Number.isInteger(v) && v >= 1900 && v <= 2100;
  const y = yearOfHeader(cellString(v));
  return y >= 1900 && y <= 2100;
}

const NBS_LINE = /^(数据库|指标|时间|地区|单位|数据来源)\s*[:：]\s*(.*)$/u;
const KEY_VALUE = /^[^\d:：]{1,12}[:：]/u;
const CSMAR_CODE = /^[A-Za-z][A-Za-z0-9_]*$/;
const CJK = /[\u3400-\u9fff]/u;

/**
 * Find the header and the start of the data in the first rows of a table (`rows`: cells as read, blank
 * rows included so that indices are row positions).
 *
 * - Rows above the header: leading rows with at most one filled cell (a title, "单位：亿元") or made of
 *   "key：value" cells (data.stats.gov.cn's 数据库/指标/时间 lines) are skipped.
 * - The header is the first other row. The rows below it are header rows too while they hold text
 *   where the body holds numbers (CSMAR's label and unit rows), or, with an empty first cell (merged
 *   vertically with the header above), years or labels under a merged cell.
 * - Two or more header rows are combined per column after filling merged cells rightwards
 *   ("地区生产总值" over 2021 and 2022); CSMAR's code row (Stkcd, Accper, F050501B) is used as it is.
 */
export function findTable(rows: readonly (readonly unknown[])[], options: FindTableOptions = {}): TableLayout {
  const notes: Note[] = [];
  const n = rows.length;
  let start: number;
  if (options.skipRows !== undefined) {
    start = options.skipRows;
    while (start < n && filled(rows[start]) === 0) start++;
  } else {
    const widest = rows.reduce((m, r) => Math.max(m, filled(r)), 0);
    start = 0;
    for (; start < n; start++) {
      const k = filled(rows[start]);
      if (k === 0) continue;
      if (widest <= 1) break;
      if (k === 1) continue;
      const texts = (rows[start] ?? []).map(cellString).filter((s) => s !== '');
      if (texts.every((s) => KEY_VALUE.test(s) && !numericCell(s))) continue;
      break;
    }
  }
  const preamble = rows.slice(0, Math.min(start, n)).map((r) => r.map(cellString).filter(Boolean).join(' ')).filter(Boolean);
  if (start >= n) return { headerStart: n, headerRows: 1, header: [], preamble, notes };
  const nbs = nbsExport(preamble);

  let count = options.headerRows ?? 1;
  if (options.headerRows === undefined) {
    // The body's column types from below the rows that may still be header rows (when there are rows there).
    const numericCols = bodyNumericColumns(rows, rows.slice(start + 4).some((r) => filled(r) > 0) ? start + 4 : start + 1);
    for (let r = start + 1; r < Math.min(n, start + 4); r++) {
      if (!continuesHeader(rows[r] ?? [], numericCols, rows[r + 1])) break;
      count++;
    }
  }
  count = Math.max(1, Math.min(count, n - start));
  const headerRows = rows.slice(start, start + count).map((r) => r.map(cellString));
  const width = Math.max(...headerRows.map((r) => r.length), ...rows.slice(start + count, start + count + 50).map((r) => r.length));
  for (const r of headerRows) while (r.length < width) r.push('');
  // Trailing columns with no name and no data below are not columns.
  let w = width;
  while (w > 0 && headerRows.every((r) => r[w - 1] === '') && rows.slice(start + count).every((r) => cellString(r[w - 1]) === '')) w--;
  for (const r of headerRows) r.length = w;

  let header: string[];
  let csmar: TableLayout['csmar'];
  let pairs: TableLayout['pairs'];
  if (count === 1) header = headerRows[0]!;
  else if (isCsmarHeader(headerRows)) {
    header = headerRows[0]!;
    csmar = { labels: headerRows[1]!, units: headerRows[2] ?? [] };
    notes.push({ level: 'info', code: 'csmar-header', message: `read a CSMAR header: column codes from row ${start + 1}, labels and units from the ${count - 1} row${count > 2 ? 's' : ''} below` });
  } else {
    const merged = fillMerged(headerRows);
    pairs = yearPairs(merged);
    header = merged[0]!.map((_, c) => {
      const parts: string[] = [];
      for (const r of merged) {
        const s = r[c]!;
        if (s !== '' && !parts.includes(s)) parts.push(s);
      }
      return parts.join('_');
    });
    notes.push({ level: 'info', code: 'header-rows', message: `combined ${count} header rows (rows ${start + 1}–${start + count}) into column names` });
  }
  if (start > 0) {
    notes.push({
      level: 'info',
      code: 'skipped-rows',
      message: `the header is on row ${start + 1}: skipped ${start} row${start > 1 ? 's' : ''} above it${preamble.length ? ` ("${preamble[0]!.slice(0, 40)}"${preamble.length > 1 ? ', …' : ''})` : ''}`,
    });
  }
  return { headerStart: start, headerRows: count, header, preamble, nbs, csmar, pairs, notes };
}

/** Columns whose cells below the header are mostly numbers (numbers and placeholders ≥ 60%). */
function bodyNumericColumns(rows: readonly (readonly unknown[])[], from: number): Set<number> {
  const num = new Map<number, number>();
  const all = new Map<number, number>();
  for (let r = from; r < Math.min(rows.length, from + 60); r++) {
    (rows[r] ?? []).forEach((v, c) => {
      if (cellString(v) === '') return;
      all.set(c, (all.get(c) ?? 0) + 1);
      if (numericCell(v) && !yearCell(v)) num.set(c, (num.get(c) ?? 0) + 1);
    });
  }
  const out = new Set<number>();
  for (const [c, k] of all) if ((num.get(c) ?? 0) >= 0.6 * k) out.add(c);
  return out;
}

/** Whether `row`, just below a header row, is a header row too. */
function continuesHeader(row: readonly unknown[], numericCols: ReadonlySet<number>, next: readonly unknown[] | undefined): boolean {
  const cells = row.map((v, c) => ({ v, c, s: cellString(v) })).filter((x) => x.s !== '');
  if (cells.length === 0) return false;
  // Text (not a number, not a placeholder, not a year) in columns whose body is numeric: labels or units.
  // A data row with one odd cell ("n.a.") holds numbers elsewhere (a year, an id); label and unit rows hold none.
  const inNumeric = cells.filter((x) => numericCols.has(x.c));
  const anyNumber = cells.some((x) => typeof x.v === 'number' || parseCell(x.s).kind === 'number');
  if (!anyNumber && inNumeric.length > 0 && inNumeric.filter((x) => !numericCell(x.v) && !yearCell(x.v)).length >= 0.6 * inNumeric.length) return true;
  // An empty first cell (merged down from the header) with years or labels under merged cells.
  if (cellString(row[0]) === '' && cells.length >= 2 && cellString(next?.[0]) !== '') {
    return cells.every((x) => yearCell(x.v) || !numericCell(x.v));
  }
  return false;
}

function isCsmarHeader(h: readonly string[][]): boolean {
  const codes = h[0]!.filter((s) => s !== '');
  return h.length >= 2 && codes.length >= 2 && codes.every((s) => CSMAR_CODE.test(s)) && h[1]!.some((s) => CJK.test(s));
}

/**
 * Header rows with merged cells filled: in every row but the last, an empty cell takes the name on its
 * left when a row below names the column (a merged cell spans it).
 */
function fillMerged(h: readonly string[][]): string[][] {
  const out = h.map((r) => [...r]);
  for (let i = 0; i < out.length - 1; i++) {
    const r = out[i]!;
    for (let c = 1; c < r.length; c++) {
      if (r[c] !== '' || r[c - 1] === '') continue;
      // A merged cell spans c when rows below name both c and its left neighbour (a block they divide).
      const below = out.slice(i + 1);
      if (below.some((b) => b[c] !== '') && below.some((b) => b[c - 1] !== '')) r[c] = r[c - 1]!;
    }
  }
  return out;
}

/** Per column, (variable, year) when a two-row header pairs a label with a year; undefined when fewer than two columns pair. */
function yearPairs(h: readonly string[][]): TableLayout['pairs'] {
  if (h.length !== 2) return undefined;
  const [top, bottom] = h as [string[], string[]];
  const year = (s: string) => {
    const y = yearOfHeader(toHalfWidth(s));
    return y >= 1900 && y <= 2100 ? y : NaN;
  };
  const pairs = top.map((t, c) => {
    const b = bottom[c]!;
    if (t !== '' && b !== '' && !Number.isNaN(year(b)) && Number.isNaN(year(t))) return { variable: t, year: year(b) };
    if (t !== '' && b !== '' && !Number.isNaN(year(t)) && Number.isNaN(year(b))) return { variable: b, year: year(t) };
    return null;
  });
  return pairs.filter(Boolean).length >= 2 ? pairs : undefined;
}

function nbsExport(preamble: readonly string[]): NbsExport | undefined {
  const out: Record<string, string> = {};
  for (const line of preamble) {
    const m = NBS_LINE.exec(line);
    if (!m) continue;
    const key = { 数据库: 'database', 指标: 'indicator', 时间: 'time' }[m[1]!];
    if (key) out[key] = m[2]!.trim();
  }
  return out.database !== undefined || out.indicator !== undefined || out.time !== undefined ? out : undefined;
}
