/**
 * β-convergence: poorer entities grow faster (Barro & Sala-i-Martin 1992; Mankiw, Romer & Weil
 * 1992). Three forms:
 *
 * - `cross-section` (absolute): ln(y_{i,T}/y_{i,0}) = α + β ln y_{i,0} + ε_i over the whole span
 *   τ = T − 0, OLS with classical standard errors (R's `lm`).
 * - `panel` (absolute, annual form): ln(y_{i,t+1}/y_{i,t}) = α + β ln y_{i,t} + ε_it, pooled OLS over
 *   consecutive periods, τ = the period step (1 for years).
 * - `conditional`: the annual form with controls X_{i,t} and two-way fixed effects,
 *   ln(y_{i,t+1}/y_{i,t}) = β ln y_{i,t} + Xγ + μ_i + λ_t + ε_it (fixest `feols`, standard errors
 *   clustered by entity by default).
 *
 * β < 0 means convergence. Speed θ = −ln(1 + β)/τ and half-life ln 2/θ, the convention for an
 * un-annualised growth rate over τ periods (the dependent variable above). Defined only for
 * −1 < β < 0; NaN otherwise.
 */
import type { Panel } from '../data/panel.js';
import { makePanel, column } from '../data/panel.js';
import { InputError } from '../core/errors.js';
import { NoteLog, type Note } from '../core/notes.js';
import { feols } from '../explain/feols.js';
import { coefTable, vcov, type CoefRow } from '../explain/vcov.js';

/** Which β-convergence regression (see the module comment). */
export type BetaForm = 'cross-section' | 'panel' | 'conditional';

/** Options of {@link betaConvergence}. */
export interface BetaConvergenceOptions {
  readonly form?: BetaForm;
  /** Control columns (conditional form), taken at the start period t. */
  readonly controls?: readonly string[];
  /** First and last period of the cross-section form; default the first and last of the panel. */
  readonly from?: number;
  readonly to?: number;
  /**
   * Variance estimator as in `vcov` (e.g. 'iid', 'hc1', 'cluster:<entity column>'). Default 'iid' for
   * the absolute forms (as `lm`), clustered by entity for the conditional form.
   */
  readonly vcov?: string;
}

/** β, its inference, speed and half-life, and the full coefficient table. */
export interface BetaConvergenceResult {
  readonly value: string;
  readonly form: BetaForm;
  readonly beta: number;
  readonly stdError: number;
  readonly tValue: number;
  readonly pValue: number;
  /** Period length of the dependent variable. */
  readonly tau: number;
  /** θ = −ln(1 + β)/τ. */
  readonly speed: number;
  /** ln 2 / θ, in periods. */
  readonly halfLife: number;
  readonly converging: boolean;
  readonly nobs: number;
  readonly r2: number;
  readonly coefficients: readonly CoefRow[];
  readonly vcov: string;
  readonly formula: string;
  readonly notes: readonly Note[];
}

const GROWTH = 'growth__';
const LEVEL = 'lny__';

function logOf(v: number, entity: string, period: number, value: string): number {
  if (!Number.isFinite(v)) return NaN;
  if (!(v > 0)) {
    throw new InputError(`β-convergence needs positive values: ${entity} ${period}, "${value}" = ${v}`, {
      column: value,
      hint: 'convergence is measured on logs of levels (GDP per worker, index scores > 0)',
    });
  }
  return Math.log(v);
}

/** β-convergence regression of column `value` (levels, > 0). */
export function betaConvergence(
  panel: Panel,
  value: string,
  options: BetaConvergenceOptions = {},
): BetaConvergenceResult {
  const form = options.form ?? 'cross-section';
  const y = column(panel, value);
  const controls = options.controls ?? [];
  if (form !== 'conditional' && controls.length)
    throw new InputError('controls need the conditional form', { hint: 'use --form conditional' });
  const log = new NoteLog();
  const entity: string[] = [];
  const period: number[] = [];
  const growth: number[] = [];
  const level: number[] = [];
  const ctrl: number[][] = controls.map(() => []);
  const ctrlCols = controls.map((c) => column(panel, c));
  let tau: number;
  if (form === 'cross-section') {
    const t0 = options.from ?? panel.periods[0];
    const t1 = options.to ?? panel.periods[panel.periods.length - 1];
    if (!(t1 > t0)) throw new InputError(`the cross-section needs an end period after the start (got ${t0} to ${t1})`);
    tau = t1 - t0;
    const first = new Map<string, number>();
    const last = new Map<string, number>();
    for (let i = 0; i < y.length; i++) {
      if (panel.period[i] === t0) first.set(panel.entity[i], logOf(y[i], panel.entity[i], t0, value));
      if (panel.period[i] === t1) last.set(panel.entity[i], logOf(y[i], panel.entity[i], t1, value));
    }
    for (const [e, a] of first) {
      const b = last.get(e);
      if (b === undefined || !Number.isFinite(a) || !Number.isFinite(b)) continue;
      entity.push(e);
      period.push(t0);
      growth.push(b - a);
      level.push(a);
    }
    const missing = first.size - entity.length;
    if (missing > 0)
      log.info('dropped-rows', `${missing} entities lack "${value}" in ${t0} or ${t1} and were left out`);
  } else {
    const steps = new Set<number>();
    for (let i = 0; i + 1 < y.length; i++) {
      if (panel.entityIndex[i] !== panel.entityIndex[i + 1] || panel.periodIndex[i + 1] !== panel.periodIndex[i] + 1)
        continue;
      const a = logOf(y[i], panel.entity[i], panel.period[i], value);
      const b = logOf(y[i + 1], panel.entity[i + 1], panel.period[i + 1], value);
      if (!Number.isFinite(a) || !Number.isFinite(b)) continue;
      steps.add(panel.period[i + 1] - panel.period[i]);
      entity.push(panel.entity[i]);
      period.push(panel.period[i]);
      growth.push(b - a);
      level.push(a);
      ctrlCols.forEach((c, k) => ctrl[k].push(c[i]));
    }
    if (steps.size > 1)
      log.warn(
        'uneven-periods',
        `periods are unevenly spaced (${[...steps].join(', ')}); τ is taken as the smallest step`,
      );
    tau = steps.size ? Math.min(...steps) : 1;
  }
  if (growth.length < 3)
    throw new InputError(`too few observations (${growth.length}) for a β-convergence regression of "${value}"`, {
      column: value,
    });
  const columns: Record<string, number[]> = { [GROWTH]: growth, [LEVEL]: level };
  controls.forEach((c, k) => (columns[c] = ctrl[k]));
  const data = makePanel({
    entityColumn: panel.entityColumn,
    periodColumn: panel.periodColumn,
    entity,
    period,
    columns,
    entities: panel.entities,
    meta: panel.meta,
  });
  const rhs = [LEVEL, ...controls].join(' + ');
  const formula =
    form === 'conditional'
      ? `${GROWTH} ~ ${rhs} | ${panel.entityColumn} + ${panel.periodColumn}`
      : `${GROWTH} ~ ${rhs}`;
  const fit = feols(data, formula);
  const vc = options.vcov ?? (form === 'conditional' ? `cluster:${panel.entityColumn}` : 'iid');
  const table = coefTable(fit, vcov(fit, vc));
  const b = table.find((r) => r.term === LEVEL);
  if (!b)
    throw new InputError(`the initial level of "${value}" is collinear with the fixed effects or controls`, {
      hint: 'drop controls or use the absolute form',
    });
  const beta = b.estimate;
  const speed = beta > -1 && beta < 0 ? -Math.log(1 + beta) / tau : NaN;
  const rename = (t: string) => (t === LEVEL ? `ln ${value} (initial)` : t);
  for (const n of fit.notes) log.add(n);
  return {
    value,
    form,
    beta,
    stdError: b.stdError,
    tValue: b.statistic,
    pValue: b.pValue,
    tau,
    speed,
    halfLife: Math.LN2 / speed,
    converging: beta < 0,
    nobs: fit.nobs,
    r2: fit.r2,
    coefficients: table.map((r) => ({ ...r, term: rename(r.term) })),
    vcov: vc,
    formula: formula.replaceAll(GROWTH, `growth of ${value}`).replaceAll(LEVEL, `ln ${value}`),
    notes: log.notes,
  };
}
