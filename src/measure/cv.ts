import { InputError } from '../core/errors.js';
import { mean, sd } from '../core/numeric.js';
import type { NoteLog } from '../core/notes.js';
import { toShares } from './shares.js';

/**
 * Coefficient-of-variation weights: v_j = s_j / |x̄_j| on the raw (not normalised) values of the
 * rows used, s_j with the n − 1 denominator; w_j = v_j / Σ v. Raw values, because after min-max
 * every indicator has range 1 and the CV would reflect only the shape of the distribution; the CV
 * is scale-free, so units do not matter. Direction does not enter (dispersion is symmetric).
 *
 * @throws InputError when an indicator's mean is 0 (the CV is undefined). An indicator whose mean is
 * near 0 against its spread (|x̄| < s/10, e.g. a growth rate or a balance that takes both signs) gets a
 * huge CV and most of the weight for no substantive reason: it is warned about (`cv-mean-near-zero`)
 * on `log`, with its share of the weight.
 */
export function cvWeights(
  raw: readonly Float64Array[],
  names: readonly string[],
  log?: NoteLog,
): { raw: Float64Array; weights: Float64Array } {
  const nearZero: number[] = [];
  const v = Float64Array.from(raw, (x, j) => {
    const m = mean(x);
    if (m === 0) {
      throw new InputError(
        `coefficient-of-variation weights: indicator "${names[j]}" has mean 0, so its CV is undefined`,
        {
          column: names[j],
          hint: 'use --weights entropy or critic',
        },
      );
    }
    const s = sd(x, 1);
    if (Math.abs(m) < s / 10) nearZero.push(j);
    return s / Math.abs(m);
  });
  const weights = toShares(v);
  for (const j of nearZero) {
    log?.warn(
      'cv-mean-near-zero',
      `coefficient-of-variation weights: indicator "${names[j]}" has a mean near 0 against its spread (CV ${v[j].toPrecision(3)}), so it takes ${(100 * weights[j]).toFixed(1)}% of the weight; use --weights entropy or critic, or an indicator that does not cross 0`,
      { indicator: names[j], cv: v[j], weight: weights[j] },
    );
  }
  return { raw: v, weights };
}
