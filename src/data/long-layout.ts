/**
 * The long layout: one row per entity and period (entity, period, variables…). Pure; runs in a browser.
 */
import { InputError } from '../core/errors.js';
import type { NoteLog } from '../core/notes.js';
import { classifyColumn, missingNote } from './clean.js';
import { entityIds, type ColumnRoles } from './column-roles.js';
import { entityInfo } from './entities.js';
import { makePanel, type DatasetMeta, type Panel } from './panel.js';
import { detectFrequency, formatPeriod, parsePeriodValue, periodCode, type Frequency, type PeriodParts } from './period.js';
import type { RawTable } from './raw-table.js';

/** Options of {@link longToPanel}. */
export interface LongOptions {
  /** `auto` (default): detected from the period cells ({@link detectFrequency}). */
  frequency?: Frequency | 'auto';
  /** A cross-section's period (e.g. the year of an NBS export's 时间 line); default 0. */
  crossSectionPeriod?: number;
  tableOwned?: boolean;
  /** Entity order (see `entityOrder` of {@link makePanel}). */
  entityOrder?: ReadonlyMap<string, number>;
}

/** A panel from a long table whose column roles are known. */
export function longToPanel(table: RawTable, names: readonly string[], roles: ColumnRoles, options: LongOptions, meta: DatasetMeta, log: NoteLog): Panel {
  const n = table.nRows;
  const entityK = roles.entity;
  const periodK = roles.period;
  const ids = entityIds(table, entityK);
  let period: Float64Array;
  let frequency: Frequency = 'year';
  if (roles.crossSection) {
    period = crossSection(table, names, ids, entityK, options.crossSectionPeriod ?? 0, log);
  } else {
    const r = readPeriods(table, names, periodK, options.frequency ?? 'auto', log);
    period = r.period;
    frequency = r.frequency;
  }
  const columns: Record<string, Float64Array> = {};
  const text: Record<string, string[]> = {};
  for (let k = 0; k < names.length; k++) {
    if (k === entityK || k === periodK) continue;
    const c = classifyColumn(table, k, names[k], log);
    if (c.kind === 'numeric') {
      columns[names[k]] = c.values;
      missingNote(log, names[k], c.tally);
    } else text[names[k]] = c.text;
  }
  const gk = roles.group;
  const entities = entityInfo(ids, gk >= 0 ? text[names[gk]] : undefined, names[gk], log);
  return makePanel({
    entityKey: integerKeys(table, entityK, ids),
    entityColumn: names[entityK],
    periodColumn: roles.crossSection ? 'period' : names[periodK],
    entity: ids,
    period,
    columns,
    text,
    entities,
    meta: { ...meta, ...(frequency !== 'year' ? { frequency } : {}), ...(roles.crossSection ? { crossSection: true } : {}) },
    notes: log.notes,
    file: table.file,
    sourceRow: n === table.rowNumber.length ? table.rowNumber : undefined,
    owned: options.tableOwned ?? false,
    entityOrder: options.entityOrder,
  });
}

/**
 * The entity ids as numbers when the reader found every one a plain integer (kept beside its text,
 * see readCsvTable) and nothing changed them since: makePanel then ranks numbers, not strings.
 */
function integerKeys(table: RawTable, k: number, ids: readonly string[]): Float64Array | undefined {
  const col = table.columns[k];
  if (!col || col.str !== ids) return undefined;
  const num = col.num;
  for (let i = 0; i < num.length; i++) if (!(num[i] >= 0)) return undefined;
  return num;
}

/** One period for every row of a table with one row per entity; an InputError when an entity repeats. */
function crossSection(table: RawTable, names: readonly string[], ids: readonly string[], entityK: number, value: number, log: NoteLog): Float64Array {
  const seen = new Map<string, number>();
  for (let i = 0; i < ids.length; i++) {
    const prev = seen.get(ids[i]);
    if (prev !== undefined) {
      throw new InputError(`no period column, and ${ids[i]} has more than one row (rows ${table.rowNumber[prev]} and ${table.rowNumber[i]})`, {
        file: table.file,
        row: table.rowNumber[i],
        column: names[entityK],
        hint: `name the period column with --period COL (columns: ${names.join(', ')}), or keep one row per ${names[entityK]} for a cross-section`,
      });
    }
    seen.set(ids[i], i);
  }
  log.info('cross-section', `no period column: read as a cross-section of ${seen.size} entities${value ? ` in ${value}` : ''}`);
  return new Float64Array(ids.length).fill(value);
}

const PERIOD_HINT = 'write periods as years (2015, 2015年), dates (2015-12-31), months (2015-12, 2015年12月) or quarters (2015Q4)';

/**
 * The period of each row: years as they are; dates, months and quarters ({@link parsePeriodValue}) as
 * the period numbers of the frequency ({@link periodCode}): given, or detected from the cells.
 */
function readPeriods(table: RawTable, names: readonly string[], k: number, wanted: Frequency | 'auto', log: NoteLog): { period: Float64Array; frequency: Frequency } {
  const col = table.columns[k];
  const n = table.nRows;
  const column = names[k];
  let firstNumber = NaN;
  for (let i = 0; i < n && Number.isNaN(firstNumber); i++) firstNumber = col.num[i];
  // A numeric column of years (or of yyyymm months, which are their own period numbers): as it is.
  if (col.str === null && (wanted === 'auto' || wanted === 'year') && !(firstNumber >= 1e7)) {
    checkPeriods(table, col.num, column);
    return { period: col.num, frequency: 'year' };
  }
  const parts: (PeriodParts | number | undefined)[] = new Array(n);
  for (let i = 0; i < n; i++) {
    const s = col.str?.[i];
    if (s === undefined || s.trim() === '') {
      const v = col.num[i];
      parts[i] = Number.isNaN(v) ? undefined : (parsePeriodValue(v) ?? v);
      continue;
    }
    const p = parsePeriodValue(s);
    if (!p) {
      throw new InputError(`period is not a year or date: "${s.trim()}"`, { file: table.file, row: table.rowNumber[i], column, hint: PERIOD_HINT });
    }
    parts[i] = p;
  }
  const frequency = wanted === 'auto' ? detectFrequency(parts.map((p) => (typeof p === 'number' ? undefined : p))) : wanted;
  const out = new Float64Array(n);
  let dates = 0;
  let example = '';
  for (let i = 0; i < n; i++) {
    const p = parts[i];
    if (p === undefined) out[i] = NaN;
    else if (typeof p === 'number') out[i] = p;
    else {
      const code = periodCode(p, frequency);
      if (Number.isNaN(code)) {
        throw new InputError(`period "${(col.str?.[i] ?? String(col.num[i])).trim()}" is a ${p.given}, coarser than the ${frequency}ly periods of this column`, {
          file: table.file,
          row: table.rowNumber[i],
          column,
          hint: `give every row a ${frequency}, or choose --frequency ${p.given === 'quarter' ? 'quarter' : 'year'}`,
        });
      }
      out[i] = code;
      if (p.given !== 'year' && dates++ === 0) example = `${(col.str?.[i] ?? String(col.num[i])).trim()} → ${formatPeriod(code, frequency)}`;
    }
  }
  if (dates > 0 || frequency !== 'year') {
    log.info('periods', `column "${column}": read as ${frequency}ly periods${example ? ` (${example})` : ''}${frequency === 'quarter' ? '; a period is year×10 + quarter' : frequency === 'month' ? '; a period is year×100 + month' : ''}`, {
      column,
      frequency,
    });
  }
  checkPeriods(table, out, column);
  return { period: out, frequency };
}

function checkPeriods(table: RawTable, period: Float64Array, column: string): void {
  let any = false;
  for (let i = 0; i < period.length && !any; i++) any = !Number.isNaN(period[i]);
  if (!any) {
    throw new InputError(`no periods: column "${column}" has no values`, {
      file: table.file,
      row: table.rowNumber[0],
      column,
      hint: 'fill in the period (year) of each row, or name another column with --period COL',
    });
  }
  for (let i = 0; i < period.length; i++) {
    if (Number.isNaN(period[i])) {
      throw new InputError('the period is missing in this row', {
        file: table.file,
        row: table.rowNumber[i],
        column,
        hint: 'fill in the period (year) or delete the row',
      });
    }
  }
}
