import { fsum } from '../core/numeric.js';

/** w_j = r_j / Σ r (compensated sum); all zeros when Σ r = 0. */
export function toShares(raw: ArrayLike<number>): Float64Array {
  const total = fsum(raw);
  return Float64Array.from(raw as ArrayLike<number>, (r) => (total > 0 ? r / total : 0));
}
