/**
 * Silverman's rule-of-thumb bandwidth for a Gaussian kernel, as R's `bw.nrd0`:
 *
 *   h = 0.9 · min(s, IQR/1.34) · n^(−1/5)
 *
 * with s the sample standard deviation and IQR from R's type-7 quantiles. Fallbacks as in R: if
 * min(s, IQR/1.34) is 0, use s, then |x₁|, then 1. Silverman (1986), Density Estimation, eq. (3.31).
 */
import { InputError } from '../core/errors.js';
import { quantileSorted, sd } from '../core/numeric.js';

/** Silverman's rule as R's `bw.nrd0(x)`; InputError for fewer than two values. */
export function bandwidthNrd0(x: ArrayLike<number>): number {
  if (x.length < 2)
    throw new InputError('a kernel density bandwidth needs at least two data points', {
      hint: 'give more entities per period or a fixed --bw',
    });
  const hi = sd(x);
  const sorted = Float64Array.from(x).sort();
  const iqr = quantileSorted(sorted, 0.75) - quantileSorted(sorted, 0.25);
  let lo = Math.min(hi, iqr / 1.34);
  if (!lo) lo = hi || Math.abs(x[0]) || 1;
  return 0.9 * lo * Math.pow(x.length, -0.2);
}
