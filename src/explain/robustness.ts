import { quantileSorted } from '../core/numeric.js';
import { InputError } from '../core/errors.js';
import type { Note } from '../core/notes.js';
import { filterRows, withColumns, column, type Panel } from '../data/panel.js';

/**
 * Heterogeneity and robustness variants as options rather than code the user writes: split by a
 * group, winsorise, lag regressors, drop the four municipalities. Each returns a new panel (inputs
 * are never mutated) with a note saying what was done; {@link robustnessChecks} runs an estimator on
 * every variant.
 */

/**
 * Sample quantile of sorted values, R `quantile(type = 2)` (the averaged inverse of the empirical
 * distribution, Stata's `_pctile`/`summarize, detail`, used by `winsor2`) or `type = 7` (R's default).
 */
export function quantileOfSorted(sorted: ArrayLike<number>, p: number, type: 2 | 7 = 2): number {
  const n = sorted.length;
  if (n === 0) return NaN;
  if (type === 7) return quantileSorted(sorted, p);
  const np = n * p;
  const j = Math.floor(np + 4 * Number.EPSILON * np);
  const g = np - j;
  if (Math.abs(g) < 4 * Number.EPSILON * Math.max(1, np)) return (sorted[Math.max(0, j - 1)] + sorted[Math.min(n - 1, j)]) / 2;
  return sorted[Math.min(n - 1, j)];
}

/** Options of {@link winsorize}. */
export interface WinsorizeOptions {
  /** Cut share at each tail (default 0.01: the 1st and 99th percentiles, `winsor2, cuts(1 99)`). */
  readonly p?: number;
  /** Quantile definition (default 2 = Stata `winsor2`; 7 = R's default). */
  readonly type?: 2 | 7;
  /** Winsorise within each period separately (`winsor2, by(year)`); default pooled. */
  readonly byPeriod?: boolean;
}

/**
 * Winsorise `columns`: values below the p-quantile are set to it and values above the
 * (1 − p)-quantile likewise (missing values stay missing). Returns a new panel with the columns
 * replaced and an info note per column giving the bounds and the number of values changed.
 */
export function winsorize(panel: Panel, columns: readonly string[], options: WinsorizeOptions = {}): Panel {
  const p = options.p ?? 0.01;
  if (!(p > 0 && p < 0.5)) throw new InputError(`winsorising share must be in (0, 0.5) (got ${p})`, { hint: 'e.g. --winsorize 0.01 for the 1st and 99th percentiles' });
  const type = options.type ?? 2;
  const added: Record<string, Float64Array> = {};
  const notes: Note[] = [];
  const groups: number[][] = options.byPeriod ? panel.periods.map(() => []) : [[]];
  for (let i = 0; i < panel.entity.length; i++) groups[options.byPeriod ? panel.periodIndex[i] : 0].push(i);
  for (const name of columns) {
    const src = column(panel, name, 'winsorize');
    const out = Float64Array.from(src);
    let changed = 0;
    const bounds: [number, number][] = [];
    for (const rows of groups) {
      const vals = Float64Array.from(rows.map((i) => src[i]).filter((v) => Number.isFinite(v))).sort();
      if (!vals.length) continue;
      const lo = quantileOfSorted(vals, p, type);
      const hi = quantileOfSorted(vals, 1 - p, type);
      bounds.push([lo, hi]);
      for (const i of rows) {
        const v = src[i];
        if (v < lo) {
          out[i] = lo;
          changed++;
        } else if (v > hi) {
          out[i] = hi;
          changed++;
        }
      }
    }
    added[name] = out;
    const where = options.byPeriod ? ' within each period' : ` to [${bounds[0]?.[0]}, ${bounds[0]?.[1]}]`;
    notes.push({ level: 'info', code: 'winsorized', message: `${name} winsorised at ${p * 100}% and ${(1 - p) * 100}%${where}: ${changed} values changed`, detail: { column: name, p, type, bounds, changed } });
  }
  return withColumns(panel, added, notes);
}

/**
 * Add lagged copies `${name}_lag${k}` of `columns`: the value of the same entity in period t − k (by
 * period value, so a gap gives NaN rather than the previous row), as fixest's `l(x, k)` and Stata's
 * `L.x` on an `xtset` panel.
 */
export function withLags(panel: Panel, columns: readonly string[], k = 1): { panel: Panel; names: string[] } {
  if (!(Number.isInteger(k) && k >= 1)) throw new InputError(`lag must be a whole number ≥ 1 (got ${k})`);
  const index = new Map<string, number>();
  for (let i = 0; i < panel.entity.length; i++) index.set(`${panel.entity[i]}\u0000${panel.period[i]}`, i);
  const added: Record<string, Float64Array> = {};
  const names: string[] = [];
  for (const name of columns) {
    const src = column(panel, name, 'lagged regressors');
    const out = new Float64Array(src.length).fill(NaN);
    for (let i = 0; i < src.length; i++) {
      const j = index.get(`${panel.entity[i]}\u0000${panel.period[i] - k}`);
      if (j !== undefined) out[i] = src[j];
    }
    const nm = `${name}_lag${k}`;
    added[nm] = out;
    names.push(nm);
  }
  return { panel: withColumns(panel, added), names };
}

/** The four province-level municipalities (直辖市) by English name, Chinese name and GB/T 2260 code. */
export const MUNICIPALITIES: readonly { readonly en: string; readonly zh: string; readonly code: string }[] = [
  { en: 'Beijing', zh: '北京', code: '110000' },
  { en: 'Tianjin', zh: '天津', code: '120000' },
  { en: 'Shanghai', zh: '上海', code: '310000' },
  { en: 'Chongqing', zh: '重庆', code: '500000' },
];

function isMunicipality(e: Panel['entities'][number]): boolean {
  const keys = [e.id, e.name, e.nameZh, e.code].filter((v): v is string => typeof v === 'string').map((s) => s.trim());
  return MUNICIPALITIES.some((m) => keys.some((k) => k === m.code || k.toLowerCase() === m.en.toLowerCase() || k.startsWith(m.zh)));
}

/**
 * Drop Beijing, Tianjin, Shanghai and Chongqing, matched on entity id, name, Chinese name (北京市 or
 * 北京) or GB code. Throws when none is found (the panel is probably not Chinese provinces).
 */
export function dropMunicipalities(panel: Panel): Panel {
  const drop = new Set(panel.entities.filter(isMunicipality).map((e) => e.id));
  if (drop.size === 0) {
    throw new InputError('none of the four municipalities (Beijing, Tianjin, Shanghai, Chongqing) is in the data', {
      column: panel.entityColumn,
      hint: 'this robustness check is for Chinese provincial panels; entity ids, names or GB codes must identify the municipalities',
    });
  }
  const keep = panel.entity.map((e) => !drop.has(e));
  return filterRows(panel, keep, [{ level: 'info', code: 'dropped-municipalities', message: `dropped the municipalities ${[...drop].join(', ')} (${keep.filter((k) => !k).length} rows)`, detail: [...drop] }]);
}

/**
 * Subsamples by group for heterogeneity analysis: the entity attribute `group` (e.g. NBS regions
 * East/Central/West/Northeast, continents), or a text column of the panel. Groups in order of first
 * appearance; rows with an empty group are left out (with a note).
 */
export function splitByGroup(panel: Panel, by = 'group'): { group: string; panel: Panel }[] {
  let labelOf: (i: number) => string | undefined;
  if (by === 'group') {
    const g = panel.entities.map((e) => e.group);
    if (g.every((v) => v == null || v === '')) throw new InputError('the entities have no group attribute', { hint: 'give a text column with --by COLUMN, or use a dataset with regions (china-sim, world-pwt)' });
    labelOf = (i) => g[panel.entityIndex[i]];
  } else {
    const col = panel.text[by];
    if (!col) throw new InputError(`unknown group column "${by}"`, { column: by, hint: `use "group" (entity groups) or a text column: ${Object.keys(panel.text).join(', ') || '(none)'}` });
    labelOf = (i) => col[i];
  }
  const groups: string[] = [];
  const rowsOf = new Map<string, boolean[]>();
  for (let i = 0; i < panel.entity.length; i++) {
    const g = labelOf(i);
    if (g == null || g === '') continue;
    if (!rowsOf.has(g)) {
      groups.push(g);
      rowsOf.set(g, new Array(panel.entity.length).fill(false));
    }
    rowsOf.get(g)![i] = true;
  }
  return groups.map((group) => ({ group, panel: filterRows(panel, rowsOf.get(group)!, [{ level: 'info', code: 'subsample', message: `subsample ${by} = ${group}` }]) }));
}

/** Which robustness variants to run (see {@link robustnessChecks}). */
export interface RobustnessOptions {
  /** Winsorise these columns at `p` (default 0.01). */
  readonly winsorize?: { readonly columns: readonly string[]; readonly p?: number };
  /** Replace these regressors by their k-th lag (default k = 1). */
  readonly lag?: { readonly columns: readonly string[]; readonly k?: number };
  /** Drop Beijing, Tianjin, Shanghai and Chongqing. */
  readonly dropMunicipalities?: boolean;
}

/** One variant: its name, the panel, and how to rename the lagged regressors. */
export interface RobustnessVariant {
  readonly name: string;
  readonly panel: Panel;
  /** For the lag variant: original column → lagged column to use instead. */
  readonly rename: Readonly<Record<string, string>>;
}

/** The baseline and each requested variant, ready to be estimated by the same function. */
export function robustnessVariants(panel: Panel, options: RobustnessOptions): RobustnessVariant[] {
  const out: RobustnessVariant[] = [{ name: 'baseline', panel, rename: {} }];
  if (options.winsorize) {
    const p = options.winsorize.p ?? 0.01;
    out.push({ name: `winsorized ${p * 100}%/${(1 - p) * 100}%`, panel: winsorize(panel, options.winsorize.columns, { p }), rename: {} });
  }
  if (options.lag) {
    const k = options.lag.k ?? 1;
    const lagged = withLags(panel, options.lag.columns, k);
    out.push({ name: `regressors lagged ${k} period${k > 1 ? 's' : ''}`, panel: lagged.panel, rename: Object.fromEntries(options.lag.columns.map((c, j) => [c, lagged.names[j]])) });
  }
  if (options.dropMunicipalities) out.push({ name: 'without the four municipalities', panel: dropMunicipalities(panel), rename: {} });
  return out;
}

/**
 * Run `estimate` on the baseline and every variant: `estimate(panel, rename)` must use
 * `rename[col] ?? col` for its regressors. Returns the results labelled by variant.
 */
export function robustnessChecks<R>(panel: Panel, options: RobustnessOptions, estimate: (panel: Panel, rename: Readonly<Record<string, string>>) => R): { name: string; result: R }[] {
  return robustnessVariants(panel, options).map((v) => ({ name: v.name, result: estimate(v.panel, v.rename) }));
}

/** Run `estimate` on each group's subsample (heterogeneity analysis). */
export function heterogeneity<R>(panel: Panel, by: string, estimate: (panel: Panel) => R): { group: string; result: R }[] {
  return splitByGroup(panel, by).map((g) => ({ group: g.group, result: estimate(g.panel) }));
}
