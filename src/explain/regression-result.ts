import type { Panel } from '../data/panel.js';
import type { Note } from '../core/notes.js';
import type { Formula } from './formula.js';
import { parseFormula } from './formula.js';
import type { FeolsFit, FeolsOptions, FirstStage } from './feols.js';
import { feols } from './feols.js';
import type { CoefRow, VcovResult, VcovSpec } from './vcov.js';
import { coefTable, parseVcov, vcov } from './vcov.js';
import type { FirstStageWald } from './iv.js';
import { firstStageWald } from './iv.js';

/**
 * A regression with its inference, in the shape of `nqpf regress --json` (and of regression-table
 * columns): coefficient rows, fit statistics, fixed effects, the variance used, dropped rows.
 */
export interface RegressionResult {
  readonly formula: string;
  readonly method: 'ols' | 'iv';
  readonly dependent: string;
  readonly coefficients: CoefRow[];
  readonly nobs: number;
  readonly r2: number;
  readonly r2Within: number | null;
  readonly adjR2: number;
  readonly F: number;
  readonly fPValue: number;
  readonly rmse: number;
  readonly fixedEffects: ReadonlyArray<{ name: string; nLevels: number }>;
  readonly vcov: {
    type: VcovSpec['type'];
    label: string;
    df: number | null;
    clusters?: readonly string[];
    nClusters?: readonly number[];
    lag?: number;
  };
  readonly dropped: ReadonlyArray<{ reason: string; count: number; message: string }>;
  readonly collinear: readonly string[];
  readonly firstStage?: readonly FirstStage[];
  /** IV only: first-stage Wald F of the excluded instruments under the chosen variance. */
  readonly firstStageWald?: readonly FirstStageWald[];
  readonly notes: readonly Note[];
}

/** Package a fit and a variance into a {@link RegressionResult} (confidence level `level`). */
export function regressionResult(fit: FeolsFit, v: VcovResult, level = 0.95): RegressionResult {
  return {
    formula: fit.formula.text,
    method: fit.method,
    dependent: fit.formula.lhsLabel,
    coefficients: coefTable(fit, v, level),
    nobs: fit.nobs,
    r2: fit.r2,
    r2Within: Number.isFinite(fit.r2Within) ? fit.r2Within : null,
    adjR2: fit.adjR2,
    F: fit.F,
    fPValue: fit.fPValue,
    rmse: fit.rmse,
    fixedEffects: fit.fixedEffects,
    vcov: {
      type: v.spec.type,
      label: v.label,
      df: Number.isFinite(v.df) ? v.df : null,
      clusters: v.spec.cluster,
      nClusters: v.nClusters,
      lag: v.spec.lag,
    },
    dropped: fit.dropped.map((d) => ({ reason: d.reason, count: d.count, message: d.message })),
    collinear: fit.collinear,
    firstStage: fit.firstStage,
    firstStageWald: fit.method === 'iv' ? firstStageWald(fit, v.spec) : undefined,
    notes: [...fit.notes, ...v.notes],
  };
}

/** A fitted model with the variance it is reported with (what {@link regress} computes before formatting). */
export interface RegressFit {
  readonly fit: FeolsFit;
  readonly vcov: VcovResult;
  readonly result: RegressionResult;
}

/** Fit `formula` and its variance (default {@link defaultVcov}) and build the result: {@link regress} with the fit kept. */
export function regressFit(
  panel: Panel,
  formula: Formula | string,
  spec?: VcovSpec | string,
  options: FeolsOptions & { level?: number } = {},
): RegressFit {
  const f = typeof formula === 'string' ? parseFormula(formula) : formula;
  const s: VcovSpec = spec === undefined ? defaultVcov(f) : typeof spec === 'string' ? parseVcov(spec) : spec;
  const fit = feols(panel, f, {
    ...options,
    require: [...(options.require ?? []), ...(s.type === 'cluster' ? (s.cluster ?? []) : [])],
  });
  const v = vcov(fit, s);
  return { fit, vcov: v, result: regressionResult(fit, v, options.level) };
}

/**
 * Fit and infer in one call: `regress(panel, "y ~ x | id + year", "cluster:id")`. The default
 * variance is clustered by the panel entity when the model has FE (fixest's default is to cluster
 * by the first FE), else iid.
 */
export function regress(
  panel: Panel,
  formula: Formula | string,
  spec?: VcovSpec | string,
  options: FeolsOptions & { level?: number } = {},
): RegressionResult {
  return regressFit(panel, formula, spec, options).result;
}

/** fixest's default: cluster by the first fixed effect (of `fe[x]`, its FE), iid without FE. */
export function defaultVcov(f: Formula): VcovSpec {
  const first = f.varyingSlopes?.find((v) => v.position === 0)?.fe ?? f.fixedEffects[0] ?? f.varyingSlopes?.[0]?.fe;
  return first ? { type: 'cluster', cluster: [first] } : { type: 'iid' };
}
