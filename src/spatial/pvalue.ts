import { normalPValue, type Alternative } from '../core/pvalue.js';
import { InputError } from '../core/errors.js';
import type { SpatialWeights } from './weights.js';

/**
 * Alternative hypothesis of a spatial autocorrelation test, as in spdep: `greater` (positive
 * autocorrelation; spdep's default for moran.test, geary.test and moran.mc), `less`, `two.sided`
 * (spdep's default for localmoran). Normal p-values come from the core helper ({@link normalPValue}).
 */
export type { Alternative };
export { normalPValue };

/** Check that x has one finite value per entity of the weights; InputError naming the entity otherwise. */
export function checkValues(x: ArrayLike<number>, w: SpatialWeights, what = 'the variable'): void {
  if (x.length !== w.ids.length) {
    throw new RangeError(`${what} has ${x.length} values but the weights have ${w.ids.length} entities`);
  }
  for (let i = 0; i < x.length; i++) {
    if (!Number.isFinite(x[i])) {
      throw new InputError(`${what} is missing for entity "${w.ids[i]}"`, {
        hint: 'fill the value or drop the entity before the spatial test (spdep uses na.fail)',
      });
    }
  }
  if (x.length < 4) throw new InputError(`spatial autocorrelation tests need at least 4 entities (got ${x.length})`);
  let lo = Infinity;
  let hi = -Infinity;
  for (let i = 0; i < x.length; i++) {
    if (x[i] < lo) lo = x[i];
    if (x[i] > hi) hi = x[i];
  }
  // A constant variable has Σz² = 0: I, C and every local Iᵢ are 0/0. spdep stops as well (moran.test
  // fails in its kurtosis check, geary.test with "NAs generated"); say why instead. Differences of a few
  // ulps are round-off from an upstream computation, not variation.
  if (hi - lo <= 4 * Number.EPSILON * Math.max(Math.abs(lo), Math.abs(hi))) {
    throw new InputError(`${what} is constant (${lo} for every entity): spatial autocorrelation is undefined`, {
      hint: 'choose a variable that varies across entities, or another period',
    });
  }
}

/** Check a significance level: 0 < alpha < 1; InputError naming the option otherwise. */
export function checkAlpha(alpha: number, option = 'alpha'): void {
  if (!(alpha > 0 && alpha < 1)) {
    throw new InputError(`${option} must be a significance level between 0 and 1 (got ${alpha})`, {
      hint: `e.g. ${option} 0.05`,
    });
  }
}

/** Deviations from the mean, z_i = x_i − x̄. */
export function centre(x: ArrayLike<number>): Float64Array {
  let s = 0;
  for (let i = 0; i < x.length; i++) s += x[i];
  const m = s / x.length;
  return Float64Array.from(x, (v) => v - m);
}

/** Deviations z = x − x̄ with Σz² and Σz⁴, the moments every Moran/Geary formula needs. */
export function centredMoments(x: ArrayLike<number>): { z: Float64Array; z2: number; z4: number } {
  const z = centre(x);
  let z2 = 0;
  let z4 = 0;
  for (const v of z) {
    z2 += v * v;
    z4 += v ** 4;
  }
  return { z, z2, z4 };
}
