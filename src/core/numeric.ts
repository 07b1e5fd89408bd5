/**
 * Small numeric building blocks shared by every stage. Missing values are `NaN`. The sums and moments
 * (`fsum`, `Adder`, `mean`, `variance`, `sd`) propagate NaN; `validValues`, `quantile` and `extent` use
 * only the finite values. Undefined cases (empty input, n − correction ≤ 0) return NaN rather than
 * throw, as stdlib's base maths does; the stages that call these turn that into an InputError where the
 * user can act on it.
 */

/** True when `x` is a finite number (not NaN, not ±Infinity). */
export function isValid(x: number): boolean {
  return Number.isFinite(x);
}

/**
 * Compensated (Neumaier) sum of `values[start..end)`. Error is O(ε) independent of n, unlike the
 * naive O(nε); see Neumaier (1974), ZAMM 54(1). Used wherever sums feed a ratio or a difference.
 */
export function fsum(values: ArrayLike<number>, start = 0, end = values.length): number {
  let s = 0;
  let c = 0;
  for (let i = start; i < end; i++) {
    const x = values[i];
    const t = s + x;
    c += Math.abs(s) >= Math.abs(x) ? s - t + x : x - t + s;
    s = t;
  }
  return s + c;
}

/** Incremental Neumaier accumulator for sums built in a loop. */
export class Adder {
  private s = 0;
  private c = 0;
  add(x: number): this {
    const t = this.s + x;
    this.c += Math.abs(this.s) >= Math.abs(x) ? this.s - t + x : x - t + this.s;
    this.s = t;
    return this;
  }
  valueOf(): number {
    return this.s + this.c;
  }
}

/** Arithmetic mean (compensated). NaN for an empty input or when any value is NaN. */
export function mean(values: ArrayLike<number>): number {
  return values.length === 0 ? NaN : fsum(values) / values.length;
}

/**
 * Variance with `correction` (1 = sample, n−1 denominator; 0 = population, n), two-pass with the
 * compensated mean. NaN when n − correction ≤ 0.
 */
export function variance(values: ArrayLike<number>, correction = 1): number {
  const n = values.length;
  if (n - correction <= 0) return NaN;
  const m = mean(values);
  const acc = new Adder();
  for (let i = 0; i < n; i++) {
    const d = values[i] - m;
    acc.add(d * d);
  }
  return +acc / (n - correction);
}

/** Standard deviation: √variance(values, correction). */
export function sd(values: ArrayLike<number>, correction = 1): number {
  return Math.sqrt(variance(values, correction));
}

/** The finite values of `values`, as a new Float64Array. */
export function validValues(values: ArrayLike<number>): Float64Array {
  let k = 0;
  for (let i = 0; i < values.length; i++) if (Number.isFinite(values[i])) k++;
  const out = new Float64Array(k);
  k = 0;
  for (let i = 0; i < values.length; i++) if (Number.isFinite(values[i])) out[k++] = values[i];
  return out;
}

/**
 * Quantile of already sorted finite values, R's `quantile(x, p, type)` (Hyndman & Fan 1996):
 * - `type = 7` (default, R's default): h = (n − 1)p, linear interpolation between the order
 *   statistics around h, computed as R does;
 * - `type = 2`: the averaged inverse of the empirical distribution (Stata's `_pctile` and
 *   `summarize, detail`, hence `winsor2`): with np = n·p, x_(⌈np⌉) when np is not an integer and the
 *   mean of x_(np) and x_(np+1) when it is (R's fuzz of 4ε for deciding integrality).
 */
export function quantileSorted(sorted: ArrayLike<number>, p: number, type: 2 | 7 = 7): number {
  const n = sorted.length;
  if (n === 0 || !(p >= 0 && p <= 1)) return NaN;
  if (type === 2) {
    const np = n * p;
    const j = Math.floor(np + 4 * Number.EPSILON * np);
    const g = np - j;
    if (Math.abs(g) < 4 * Number.EPSILON * Math.max(1, np))
      return (sorted[Math.max(0, j - 1)] + sorted[Math.min(n - 1, j)]) / 2;
    return sorted[Math.min(n - 1, j)];
  }
  const h = (n - 1) * p;
  const lo = Math.floor(h);
  const hi = Math.min(lo + 1, n - 1);
  const frac = h - lo;
  // R's own arithmetic, (1 − h)x_lo + h·x_hi, and x_lo itself when the neighbours are equal, so that
  // results (winsorising cut-offs, bootstrap critical values) equal R's bit for bit.
  if (frac === 0 || sorted[hi] === sorted[lo]) return sorted[lo];
  return (1 - frac) * sorted[lo] + frac * sorted[hi];
}

/** Quantile (R type 7 by default, or type 2; see {@link quantileSorted}) of the finite values of `values`. */
export function quantile(values: ArrayLike<number>, p: number, type: 2 | 7 = 7): number {
  const v = validValues(values).sort();
  return quantileSorted(v, p, type);
}

/** Minimum and maximum of the finite values; [NaN, NaN] when there are none. */
export function extent(values: ArrayLike<number>): [number, number] {
  let lo = Infinity;
  let hi = -Infinity;
  for (let i = 0; i < values.length; i++) {
    const x = values[i];
    if (!Number.isFinite(x)) continue;
    if (x < lo) lo = x;
    if (x > hi) hi = x;
  }
  return lo <= hi ? [lo, hi] : [NaN, NaN];
}

/** |a − b| ≤ tol·max(|a|, |b|, 1e-300): relative closeness for tests and convergence checks. */
export function relClose(a: number, b: number, tol: number): boolean {
  return Math.abs(a - b) <= tol * Math.max(Math.abs(a), Math.abs(b), 1e-300);
}
