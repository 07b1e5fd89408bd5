import { exp, log } from '../core/elementary.js';
import { InputError } from '../core/errors.js';
import { Adder, fsum } from '../core/numeric.js';

/**
 * Weighted arithmetic mean of the member indicators in each row: S_i = Σ_j w_j x'_ij / Σ_j w_j.
 * With the system's weights (Σ w = 1) this is the usual composite index Σ w_j x'_ij; a dimension's
 * score uses its own indicators with weights rescaled to sum to 1, so dimension scores are on the
 * same scale as the index, and index = Σ_d W_d·S_d with W_d the dimension weight. (Papers that report
 * Σ_{j∈d} w_j x'_ij as the "dimension score" report W_d·S_d.) NaN when Σ w = 0.
 */
export function aggregateArithmetic(
  columns: readonly Float64Array[],
  weights: ArrayLike<number>,
  n: number,
): Float64Array {
  const total = fsum(weights);
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const acc = new Adder();
    columns.forEach((c, j) => {
      if (weights[j] > 0) acc.add(weights[j] * c[i]);
    });
    out[i] = total > 0 ? +acc / total : NaN;
  }
  return out;
}

/**
 * Weighted geometric mean: S_i = exp(Σ_j w_j ln x'_ij / Σ_j w_j) = Π x'_ij^(w_j/Σw), over indicators
 * with w_j > 0. It is only partly compensatory (a weak indicator cannot be offset fully). Values must
 * be positive: plain min-max gives 0 to the worst entity, so this throws an InputError (as COINr's
 * `a_gmean` does) rather than silently shifting; use `minmax-shift` or `minmax-range`.
 */
export function aggregateGeometric(
  columns: readonly Float64Array[],
  weights: ArrayLike<number>,
  n: number,
  names: readonly string[],
): Float64Array {
  const total = fsum(weights);
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const acc = new Adder();
    columns.forEach((c, j) => {
      if (!(weights[j] > 0)) return;
      if (!(c[i] > 0)) {
        throw new InputError(
          `geometric aggregation needs positive normalised values, but indicator "${names[j]}" is ${c[i]} in some rows`,
          {
            column: names[j],
            hint: 'use --normalize minmax-shift (adds 0.0001) or minmax-range (0.01–0.99), or --aggregate arithmetic',
          },
        );
      }
      acc.add(weights[j] * log(c[i]));
    });
    // log/exp, not Math.log/Math.exp: the same bits in the CLI and the browser (src/core/elementary.ts).
    out[i] = total > 0 ? exp(+acc / total) : NaN;
  }
  return out;
}
