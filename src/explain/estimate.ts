import tQuantile from '@stdlib/stats-base-dists-t-quantile';
import normalQuantile from '@stdlib/stats-base-dists-normal-quantile';
import { InputError } from '../core/errors.js';
import { tPValue } from '../core/pvalue.js';

/**
 * One estimated quantity with its inference: the row type of every coefficient table nqpf prints
 * (regression coefficients, mediation paths, simple slopes, threshold-regime slopes). `statistic` is
 * estimate / stdError; the p-value is two-sided and the interval symmetric, both from the t
 * distribution with the variance's df, or the normal when df = Infinity (fixest's `coeftable`).
 */
export interface Estimate {
  /** What is estimated: a coefficient name, a path (`x → m`) or a point (`mean + 1 SD`). */
  readonly term: string;
  readonly estimate: number;
  readonly stdError: number;
  readonly statistic: number;
  readonly pValue: number;
  readonly ciLow: number;
  readonly ciHigh: number;
}

/** Critical value t_{df, 1 − (1 − level)/2} (normal when df = Infinity). */
export function criticalValue(df: number, level = 0.95): number {
  if (!(level > 0 && level < 1))
    throw new InputError(`the confidence level must be between 0 and 1 (got ${level})`, {
      hint: 'e.g. --level 0.95 (a 95% interval)',
    });
  const p = 1 - (1 - level) / 2;
  return Number.isFinite(df) ? tQuantile(p, df) : normalQuantile(p, 0, 1);
}

/**
 * An {@link Estimate} from an estimate, its standard error and the df of its t distribution:
 * statistic = estimate/se, p = P(|T_df| > |statistic|) computed as an upper tail (core/pvalue), and the
 * `level` interval estimate ± t·se. Pass `crit` (from {@link criticalValue}) when building many rows.
 */
export function estimateRow(
  term: string,
  estimate: number,
  stdError: number,
  df: number,
  level = 0.95,
  crit = criticalValue(df, level),
): Estimate {
  const statistic = estimate / stdError;
  return {
    term,
    estimate,
    stdError,
    statistic,
    pValue: tPValue(statistic, df),
    ciLow: estimate - crit * stdError,
    ciHigh: estimate + crit * stdError,
  };
}
