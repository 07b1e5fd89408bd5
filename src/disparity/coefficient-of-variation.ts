/**
 * Coefficient of variation CV = s / ȳ.
 *
 * `correction` = 1 (default) uses the sample standard deviation (n − 1 denominator), as R's
 * `sd(x)/mean(x)` and most σ-convergence papers that compute in Stata or R; 0 gives the population
 * form √(Σ(y − ȳ)²/n)/ȳ that some papers write. Say which in the paper.
 */
import { mean, sd } from '../core/numeric.js';

/** CV = sd(values, correction) / mean(values); NaN for fewer than two values. */
export function coefficientOfVariation(values: ArrayLike<number>, correction = 1): number {
  return sd(values, correction) / mean(values);
}
