/**
 * Periods as users' files write them: years (2016, "2016年", "2016年度"), dates ("2016-12-31", CSMAR's
 * Accper, Excel date cells), months ("2016-12", "2016年12月", "2016M12") and quarters ("2016Q4",
 * "2016年第四季度"). Browser-safe.
 *
 * A panel's period is a number: the year (2016) for annual data, year×10 + quarter (20164) for
 * quarterly data and year×100 + month (201612) for monthly data — the yyyymm convention of Chinese
 * financial databases (CSMAR, Wind), which sorts in time order and reads back unambiguously.
 */
import { toHalfWidth, trimCell } from './cell.js';

/** How often a panel observes its entities. */
export type Frequency = 'year' | 'quarter' | 'month';

/** A period cell read by {@link parsePeriodValue}: its year, and its month or quarter when it has one. */
export interface PeriodParts {
  readonly year: number;
  /** 1–12 when the cell names a month or a date. */
  readonly month?: number;
  /** 1–4 when the cell names a quarter. */
  readonly quarter?: number;
  /** Day of month when the cell is a full date. */
  readonly day?: number;
  /** What the cell wrote: a year, a quarter, a month, or a full date. */
  readonly given: 'year' | 'quarter' | 'month' | 'date';
}

const CN_DIGIT: Record<string, number> = { 一: 1, 二: 2, 三: 3, 四: 4, 1: 1, 2: 2, 3: 3, 4: 4 };
const YEAR = /^(\d{4})(?:\.0+)?\s*(?:年|年度)?$/;
const DATE = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?(?:[ T]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/;
const MONTH = /^(\d{4})\s*(?:[-/年]|m|M)\s*(\d{1,2})\s*月?(?:份)?$/;
const QUARTER = /^(\d{4})\s*(?:年)?\s*[-\s]?\s*(?:[qQ]([1-4])|第?([1-4一二三四])季度?)$/;
const QUARTER_FIRST = /^[qQ]([1-4])[\s-]*(\d{4})$/;

function validYear(y: number): boolean {
  return y >= 1000 && y <= 2999;
}

/** Days from 1899-12-30 (Excel's day 0 in the 1900 date system, counting its phantom 1900-02-29). */
const EXCEL_EPOCH = Date.UTC(1899, 11, 30);

/**
 * The Excel serial number of a date cell (1900 date system, as read-excel-file converts it), so that
 * a year typed into a date-formatted cell (2016 shown as 1905-07-08) can be read back as 2016.
 */
export function excelSerial(date: Date): number {
  return (date.getTime() - EXCEL_EPOCH) / 86400000;
}

/**
 * A date-typed spreadsheet cell as the value the user meant: a year typed into a cell with a date
 * format (an integer serial 1000–2999, i.e. a "date" in 1902–1908) is that year as a number; any
 * other date is its ISO text yyyy-mm-dd.
 */
export function dateCellValue(date: Date): number | string {
  const serial = excelSerial(date);
  if (Number.isInteger(serial) && validYear(serial)) return serial;
  return date.toISOString().slice(0, 10);
}

/**
 * Read a period cell: a number (a year 1000–2999, yyyymmdd or yyyymm), a Date, or text in the forms
 * above (full-width digits and spaces allowed). Undefined when the cell is not a period.
 */
export function parsePeriodValue(value: string | number | Date): PeriodParts | undefined {
  if (value instanceof Date) {
    const v = dateCellValue(value);
    return typeof v === 'number' ? { year: v, given: 'year' } : parsePeriodValue(v);
  }
  if (typeof value === 'number') {
    if (!Number.isInteger(value)) return undefined;
    if (validYear(value)) return { year: value, given: 'year' };
    if (value >= 100001 && value <= 299912) return monthOf(Math.floor(value / 100), value % 100);
    if (value >= 10000101 && value <= 29991231) return dateOf(Math.floor(value / 10000), Math.floor(value / 100) % 100, value % 100);
    return undefined;
  }
  const s = toHalfWidth(trimCell(value));
  let m = YEAR.exec(s);
  if (m) return validYear(Number(m[1])) ? { year: Number(m[1]), given: 'year' } : undefined;
  if ((m = DATE.exec(s))) return dateOf(Number(m[1]), Number(m[2]), Number(m[3]));
  if ((m = MONTH.exec(s))) return monthOf(Number(m[1]), Number(m[2]));
  if ((m = QUARTER.exec(s))) return quarterOf(Number(m[1]), CN_DIGIT[m[2] ?? m[3]!]!);
  if ((m = QUARTER_FIRST.exec(s))) return quarterOf(Number(m[2]), Number(m[1]));
  if (/^\d{6}$|^\d{8}$/.test(s)) return parsePeriodValue(Number(s));
  return undefined;
}

function dateOf(year: number, month: number, day: number): PeriodParts | undefined {
  if (!validYear(year) || month < 1 || month > 12 || day < 1 || day > 31) return undefined;
  return { year, month, day, given: 'date' };
}

function monthOf(year: number, month: number): PeriodParts | undefined {
  if (!validYear(year) || month < 1 || month > 12) return undefined;
  return { year, month, given: 'month' };
}

function quarterOf(year: number, quarter: number): PeriodParts | undefined {
  return validYear(year) ? { year, quarter, given: 'quarter' } : undefined;
}

/**
 * The frequency a column of periods implies: quarter when a cell names a quarter, month when one
 * names a month; for dates, year when all fall on the same month and day (annual reports dated
 * 12-31), quarter when all fall on quarter ends (months 3, 6, 9, 12), else month. Year otherwise.
 */
export function detectFrequency(parts: Iterable<PeriodParts | undefined>): Frequency {
  let quarter = false;
  let month = false;
  const dayOfYear = new Set<number>();
  let quarterEnds = true;
  for (const p of parts) {
    if (!p) continue;
    if (p.given === 'quarter') quarter = true;
    else if (p.given === 'month') month = true;
    else if (p.given === 'date') {
      dayOfYear.add(p.month! * 100 + p.day!);
      if (p.month! % 3 !== 0) quarterEnds = false;
    }
  }
  if (month) return 'month';
  if (quarter) return quarterEnds ? 'quarter' : 'month';
  if (dayOfYear.size <= 1) return 'year';
  return quarterEnds ? 'quarter' : 'month';
}

/**
 * The panel's period number of `p` at `frequency`: the year; year×10 + quarter; year×100 + month. A
 * date or month is placed in its quarter for quarterly data. NaN when `p` is coarser than `frequency`
 * (a bare year in monthly data).
 */
export function periodCode(p: PeriodParts, frequency: Frequency): number {
  if (frequency === 'year') return p.year;
  if (frequency === 'quarter') {
    const q = p.quarter ?? (p.month !== undefined ? Math.ceil(p.month / 3) : undefined);
    return q === undefined ? NaN : p.year * 10 + q;
  }
  return p.month === undefined ? NaN : p.year * 100 + p.month;
}

/** The period number `code` written for people: "2016", "2016Q4", "2016-12". */
export function formatPeriod(code: number, frequency: Frequency = 'year'): string {
  if (frequency === 'quarter') return `${Math.floor(code / 10)}Q${code % 10}`;
  if (frequency === 'month') return `${Math.floor(code / 100)}-${String(code % 100).padStart(2, '0')}`;
  return String(code);
}
