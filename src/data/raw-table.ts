import { dateCellValue } from './period.js';

/*
 * A table as read from a file, before it becomes a Panel: a header and one column per header cell.
 * Numeric cells are kept in a Float64Array without allocating per cell; anything else is kept as text
 * for parseCell to judge. CSV, XLSX and JSON readers all produce this shape.
 */

/** One column of a {@link RawTable}: numbers where cells were plain numbers, text elsewhere. */
export interface RawColumn {
  /** The number per row where the cell was a plain number; NaN elsewhere. */
  readonly num: Float64Array;
  /**
   * The cell text where the cell was not a plain number (undefined where it was a number or empty);
   * `null` when no cell of the column needed text. For columns read with `keepText`, every cell.
   */
  readonly str: (string | undefined)[] | null;
}

/** Header, columns and spreadsheet row numbers of a table read from a file. */
export interface RawTable {
  readonly header: readonly string[];
  readonly columns: readonly RawColumn[];
  readonly nRows: number;
  /** Spreadsheet row number of each data row (header = row 1; blank rows are counted, not kept). */
  readonly rowNumber: Int32Array;
  /** File name for error messages. */
  readonly file?: string;
  /** Spreadsheet row of the (last) header row, when table finding found it below row 1. */
  readonly headerRow?: number;
}

/**
 * Keep the rows of `table` whose column `column` (a header name) reads `value` — e.g. one system of
 * nqpf's long scores.csv, which holds one row per entity, period and system. The column stays.
 *
 * @returns the table, or undefined when it has no such column.
 */
export function rawRowsWhere(table: RawTable, column: string, value: string): RawTable | undefined {
  const k = table.header.findIndex((h) => h.trim().toLowerCase() === column.toLowerCase());
  if (k < 0) return undefined;
  const keep: number[] = [];
  for (let r = 0; r < table.nRows; r++) if (cellText(table.columns[k], r).trim() === value) keep.push(r);
  const columns = table.columns.map((c) => ({
    num: Float64Array.from(keep, (r) => c.num[r]),
    str: c.str === null ? null : keep.map((r) => c.str![r]),
  }));
  return { ...table, columns, nRows: keep.length, rowNumber: Int32Array.from(keep, (r) => table.rowNumber[r]) };
}

/** Distinct texts of column `column` (a header name), or undefined when the table has no such column. */
export function distinctTexts(table: RawTable, column: string): string[] | undefined {
  const k = table.header.findIndex((h) => h.trim().toLowerCase() === column.toLowerCase());
  if (k < 0) return undefined;
  const seen = new Set<string>();
  for (let r = 0; r < table.nRows; r++) seen.add(cellText(table.columns[k], r).trim());
  return [...seen];
}

/** The text of cell (row, col) as a person sees it ("" when empty). */
export function cellText(col: RawColumn, row: number): string {
  const s = col.str?.[row];
  if (s !== undefined) return s;
  const v = col.num[row];
  return Number.isNaN(v) ? '' : String(v);
}

/**
 * Build a {@link RawTable} from rows of JS values (XLSX sheets, JSON records): numbers go to `num`,
 * strings to `str`, null/undefined/'' are empty, booleans become text, dates their ISO text
 * yyyy-mm-dd — except a year typed into a date-formatted cell, which is the year (see
 * {@link dateCellValue}: 2016, never 1905-07-08).
 *
 * @param firstRowNumber spreadsheet row number of `rows[0]` (2 when a header row precedes it).
 */
export function rawTableFromRows(
  header: readonly string[],
  rows: readonly (readonly unknown[])[],
  file?: string,
  firstRowNumber = 2,
): RawTable {
  const n = rows.length;
  const columns: { num: Float64Array; str: (string | undefined)[] | null }[] = header.map(() => ({
    num: new Float64Array(n).fill(NaN),
    str: null,
  }));
  for (let i = 0; i < n; i++) {
    const row = rows[i];
    for (let c = 0; c < columns.length; c++) {
      const v = row[c];
      if (v === null || v === undefined || v === '') continue;
      if (typeof v === 'number') {
        if (Number.isFinite(v)) columns[c].num[i] = v;
        else (columns[c].str ??= new Array(n))[i] = String(v);
        continue;
      }
      const dv = v instanceof Date ? dateCellValue(v) : String(v);
      if (typeof dv === 'number') columns[c].num[i] = dv;
      else (columns[c].str ??= new Array(n))[i] = dv;
    }
  }
  return {
    header,
    columns,
    nRows: n,
    rowNumber: Int32Array.from({ length: n }, (_, i) => i + firstRowNumber),
    file,
  };
}

