import { InputError } from '../core/errors.js';
import { Adder, fsum } from '../core/numeric.js';
import { tPValue } from '../core/pvalue.js';
import { cholesky, choleskyInverse, crossprod, get } from '../linalg/index.js';

/** Correlation coefficient: Pearson's product-moment, or Spearman's rank correlation. */
export type CorrelationMethod = 'pearson' | 'spearman';

/** A correlation matrix with its tests, pairwise complete (all matrices k × k, row-major nested arrays). */
export interface CorrelationMatrix {
  readonly method: CorrelationMethod;
  readonly variables: readonly string[];
  /** r[i][j]; 1 on the diagonal (NaN for a constant or nearly empty pair). */
  readonly r: number[][];
  /** Two-sided p-value of H0: ρ = 0 from t = r√((n − 2)/(1 − r²)) on n − 2 df; NaN on the diagonal. */
  readonly p: number[][];
  /** Observations where both variables are present (n[i][i]: where variable i is). */
  readonly n: number[][];
}

/**
 * Mid-ranks (ties get the average of the ranks they span), R's `rank(x, ties.method = "average")`.
 */
export function midRanks(x: ArrayLike<number>): Float64Array {
  const n = x.length;
  const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => x[a] - x[b]);
  const out = new Float64Array(n);
  for (let i = 0; i < n;) {
    let j = i;
    while (j + 1 < n && x[order[j + 1]] === x[order[i]]) j++;
    const rank = (i + j) / 2 + 1;
    for (let k = i; k <= j; k++) out[order[k]] = rank;
    i = j + 1;
  }
  return out;
}

/** Pearson's r of two complete vectors: two passes, compensated sums (R's `cor` accumulates in long double). */
function pearson(x: ArrayLike<number>, y: ArrayLike<number>): number {
  const n = x.length;
  if (n < 2) return NaN;
  const mx = fsum(x) / n;
  const my = fsum(y) / n;
  const sxy = new Adder();
  const sxx = new Adder();
  const syy = new Adder();
  for (let i = 0; i < n; i++) {
    const dx = x[i] - mx;
    const dy = y[i] - my;
    sxy.add(dx * dy);
    sxx.add(dx * dx);
    syy.add(dy * dy);
  }
  const den = Math.sqrt(+sxx) * Math.sqrt(+syy);
  if (!(den > 0)) return NaN;
  // Rounding can push |r| a hair above 1 for (nearly) collinear pairs; R clamps the same way.
  return Math.max(-1, Math.min(1, +sxy / den));
}

/**
 * p-value of a correlation of `n` pairs: t = r√((n − 2)/(1 − r²)) on n − 2 df, two-sided, as R's
 * `cor.test` (Pearson, and Spearman with `exact = FALSE`) and Stata's `pwcorr, sig` / `spearman`.
 */
export function correlationPValue(r: number, n: number): number {
  if (!Number.isFinite(r) || n < 3) return NaN;
  if (Math.abs(r) === 1) return 0;
  return tPValue(r * Math.sqrt((n - 2) / (1 - r * r)), n - 2);
}

/**
 * Correlation matrix of `columns` on pairwise complete observations (R's `cor(x, use =
 * "pairwise.complete.obs")`): each pair uses the rows where both are present, with that pair's own
 * means; Spearman ranks each pair's complete rows (mid-ranks for ties) and takes Pearson's r of the
 * ranks. p-values from the t distribution ({@link correlationPValue}); Stata's `pwcorr, sig` follows
 * the same convention.
 */
export function correlationMatrix(
  columns: readonly ArrayLike<number>[],
  names: readonly string[],
  method: CorrelationMethod = 'pearson',
): CorrelationMatrix {
  const k = columns.length;
  const r = Array.from({ length: k }, () => new Array<number>(k).fill(NaN));
  const p = Array.from({ length: k }, () => new Array<number>(k).fill(NaN));
  const n = Array.from({ length: k }, () => new Array<number>(k).fill(0));
  for (let i = 0; i < k; i++) {
    for (let j = 0; j <= i; j++) {
      const a = columns[i];
      const b = columns[j];
      const xs: number[] = [];
      const ys: number[] = [];
      for (let t = 0; t < a.length; t++) {
        if (Number.isFinite(a[t]) && Number.isFinite(b[t])) {
          xs.push(a[t]);
          ys.push(b[t]);
        }
      }
      const m = xs.length;
      n[i][j] = n[j][i] = m;
      if (i === j) {
        r[i][i] = m >= 2 && xs.some((v) => v !== xs[0]) ? 1 : NaN;
        continue;
      }
      const rij = method === 'spearman' ? pearson(midRanks(xs), midRanks(ys)) : pearson(xs, ys);
      r[i][j] = r[j][i] = rij;
      p[i][j] = p[j][i] = correlationPValue(rij, m);
    }
  }
  return { method, variables: [...names], r, p, n };
}

/** Variance inflation factors with the listwise sample they were computed on. */
export interface VifResult {
  readonly variables: readonly string[];
  /** VIF_j = 1/(1 − R²_j), R²_j of x_j on the other variables with an intercept. */
  readonly vif: number[];
  /** Rows where every variable is present. */
  readonly n: number;
}

/**
 * Variance inflation factors of `columns` on the rows where all are present (listwise), as
 * `car::vif` on a linear model with these regressors and Stata's `estat vif`: VIF_j = 1/(1 − R²_j)
 * = [R⁻¹]_jj, the diagonal of the inverse correlation matrix (here of the centred cross-products,
 * scaled: [C⁻¹]_jj·C_jj with C = X̃ᵀX̃). The inverse comes from a Cholesky factor with a rank check:
 * perfectly collinear variables are an error naming them.
 */
export function varianceInflation(columns: readonly ArrayLike<number>[], names: readonly string[]): VifResult {
  const k = columns.length;
  if (k < 2)
    throw new InputError('VIF needs at least two variables', { hint: 'list two or more variables with --vars' });
  const len = columns[0].length;
  const rows: number[] = [];
  for (let t = 0; t < len; t++) if (columns.every((c) => Number.isFinite(c[t]))) rows.push(t);
  const m = rows.length;
  if (m <= k)
    throw new InputError(`VIF needs more complete rows than variables (${m} rows with all of ${names.join(', ')})`, {
      hint: 'choose fewer variables or impute missing values (--impute)',
    });
  const centred = columns.map((c) => {
    const v = Float64Array.from(rows, (t) => c[t]);
    const mu = fsum(v) / m;
    for (let i = 0; i < m; i++) v[i] -= mu;
    return v;
  });
  const c = crossprod(centred);
  const f = cholesky(c);
  if (f.rank < k) {
    const dropped = f.dropped.map((j) => names[j]);
    throw new InputError(`VIF: ${dropped.join(', ')} perfectly collinear with the other variables`, {
      hint: `drop ${dropped.join(', ')} from --vars`,
    });
  }
  const inv = choleskyInverse(f);
  return { variables: [...names], vif: names.map((_, j) => get(inv, j, j) * get(c, j, j)), n: m };
}
