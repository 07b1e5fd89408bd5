import { coefficientOfVariation } from '../disparity/coefficient-of-variation.js';
/**
 * σ-convergence: the cross-sectional dispersion of a variable falls over time (Barro &
 * Sala-i-Martin 1992, JPE 100(2):223–251). Dispersion per period is the coefficient of variation
 * s_t/ȳ_t (sample sd, n − 1, as R's sd) or the standard deviation of logs; the trend is the OLS slope
 * of the dispersion on the period, with its t test (σ-convergence when significantly negative).
 */
import type { Panel } from '../data/panel.js';
import { InputError } from '../core/errors.js';
import { mean, sd } from '../core/numeric.js';
import { tPValue } from '../core/pvalue.js';
import { valuesByPeriod } from './panel-values.js';

/** Options of {@link sigmaConvergence}. */
export interface SigmaConvergenceOptions {
  /** 'cv' (default): s/ȳ; 'sd-log': sd of ln y. */
  readonly measure?: 'cv' | 'sd-log';
  /** 1 = sample sd (default), 0 = population. */
  readonly correction?: number;
}

/** Slope of a simple regression with its standard error and two-sided p-value. */
export interface Trend {
  readonly slope: number;
  readonly intercept: number;
  readonly stdError: number;
  readonly tValue: number;
  readonly pValue: number;
  readonly n: number;
}

/** Dispersion per period and its linear trend. */
export interface SigmaConvergenceResult {
  readonly value: string;
  readonly measure: 'cv' | 'sd-log';
  readonly periods: ReadonlyArray<{ readonly period: number; readonly n: number; readonly sigma: number }>;
  readonly trend: Trend;
  /** True when the trend slope is negative. */
  readonly converging: boolean;
}

/** OLS of y on x with intercept (closed form on centred data); classical standard error. */
export function simpleTrend(x: readonly number[], y: readonly number[]): Trend {
  const n = x.length;
  const mx = mean(x);
  const my = mean(y);
  let sxx = 0;
  let sxy = 0;
  for (let i = 0; i < n; i++) {
    sxx += (x[i] - mx) ** 2;
    sxy += (x[i] - mx) * (y[i] - my);
  }
  const slope = sxy / sxx;
  const intercept = my - slope * mx;
  let rss = 0;
  for (let i = 0; i < n; i++) rss += (y[i] - intercept - slope * x[i]) ** 2;
  const stdError = n > 2 ? Math.sqrt(rss / (n - 2) / sxx) : NaN;
  const tValue = slope / stdError;
  const pValue = n > 2 ? tPValue(tValue, n - 2) : NaN;
  return { slope, intercept, stdError, tValue, pValue, n };
}

/** σ-convergence of column `value`: dispersion per period (periods with ≥ 2 values) and its OLS trend on the period. */
export function sigmaConvergence(
  panel: Panel,
  value: string,
  options: SigmaConvergenceOptions = {},
): SigmaConvergenceResult {
  const measure = options.measure ?? 'cv';
  const correction = options.correction ?? 1;
  const periods = valuesByPeriod(panel, value)
    .filter((g) => g.values.length >= 2)
    .map((g) => {
      if (measure === 'sd-log' && g.values.some((v) => !(v > 0))) {
        throw new InputError(`sd of logs needs positive values of "${value}" (period ${g.period})`, {
          column: value,
          hint: 'use --measure cv',
        });
      }
      const sigma =
        measure === 'cv' ? coefficientOfVariation(g.values, correction) : sd(g.values.map(Math.log), correction);
      return { period: g.period, n: g.values.length, sigma };
    });
  if (periods.length < 2)
    throw new InputError(`σ-convergence needs at least two periods with two or more values of "${value}"`, {
      column: value,
    });
  const trend = simpleTrend(
    periods.map((p) => p.period),
    periods.map((p) => p.sigma),
  );
  return { value, measure, periods, trend, converging: trend.slope < 0 };
}
