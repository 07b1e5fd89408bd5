/**
 * Column roles: which column holds the entity, the period, the variable names of a wide table and the
 * entities' group — given by the user (--entity, --period, …) or recognised by name and content.
 * Pure; runs in a browser.
 */
import { InputError } from '../core/errors.js';
import { yearOfHeader } from './cell.js';
import { isTextColumn } from './clean.js';
import { ENTITY_NAMES, GROUP_NAMES, PERIOD_NAMES, VARIABLE_NAMES, findColumn, normaliseHeader } from './columns.js';
import { detectFrequency, parsePeriodValue, periodCode, type Frequency } from './period.js';
import { cellText, type RawTable } from './raw-table.js';

/** The user's choices of column roles (all optional; detected when left out). */
export interface RoleOptions {
  entity?: string;
  period?: string;
  layout?: 'long' | 'wide' | 'auto';
  variable?: string;
  group?: string;
  frequency?: Frequency | 'auto';
}

/** The roles found for the columns of a table (indices into its header; -1 for none). */
export interface ColumnRoles {
  readonly entity: number;
  /** The period column of a long table; -1 in the wide layout and in a cross-section. */
  readonly period: number;
  /** Wide layout: one column per year. */
  readonly wide: boolean;
  /**
   * The period of each column header (NaN for columns that are not periods): years, or in a wide
   * table of quarters or months ("2022年第四季度", "2022年12月") their period numbers.
   */
  readonly yearCols: readonly number[];
  /** Frequency of the wide table's period columns ('year' for years). */
  readonly frequency: Frequency;
  /** Wide layout: the column naming each row's variable, or -1. */
  readonly variable: number;
  /** The entities' group column, or -1. */
  readonly group: number;
  /** No period column and no year columns: one row per entity (a cross-section). */
  readonly crossSection: boolean;
}

/**
 * Find the column roles of `table` (column names `names`). The period column is one named like
 * {@link PERIOD_NAMES}; else the wide layout when column headers are years; else a cross-section
 * (no period). The entity column is one named like {@link ENTITY_NAMES}, else the first text column.
 *
 * @throws InputError for unknown --entity/--period/--variable/--group columns and for a table with no
 *   text column to be the entity.
 */
export function detectRoles(table: RawTable, names: readonly string[], options: RoleOptions): ColumnRoles {
  const layout = options.layout ?? 'auto';
  let periodK = -1;
  if (options.period !== undefined) periodK = namedColumn(table, names, options.period, 'period', '--period');
  else if (layout !== 'wide') periodK = findColumn(names, PERIOD_NAMES);
  let yearCols = names.map((h, k) => (k === periodK ? NaN : yearOfHeader(h)));
  let frequency: Frequency = 'year';
  if (periodK < 0 && layout !== 'long' && yearCols.every(Number.isNaN)) {
    // NBS monthly and quarterly exports: one column per month or quarter.
    const parts = names.map((h) => {
      const p = parsePeriodValue(h);
      return p && (p.given === 'month' || p.given === 'quarter') && /\D/.test(h.trim()) ? p : undefined;
    });
    if (parts.some(Boolean)) {
      const f = options.frequency;
      frequency = f === 'quarter' || f === 'month' ? f : detectFrequency(parts);
      yearCols = parts.map((p) => (p ? periodCode(p, frequency) : NaN));
    }
  }
  const nYears = yearCols.filter((y) => !Number.isNaN(y)).length;
  const wide = layout === 'wide' || (layout === 'auto' && periodK < 0 && nYears > 0);
  if (wide && nYears === 0) {
    throw new InputError('no periods: the wide layout needs one column per year, such as "2015" or "2015年"', {
      file: table.file,
      row: table.headerRow ?? 1,
      hint: `columns found: ${names.join(', ')}`,
    });
  }
  let entityK: number;
  const skip = new Set<number>([periodK]);
  yearCols.forEach((y, k) => !Number.isNaN(y) && skip.add(k));
  if (options.entity !== undefined) entityK = namedColumn(table, names, options.entity, 'entity', '--entity');
  else {
    entityK = findColumn(names, ENTITY_NAMES, skip);
    if (entityK < 0) entityK = names.findIndex((_, k) => !skip.has(k) && isTextColumn(table, k));
    if (entityK < 0) {
      throw new InputError('no entity column: no column is named id/entity/region/province/country/地区/省份, and no column holds text', {
        file: table.file,
        row: table.headerRow ?? 1,
        hint: `name the entity column with --entity COL (columns: ${names.join(', ')})`,
      });
    }
  }
  const used = new Set<number>([entityK, periodK, ...[...skip]]);
  let varK = -1;
  if (wide) {
    varK = options.variable !== undefined ? namedColumn(table, names, options.variable, 'variable', 'variable') : findColumn(names, VARIABLE_NAMES, used);
    if (varK >= 0) used.add(varK);
  }
  const groupK = options.group !== undefined ? namedColumn(table, names, options.group, 'group', 'group') : findColumn(names, GROUP_NAMES, used);
  return { entity: entityK, period: periodK, wide, yearCols, frequency, variable: varK, group: groupK, crossSection: !wide && periodK < 0 };
}

/**
 * Columns whose cells are kept as text while parsing a CSV: the entity column (ids such as "000001"
 * keep their zeros) and any column named like an entity, a variable or a group by the options.
 */
export function textColumns(header: readonly string[], options: RoleOptions): number[] {
  const out: number[] = [];
  const norm = header.map(normaliseHeader);
  for (const name of [options.entity, options.variable, options.group]) {
    if (name !== undefined) {
      const k = norm.indexOf(normaliseHeader(name));
      if (k >= 0) out.push(k);
    }
  }
  if (options.entity === undefined) {
    const k = findColumn(header, ENTITY_NAMES);
    if (k >= 0) out.push(k);
  }
  return out;
}

/** Index of the column the user named (exactly, else after normalising), or an InputError listing the columns. */
export function namedColumn(table: RawTable, names: readonly string[], wanted: string, role: string, flag: string): number {
  const k = names.indexOf(wanted.trim());
  if (k >= 0) return k;
  const norm = normaliseHeader(wanted);
  const loose = names.findIndex((h) => normaliseHeader(h) === norm);
  if (loose >= 0) return loose;
  throw new InputError(`unknown ${role} column "${wanted}"`, {
    file: table.file,
    row: table.headerRow ?? 1,
    column: wanted,
    hint: `${flag} must name a column of the header; available columns: ${names.join(', ')}`,
  });
}

/** True when every cell is text (no hole) without edge spaces. */
function allTrimmedText(str: readonly (string | undefined)[]): boolean {
  for (let i = 0; i < str.length; i++) {
    const s = str[i];
    if (s === undefined) return false;
    if (s.length > 0 && (s.charCodeAt(0) <= 32 || s.charCodeAt(s.length - 1) <= 32)) return false;
  }
  return true;
}

/** Entity ids per row: the cell text, trimmed (the column's own array when it needs no change). */
export function entityIds(table: RawTable, k: number): string[] {
  const col = table.columns[k];
  if (col.str && col.str.length === table.nRows && allTrimmedText(col.str)) return col.str as string[];
  const out: string[] = [];
  let prev = '';
  let prevId = '';
  for (let i = 0; i < table.nRows; i++) {
    const s = cellText(col, i);
    if (s === prev && i > 0) {
      out.push(prevId);
      continue;
    }
    // trim() only where needed: most ids have no edge spaces, and trimming a million ids costs.
    const last = s.length - 1;
    prev = s;
    prevId = last >= 0 && (s.charCodeAt(0) <= 32 || s.charCodeAt(last) <= 32) ? s.trim() : s;
    out.push(prevId);
  }
  return out;
}

/** The file name without folder and extension. */
export function stem(file: string | undefined): string | undefined {
  if (!file) return undefined;
  const base = file.split(/[\\/]/).pop() ?? file;
  return base.replace(/\.[^.]+$/, '');
}

