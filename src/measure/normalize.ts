import { InputError } from '../core/errors.js';
import { mean, sd } from '../core/numeric.js';
import type { Direction } from '../framework/types.js';
import type { NormalizeMethod } from './options.js';

/** Parameters of {@link normalizeIndicator}. */
export interface NormalizeSpec {
  readonly method: NormalizeMethod;
  /** Additive shift of `minmax-shift`. */
  readonly shift: number;
  /** Target interval [a, b] of `minmax-range`. */
  readonly range: readonly [number, number];
}

/**
 * Normalise one indicator, direction applied, separately within each group of rows (one group =
 * pooled over the whole panel; one group per period = per-period normalisation). Let m, M be the
 * group's min and max, x̄ and s its mean and sample standard deviation (n − 1):
 *
 * - `minmax`: benefit (x − m)/(M − m), cost (M − x)/(M − m), in [0, 1].
 * - `minmax-shift`: the `minmax` value + shift (e.g. 0.0001, the Weydon-Ding/CSDN panel-entropy
 *   convention), in [shift, 1 + shift], so that no share is 0 in the entropy method.
 * - `minmax-range`: a + (b − a)·`minmax`, in [a, b]; [0.01, 0.99] is SPSSAU's default.
 * - `zscore`: benefit (x − x̄)/s, cost −(x − x̄)/s (COINr `n_zscore` convention, but with direction
 *   applied by sign).
 * - `ratio`: benefit x/M (COINr `n_fracmax`), cost m/x (franksun319 convention). Needs x ≥ 0 and
 *   M > 0 for benefit and x > 0 for cost; otherwise an InputError (the ratio has no meaning).
 *
 * A group where the indicator is constant (M = m) normalises to the top of the scale for the
 * min-max variants (1, 1 + shift or b) and to 0 for z-scores, so it is finite; {@link measure}
 * gives a constant indicator weight 0 anyway.
 *
 * @param x the indicator's values on the rows used (no NaN).
 * @param groups row positions of each normalisation group.
 * @param name indicator id, for error messages.
 * @returns a new array; `x` is not modified.
 */
export function normalizeIndicator(
  x: Float64Array,
  direction: Direction,
  groups: readonly Int32Array[],
  spec: NormalizeSpec,
  name: string,
): Float64Array {
  const out = new Float64Array(x.length);
  for (const rows of groups) {
    const v = new Float64Array(rows.length);
    let lo = Infinity;
    let hi = -Infinity;
    for (let k = 0; k < rows.length; k++) {
      const a = x[rows[k]];
      v[k] = a;
      if (a < lo) lo = a;
      if (a > hi) hi = a;
    }
    const constant = hi === lo;
    switch (spec.method) {
      case 'minmax':
      case 'minmax-shift':
      case 'minmax-range': {
        const [a, b] = spec.method === 'minmax-range' ? spec.range : [0, 1];
        const add = spec.method === 'minmax-shift' ? spec.shift : 0;
        const span = hi - lo;
        for (let k = 0; k < rows.length; k++) {
          const base = constant ? 1 : direction === '+' ? (v[k] - lo) / span : (hi - v[k]) / span;
          out[rows[k]] = spec.method === 'minmax-range' ? a + (b - a) * base : base + add;
        }
        break;
      }
      case 'zscore': {
        const m = mean(v);
        const s = sd(v, 1);
        const sign = direction === '+' ? 1 : -1;
        for (let k = 0; k < rows.length; k++) out[rows[k]] = constant || !(s > 0) ? 0 : (sign * (v[k] - m)) / s;
        break;
      }
      case 'ratio': {
        if (direction === '+' ? !(lo >= 0 && hi > 0) : !(lo > 0)) {
          throw new InputError(
            `indicator "${name}": ratio normalisation needs ${direction === '+' ? 'values ≥ 0 and a positive maximum' : 'positive values (min/x)'}, but the minimum is ${lo}`,
            {
              column: name,
              hint: 'use --normalize minmax for indicators that can be zero or negative',
            },
          );
        }
        for (let k = 0; k < rows.length; k++) out[rows[k]] = direction === '+' ? v[k] / hi : lo / v[k];
        break;
      }
    }
  }
  return out;
}
