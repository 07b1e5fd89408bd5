/** `threshold`: Hansen's panel threshold regression, as `nqpf threshold --json`. */
import { InputError } from '../core/errors.js';
import type { ImputeMethod } from '../data/impute.js';
import type { Panel } from '../data/panel.js';
import { panelThreshold, type ThresholdResult } from '../explain/mechanisms/threshold.js';
import { imputeColumns, listOf } from './common.js';
import { robustnessSamples, sampleResultsJson, type SampleOptions, type SampleResult } from './samples.js';

/** Options of {@link threshold}; the defaults are the CLI's. */
export interface ThresholdStageOptions extends SampleOptions {
  /** Dependent variable. */
  readonly y: string;
  /** Regime-dependent regressor. */
  readonly x: string;
  /** Threshold variable. */
  readonly q: string;
  /** Regime-independent controls. */
  readonly controls?: string | readonly string[];
  /** Number of thresholds, 1 (default), 2 or 3. */
  readonly thresholds?: number;
  /** Candidates: every distinct value of q (`all`, default) or N quantiles. */
  readonly grid?: 'all' | number;
  /** Rule of `grid: N`: `distinct` (default, Hansen) or `observations` (see thresholdCandidates). */
  readonly gridType?: 'distinct' | 'observations';
  /** Minimum share of observations in each regime; default 0.01. */
  readonly trim?: number;
  /** Bootstrap replications per threshold test; default 300 (0 = no test). */
  readonly bootstrap?: number;
  /** Random seed; default 1. */
  readonly seed?: number;
  /** Level of the LR threshold intervals; default 0.95. */
  readonly level?: number;
  /** Period dummies (two-way fixed effects); default false. */
  readonly timeEffects?: boolean;
  /** SEs of the coefficients: iid (default, xtreg fe) | hc1 | cluster:COL. */
  readonly vcov?: string;
  /** Missing values of the variables used: linear, mean, drop or none (default). */
  readonly impute?: ImputeMethod;
}

/** The threshold result object of one sample (LR profiles left out to keep it small). */
export function thresholdJson(r: ThresholdResult) {
  return {
    thresholds: r.thresholds.map((t) => ({
      order: t.order,
      estimate: t.estimate,
      ciLow: t.ciLow,
      ciHigh: t.ciHigh,
      F: t.F,
      pValue: t.pValue,
      critical: t.critical,
      ssr: t.ssr,
    })),
    coefficients: r.coefficients,
    vcov: r.vcov,
    regimes: r.regimes,
    ssr: r.ssr,
    ssr0: r.ssr0,
    nobs: r.nobs,
    nEntities: r.nEntities,
    nPeriods: r.nPeriods,
    nCandidates: r.nCandidates,
    options: r.options,
    notes: r.notes,
  };
}

/** Check the grid and the number of thresholds (InputError naming the flag). */
export function checkThresholdOptions(options: Pick<ThresholdStageOptions, 'grid' | 'thresholds'>): void {
  const grid = options.grid ?? 'all';
  if (grid !== 'all' && !(Number.isInteger(grid) && grid >= 1))
    throw new InputError(`--grid takes "all" or a whole number (got "${grid}")`, {
      hint: 'e.g. --grid all or --grid 300',
    });
  const k = options.thresholds ?? 1;
  if (![1, 2, 3].includes(k)) throw new InputError(`--thresholds must be 1, 2 or 3 (got ${k})`);
}

/** The threshold model on each subsample (imputation first, then the robustness options). */
export function runThreshold(
  raw: Panel,
  options: ThresholdStageOptions,
): { panel: Panel; by?: string; results: SampleResult<ThresholdResult>[] } {
  checkThresholdOptions(options);
  const controls = listOf(options.controls);
  const panel = imputeColumns(raw, options.impute, [options.y, options.x, options.q, ...controls]);
  const samples = robustnessSamples(panel, options, [options.y, options.x, ...controls]);
  const results = samples.map((s) => ({
    group: s.group,
    notes: s.panel.notes,
    result: panelThreshold(s.panel, {
      y: options.y,
      x: options.x,
      q: options.q,
      controls,
      thresholds: (options.thresholds ?? 1) as 1 | 2 | 3,
      grid: options.grid ?? 'all',
      gridType: options.gridType,
      trim: options.trim ?? 0.01,
      bootstrap: options.bootstrap ?? 300,
      seed: options.seed ?? 1,
      level: options.level ?? 0.95,
      timeEffects: options.timeEffects,
      vcov: options.vcov,
    }),
  }));
  return { panel, by: options.by, results };
}

/**
 * Panel threshold regression (Hansen 1999, as Stata's xthreg): 1–3 thresholds, bootstrap F tests,
 * LR intervals; as `nqpf threshold --json`.
 */
export function threshold(panel: Panel, options: ThresholdStageOptions) {
  const run = runThreshold(panel, options);
  return sampleResultsJson(run.panel, run.by, run.results, thresholdJson);
}
