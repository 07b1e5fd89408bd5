import { Adder, mean, sd } from '../core/numeric.js';
import { toShares } from './shares.js';

/** Pearson correlation of two equal-length columns (two-pass, compensated sums). */
export function pearson(x: Float64Array, y: Float64Array): number {
  const mx = mean(x);
  const my = mean(y);
  const sxy = new Adder();
  const sxx = new Adder();
  const syy = new Adder();
  for (let i = 0; i < x.length; i++) {
    const a = x[i] - mx;
    const b = y[i] - my;
    sxy.add(a * b);
    sxx.add(a * a);
    syy.add(b * b);
  }
  return +sxy / Math.sqrt(+sxx * +syy);
}

/**
 * CRITIC weights (Diakoulaki, Mavrotas & Papayannakis 1995, Computers & OR 22(7)):
 * C_j = σ_j Σ_k (1 − r_jk), w_j = C_j / Σ C. σ_j is the sample standard deviation (n − 1
 * denominator, R's `sd`) and r_jk the Pearson correlation, both of the normalised, direction-aligned
 * values used for scoring (min-max in the original paper), pooled over all rows. The sum runs over
 * the indicators of the same system; constant indicators must be removed beforehand (their r is
 * undefined) — {@link computeWeights} does so and gives them weight 0.
 *
 * Note: σ_j depends on the normalisation (a [0.01, 0.99] rescale multiplies every σ by 0.98 and so
 * leaves the weights unchanged; a shift changes nothing).
 */
export function criticWeights(columns: readonly Float64Array[]): { raw: Float64Array; weights: Float64Array } {
  const m = columns.length;
  const r = columns.map((cj, j) => columns.map((ck, k) => (j === k ? 1 : k < j ? NaN : pearson(cj, ck))));
  const raw = new Float64Array(m);
  for (let j = 0; j < m; j++) {
    const conflict = new Adder();
    for (let k = 0; k < m; k++) conflict.add(1 - (k < j ? r[k][j] : r[j][k]));
    raw[j] = sd(columns[j], 1) * +conflict;
  }
  return { raw, weights: toShares(raw) };
}
