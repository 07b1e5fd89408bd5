import { InputError } from '../core/errors.js';
import { mean, sd } from '../core/numeric.js';
import { toShares } from './shares.js';

/**
 * Coefficient-of-variation weights: v_j = s_j / |x̄_j| on the raw (not normalised) values of the
 * rows used, s_j with the n − 1 denominator; w_j = v_j / Σ v. Raw values, because after min-max
 * every indicator has range 1 and the CV would reflect only the shape of the distribution; the CV
 * is scale-free, so units do not matter. Direction does not enter (dispersion is symmetric).
 *
 * @throws InputError when an indicator's mean is 0 (the CV is undefined); indicators that take both
 * signs make the CV hard to read, so use another method for them.
 */
export function cvWeights(raw: readonly Float64Array[], names: readonly string[]): { raw: Float64Array; weights: Float64Array } {
  const v = Float64Array.from(raw, (x, j) => {
    const m = mean(x);
    if (m === 0) {
      throw new InputError(`coefficient-of-variation weights: indicator "${names[j]}" has mean 0, so its CV is undefined`, {
        column: names[j],
        hint: 'use --weights entropy or critic',
      });
    }
    return sd(x, 1) / Math.abs(m);
  });
  return { raw: v, weights: toShares(v) };
}
