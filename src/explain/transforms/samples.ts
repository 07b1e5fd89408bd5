import { InputError } from '../../core/errors.js';
import type { Note } from '../../core/notes.js';
import { filterRows, type Panel } from '../../data/panel.js';
import { winsorize } from './winsorize.js';
import { withLags } from './lags.js';
import { dropMunicipalities } from './municipalities.js';

/**
 * Heterogeneity and robustness variants as options rather than code the user writes: split by a
 * group, winsorise, lag regressors, drop the four municipalities. Each returns a new panel (inputs
 * are never mutated) with a note saying what was done; {@link robustnessChecks} runs an estimator on
 * every variant.
 */

/**
 * Subsamples by group for heterogeneity analysis: the entity attribute `group` (e.g. NBS regions
 * East/Central/West/Northeast, continents), a text column, or a numeric column such as a 0/1 dummy
 * (state-owned, high-tech, eastern). Text groups are in order of first appearance, numeric groups in
 * ascending order (so a dummy gives 0 then 1, as Stata's `bdiff` compares group 0 with group 1) and
 * are named by their value. Rows with an empty or missing group are left out, with a note.
 */
export function splitByGroup(panel: Panel, by = 'group'): { group: string; panel: Panel }[] {
  let labelOf: (i: number) => string | undefined;
  let numeric = false;
  if (by === 'group') {
    const g = panel.entities.map((e) => e.group);
    if (g.every((v) => v == null || v === ''))
      throw new InputError('the entities have no group attribute', {
        hint: 'give a text or 0/1 column with --by COLUMN, or use a dataset with regions (china-sim, world-pwt)',
      });
    labelOf = (i) => g[panel.entityIndex[i]];
  } else if (panel.text[by]) {
    const col = panel.text[by];
    labelOf = (i) => col[i];
  } else if (panel.columns[by]) {
    const col = panel.columns[by];
    numeric = true;
    labelOf = (i) => (Number.isFinite(col[i]) ? String(col[i]) : undefined);
  } else {
    throw new InputError(`unknown group column "${by}"`, {
      column: by,
      file: panel.meta.file,
      hint: `use "group" (entity groups) or a column of the data: ${[...Object.keys(panel.text), ...Object.keys(panel.columns)].slice(0, 20).join(', ') || '(none)'}`,
    });
  }
  const groups: string[] = [];
  const rowsOf = new Map<string, boolean[]>();
  let empty = 0;
  for (let i = 0; i < panel.entity.length; i++) {
    const g = labelOf(i);
    if (g == null || g === '') {
      empty++;
      continue;
    }
    if (!rowsOf.has(g)) {
      groups.push(g);
      rowsOf.set(g, new Array(panel.entity.length).fill(false));
    }
    rowsOf.get(g)![i] = true;
  }
  if (numeric) groups.sort((a, b) => Number(a) - Number(b));
  if (groups.length > 50)
    throw new InputError(`--by ${by} has ${groups.length} distinct values: too many groups for separate regressions`, {
      column: by,
      hint: 'split by a grouping column (a region, a 0/1 dummy), not a continuous variable',
    });
  const left: Note[] = empty
    ? [{ level: 'info', code: 'subsample', message: `${empty} row(s) with an empty ${by} left out of every subsample` }]
    : [];
  return groups.map((group) => ({
    group,
    panel: filterRows(panel, rowsOf.get(group)!, [
      ...left,
      { level: 'info', code: 'subsample', message: `subsample ${by} = ${group}` },
    ]),
  }));
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
    out.push({
      name: `winsorized ${p * 100}%/${(1 - p) * 100}%`,
      panel: winsorize(panel, options.winsorize.columns, { p }),
      rename: {},
    });
  }
  if (options.lag) {
    const k = options.lag.k ?? 1;
    const lagged = withLags(panel, options.lag.columns, k);
    out.push({
      name: `regressors lagged ${k} period${k > 1 ? 's' : ''}`,
      panel: lagged.panel,
      rename: Object.fromEntries(options.lag.columns.map((c, j) => [c, lagged.names[j]])),
    });
  }
  if (options.dropMunicipalities)
    out.push({ name: 'without the four municipalities', panel: dropMunicipalities(panel), rename: {} });
  return out;
}

/**
 * Run `estimate` on the baseline and every variant: `estimate(panel, rename)` must use
 * `rename[col] ?? col` for its regressors. Returns the results labelled by variant.
 */
export function robustnessChecks<R>(
  panel: Panel,
  options: RobustnessOptions,
  estimate: (panel: Panel, rename: Readonly<Record<string, string>>) => R,
): { name: string; result: R }[] {
  return robustnessVariants(panel, options).map((v) => ({ name: v.name, result: estimate(v.panel, v.rename) }));
}

/** Run `estimate` on each group's subsample (heterogeneity analysis). */
export function heterogeneity<R>(
  panel: Panel,
  by: string,
  estimate: (panel: Panel) => R,
): { group: string; result: R }[] {
  return splitByGroup(panel, by).map((g) => ({ group: g.group, result: estimate(g.panel) }));
}
