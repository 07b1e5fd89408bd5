import { InputError } from '../core/errors.js';
import { NoteLog, type Note } from '../core/notes.js';
import { fsum } from '../core/numeric.js';
import { column, filterRows, withColumns, type Panel } from './panel.js';

/** `linear` within entity over periods, `mean` of the group (or all entities) in the period, `drop` rows, `none`. */
export type ImputeMethod = 'linear' | 'mean' | 'drop' | 'none';

/** Options of {@link impute}. */
export interface ImputeOptions {
  method: ImputeMethod;
  /** Columns to treat; default: every numeric column. */
  columns?: readonly string[];
  /**
   * Mean imputation: `group` uses the mean of the entity's group (`entities[].group`) in the same
   * period; `column` the mean of all entities in the period. Default: `group` when entities have
   * groups, else `column`.
   */
  groupBy?: 'group' | 'column';
}

/**
 * How an imputed value was obtained. linear: `interpolated` between two observed periods, or
 * `extended` from the nearest observed period at either end. mean: `group-period` (mean of the
 * entity's group in the period), `period` (mean of all entities in the period), `column` (mean of
 * every observed cell of the column).
 */
export type ImputeBasis = 'interpolated' | 'extended' | 'group-period' | 'period' | 'column';

/** One cell filled by {@link impute}. */
export interface ImputedCell {
  readonly entity: string;
  readonly period: number;
  readonly column: string;
  readonly value: number;
  readonly method: 'linear' | 'mean';
  readonly basis: ImputeBasis;
}

/** One row removed by `impute(…, {method: 'drop'})`. */
export interface DroppedRow {
  readonly entity: string;
  readonly period: number;
  /** The treated columns that were missing in the row. */
  readonly missing: readonly string[];
}

/** What {@link impute} returns: the treated panel and the record of what was done. */
export interface ImputeResult {
  /** A new panel (the input is never changed); its notes include what was done. */
  readonly panel: Panel;
  readonly method: ImputeMethod;
  readonly imputed: readonly ImputedCell[];
  readonly dropped: readonly DroppedRow[];
  /** Notes added by this step (also appended to `panel.notes`). */
  readonly notes: readonly Note[];
}

/**
 * Treat missing values (NaN or ±Infinity) of a panel.
 *
 * - `linear`: within each entity, over its periods as numbers (gaps of several years are bridged in
 *   proportion): y = y₁ + (y₂ − y₁)·(t − t₁)/(t₂ − t₁), R's `approx()` formula; before the first and after
 *   the last observed period the nearest observed value is carried (`approx(rule = 2)`, as COINr's
 *   `impute_panel(imp_type = "linear")`). An entity with one observed value gets it in every period;
 *   an entity with none stays missing and is named in a warning.
 * - `mean`: the mean of the observed values of the same group in the same period (COINr's
 *   `i_mean_grp`, per period); when the group has none in that period, or entities have no groups, the
 *   mean of all entities in that period; when the period has none, the mean of the whole column.
 * - `drop`: rows with any missing value in the treated columns are removed (listwise deletion).
 * - `none`: nothing is changed.
 *
 * Means are taken over observed values only, never over values imputed in the same step.
 */
export function impute(panel: Panel, options: ImputeOptions): ImputeResult {
  const names = options.columns ?? Object.keys(panel.columns);
  for (const name of names) column(panel, name, 'the columns to impute');
  const log = new NoteLog();
  switch (options.method) {
    case 'none':
      return { panel, method: 'none', imputed: [], dropped: [], notes: [] };
    case 'drop':
      return dropMissing(panel, names, log);
    case 'linear':
    case 'mean': {
      const imputed: ImputedCell[] = [];
      const added: Record<string, Float64Array> = {};
      const groupBy = options.groupBy ?? (panel.entities.some((e) => e.group !== undefined) ? 'group' : 'column');
      for (const name of names) {
        const x = panel.columns[name];
        const cells: ImputedCell[] = [];
        const y = options.method === 'linear' ? linearColumn(panel, name, x, cells, log) : meanColumn(panel, name, x, groupBy, cells);
        if (cells.length) {
          added[name] = y;
          imputed.push(...cells);
          const how = options.method === 'linear' ? 'linear interpolation within entity (nearest value at the ends)' : `mean (${groupBy === 'group' ? 'group in the period' : 'all entities in the period'})`;
          log.info('imputed', `column "${name}": imputed ${cells.length} cell${cells.length > 1 ? 's' : ''} by ${how}`, { column: name, cells });
        }
      }
      const notes = log.notes;
      return { panel: withColumns(panel, added, notes), method: options.method, imputed, dropped: [], notes };
    }
    default:
      throw new InputError(`unknown imputation method "${String(options.method)}"`, { hint: 'use linear, mean, drop or none' });
  }
}

/** Row ranges [start, end) of each entity; rows are sorted by entity then period. */
function entityRanges(panel: Panel): Int32Array {
  const E = panel.entities.length;
  const start = new Int32Array(E + 1).fill(-1);
  const n = panel.entity.length;
  for (let i = n - 1; i >= 0; i--) start[panel.entityIndex[i]] = i;
  start[E] = n;
  for (let e = E - 1; e >= 0; e--) if (start[e] < 0) start[e] = start[e + 1];
  return start;
}

function linearColumn(panel: Panel, name: string, x: Float64Array, cells: ImputedCell[], log: NoteLog): Float64Array {
  const y = x.slice();
  const t = panel.period;
  const ranges = entityRanges(panel);
  const empty: string[] = [];
  for (let e = 0; e < panel.entities.length; e++) {
    const a = ranges[e];
    const b = ranges[e + 1];
    let prev = -1;
    let anyMissing = false;
    for (let i = a; i < b; i++) {
      if (Number.isFinite(x[i])) {
        // Fill the gap (prev, i): at the start of the entity, carry x[i] back.
        for (let j = prev < 0 ? a : prev + 1; j < i; j++) {
          const v = prev < 0 ? x[i] : x[prev] + (x[i] - x[prev]) * ((t[j] - t[prev]) / (t[i] - t[prev]));
          y[j] = v;
          cells.push(cellOf(panel, j, name, v, 'linear', prev < 0 ? 'extended' : 'interpolated'));
        }
        prev = i;
      } else anyMissing = true;
    }
    if (prev < 0) {
      if (anyMissing && b > a) empty.push(panel.entities[e].id);
      continue;
    }
    for (let j = prev + 1; j < b; j++) {
      y[j] = x[prev];
      cells.push(cellOf(panel, j, name, x[prev], 'linear', 'extended'));
    }
  }
  if (empty.length) {
    log.warn('impute-no-data', `column "${name}": no observed value for ${empty.join(', ')}; left missing`, { column: name, entities: empty });
  }
  return y;
}

function meanColumn(panel: Panel, name: string, x: Float64Array, groupBy: 'group' | 'column', cells: ImputedCell[]): Float64Array {
  const n = x.length;
  const T = panel.periods.length;
  const groupOf = panel.entities.map((e) => (groupBy === 'group' && e.group !== undefined ? String(e.group) : undefined));
  const byGroupPeriod = new Map<string, number[]>();
  const byPeriod: number[][] = Array.from({ length: T }, () => []);
  const all: number[] = [];
  for (let i = 0; i < n; i++) {
    if (!Number.isFinite(x[i])) continue;
    const p = panel.periodIndex[i];
    byPeriod[p].push(x[i]);
    all.push(x[i]);
    const g = groupOf[panel.entityIndex[i]];
    if (g !== undefined) {
      const key = `${g}\u0000${p}`;
      const list = byGroupPeriod.get(key);
      if (list) list.push(x[i]);
      else byGroupPeriod.set(key, [x[i]]);
    }
  }
  const meanOf = (v: readonly number[]) => (v.length ? fsum(v) / v.length : NaN);
  const groupMean = new Map([...byGroupPeriod].map(([k, v]) => [k, meanOf(v)]));
  const periodMean = byPeriod.map(meanOf);
  const columnMean = meanOf(all);
  const y = x.slice();
  for (let i = 0; i < n; i++) {
    if (Number.isFinite(x[i])) continue;
    const p = panel.periodIndex[i];
    const g = groupOf[panel.entityIndex[i]];
    let v = g !== undefined ? (groupMean.get(`${g}\u0000${p}`) ?? NaN) : NaN;
    let basis: ImputeBasis = 'group-period';
    if (Number.isNaN(v)) {
      v = periodMean[p];
      basis = 'period';
    }
    if (Number.isNaN(v)) {
      v = columnMean;
      basis = 'column';
    }
    if (Number.isNaN(v)) continue;
    y[i] = v;
    cells.push(cellOf(panel, i, name, v, 'mean', basis));
  }
  return y;
}

function cellOf(panel: Panel, i: number, name: string, value: number, method: 'linear' | 'mean', basis: ImputeBasis): ImputedCell {
  return { entity: panel.entity[i], period: panel.period[i], column: name, value, method, basis };
}

function dropMissing(panel: Panel, names: readonly string[], log: NoteLog): ImputeResult {
  const n = panel.entity.length;
  const keep: boolean[] = [];
  for (let i = 0; i < n; i++) keep.push(true);
  const dropped: DroppedRow[] = [];
  const cols = names.map((k) => panel.columns[k]);
  for (let i = 0; i < n; i++) {
    const missing = names.filter((_, j) => !Number.isFinite(cols[j][i]));
    if (missing.length) {
      keep[i] = false;
      dropped.push({ entity: panel.entity[i], period: panel.period[i], missing });
    }
  }
  if (dropped.length) {
    log.info('dropped-rows', `dropped ${dropped.length} of ${n} rows with a missing value in ${names.length === 1 ? `"${names[0]}"` : `any of ${names.length} columns`}`, {
      rows: dropped,
    });
  }
  const notes = log.notes;
  return { panel: dropped.length ? filterRows(panel, keep, notes) : panel, method: 'drop', imputed: [], dropped, notes };
}
