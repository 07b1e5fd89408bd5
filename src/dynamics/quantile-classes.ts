/**
 * Quantile classes for Markov chains of continuous values (the usual 4 classes: low, lower-middle,
 * upper-middle, high).
 *
 * Breaks are R type-7 quantiles at 1/k, ..., (k−1)/k. A value belongs to class c (0-based) when
 * b_{c−1} < x ≤ b_c (right-closed, as mapclassify `Quantiles` used by PySAL giddy).
 */
import { quantileSorted, validValues } from '../core/numeric.js';

/** The k − 1 inner breaks of k quantile classes of the finite values. */
export function quantileBreaks(values: ArrayLike<number>, k: number): number[] {
  const v = validValues(values).sort();
  return Array.from({ length: k - 1 }, (_, i) => quantileSorted(v, (i + 1) / k));
}

/** Class of x (0-based) given ascending inner breaks; −1 for NaN. */
export function classOf(x: number, breaks: readonly number[]): number {
  if (!Number.isFinite(x)) return -1;
  for (let c = 0; c < breaks.length; c++) if (x <= breaks[c]) return c;
  return breaks.length;
}
