import { InputError } from '../core/errors.js';
import { log } from '../core/elementary.js';
import { Adder, fsum } from '../core/numeric.js';
import { toShares } from './shares.js';

/**
 * Shannon entropy of a non-negative column as the entropy method uses it:
 * p_i = x_i / Σ x, e = −k Σ p_i ln p_i with k = 1/ln n, where n counts the rows given (the valid
 * observations; for the pooled "global" entropy of a panel n = N·T, so k = 1/ln(N·T) and
 * 0 ≤ e ≤ 1). 0·ln 0 = 0 (the limit), so min-max zeros need no shift. A column of zeros carries no
 * information: e = 1.
 *
 * @throws InputError when a value is negative (e.g. z-scores): entropy needs shares p ≥ 0.
 */
export function entropy(x: ArrayLike<number>, rows: ArrayLike<number> | undefined, name: string): number {
  const n = rows ? rows.length : x.length;
  const at = (k: number) => x[rows ? rows[k] : k];
  const v = Float64Array.from({ length: n }, (_, k) => at(k));
  for (const a of v) {
    if (a < 0) {
      throw new InputError(`entropy weights need non-negative normalised values, but indicator "${name}" has ${a}`, {
        column: name,
        hint: 'z-scores are negative: use --normalize minmax (or minmax-shift/minmax-range) with entropy weights, or --weights critic',
      });
    }
  }
  if (n < 2) return 1;
  const total = fsum(v);
  if (!(total > 0)) return 1;
  const acc = new Adder();
  for (const a of v) {
    if (a > 0) {
      const p = a / total;
      acc.add(p * log(p));
    }
  }
  // log, not Math.log: the same bits in the CLI and the browser (src/core/elementary.ts).
  return -+acc / log(n);
}

/**
 * Entropy weights. Pooled ("global", one group of rows): d_j = 1 − e_j over all N·T rows, w_j =
 * d_j / Σ d (the panel "global" entropy of 杨丽 & 孙之淳 2015, 经济问题 2015(3)). Per period (several groups):
 * w_tj = d_tj / Σ_j d_tj within each period t, then w_j = (1/T) Σ_t w_tj, the average of the
 * yearly weight vectors (the CSMAR-style year-by-year entropy, averaged so one weight vector serves
 * every year). A period in which every indicator is constant is skipped.
 *
 * @returns `raw` = d_j (pooled) or the averaged w_j (per period), and `weights` summing to 1.
 */
export function entropyWeights(
  columns: readonly Float64Array[],
  names: readonly string[],
  groups: readonly Int32Array[] | null,
): { raw: Float64Array; weights: Float64Array; skippedGroups: number[] } {
  if (!groups) {
    const raw = Float64Array.from(columns, (c, j) => 1 - entropy(c, undefined, names[j]));
    return { raw, weights: toShares(raw), skippedGroups: [] };
  }
  const sums = columns.map(() => new Adder());
  const skippedGroups: number[] = [];
  let used = 0;
  groups.forEach((rows, g) => {
    const d = Float64Array.from(columns, (c, j) => 1 - entropy(c, rows, names[j]));
    if (!(fsum(d) > 0)) {
      skippedGroups.push(g);
      return;
    }
    used++;
    toShares(d).forEach((w, j) => sums[j].add(w));
  });
  const raw = Float64Array.from(sums, (s) => (used ? +s / used : 0));
  return { raw, weights: toShares(raw), skippedGroups };
}
