import type { Matrix } from './matrix.js';
import { zeros } from './matrix.js';

/** Options of {@link cholesky}. */
export interface CholeskyOptions {
  /**
   * Relative tolerance for rank detection: column j is declared collinear when its squared residual
   * norm after projecting on the earlier kept columns is below `tol × A[j,j]`, i.e. when its R² on
   * them exceeds 1 − tol. Default 1e-10 (fixest's `collin.tol` default).
   */
  tol?: number;
}

/**
 * Result of {@link cholesky}: A[keep, keep] = RᵀR with R upper-triangular (`rank × rank`,
 * column-major). `dropped` are the indices of columns found collinear with earlier ones.
 */
export interface CholeskyFactor {
  readonly r: Matrix;
  readonly rank: number;
  /** Indices (into A) of the kept columns, in their original order. */
  readonly keep: readonly number[];
  /** Indices (into A) of the columns dropped as collinear, in order. */
  readonly dropped: readonly number[];
}

/**
 * Order-preserving Cholesky factorisation of a symmetric positive semi-definite matrix with rank
 * detection: columns are processed left to right and a column whose pivot falls below
 * `tol × A[j,j]` is dropped (never a blind inverse). This is fixest's convention (`cpp_cholesky`
 * in fixest, which likewise drops the later of two collinear variables) and matches which term
 * R's `lm` reports as `NA`. A zero-variance column (A[j,j] = 0) is always dropped.
 */
export function cholesky(a: Matrix, options: CholeskyOptions = {}): CholeskyFactor {
  const tol = options.tol ?? 1e-10;
  const p = a.rows;
  if (a.cols !== p) throw new RangeError('cholesky: matrix must be square');
  // Work in a full p×p upper buffer; columns of dropped variables stay unused.
  const u = new Float64Array(p * p);
  const keep: number[] = [];
  const dropped: number[] = [];
  for (let j = 0; j < p; j++) {
    const ajj = a.data[j + j * p];
    // u[k, j] for kept k < j: (A[k,j] − Σ_{l kept < k} u[l,k] u[l,j]) / u[k,k]
    for (let ki = 0; ki < keep.length; ki++) {
      const k = keep[ki];
      let s = a.data[k + j * p];
      for (let li = 0; li < ki; li++) {
        const l = keep[li];
        s -= u[l + k * p] * u[l + j * p];
      }
      u[k + j * p] = s / u[k + k * p];
    }
    let d = ajj;
    for (const k of keep) d -= u[k + j * p] * u[k + j * p];
    if (!(ajj > 0) || !(d > tol * ajj)) {
      dropped.push(j);
      for (const k of keep) u[k + j * p] = 0;
      continue;
    }
    u[j + j * p] = Math.sqrt(d);
    keep.push(j);
  }
  const q = keep.length;
  const r = zeros(q, q);
  for (let jj = 0; jj < q; jj++) for (let ii = 0; ii <= jj; ii++) r.data[ii + jj * q] = u[keep[ii] + keep[jj] * p];
  return { r, rank: q, keep, dropped };
}

/** Solve Rx = b for upper-triangular R (back substitution). Returns a new array. */
export function solveUpper(r: Matrix, b: ArrayLike<number>): Float64Array {
  const n = r.rows;
  const x = Float64Array.from(b);
  for (let i = n - 1; i >= 0; i--) {
    let s = x[i];
    for (let j = i + 1; j < n; j++) s -= r.data[i + j * n] * x[j];
    x[i] = s / r.data[i + i * n];
  }
  return x;
}

/** Solve Rᵀx = b for upper-triangular R (forward substitution on the transpose). */
export function solveUpperTransposed(r: Matrix, b: ArrayLike<number>): Float64Array {
  const n = r.rows;
  const x = Float64Array.from(b);
  for (let i = 0; i < n; i++) {
    let s = x[i];
    for (let j = 0; j < i; j++) s -= r.data[j + i * n] * x[j];
    x[i] = s / r.data[i + i * n];
  }
  return x;
}

/** Solve Lx = b for lower-triangular L (forward substitution). */
export function solveLower(l: Matrix, b: ArrayLike<number>): Float64Array {
  const n = l.rows;
  const x = Float64Array.from(b);
  for (let i = 0; i < n; i++) {
    let s = x[i];
    for (let j = 0; j < i; j++) s -= l.data[i + j * n] * x[j];
    x[i] = s / l.data[i + i * n];
  }
  return x;
}

/**
 * Solve A[keep,keep]·x = b[keep] from a {@link CholeskyFactor}; `b` has the full length p and the
 * result has length p with NaN at dropped positions (fixest/R report dropped coefficients as NA).
 */
export function choleskySolve(f: CholeskyFactor, b: ArrayLike<number>): Float64Array {
  const bk = Float64Array.from(f.keep, (k) => b[k]);
  const xk = solveUpper(f.r, solveUpperTransposed(f.r, bk));
  const p = f.keep.length + f.dropped.length;
  const x = new Float64Array(p).fill(NaN);
  f.keep.forEach((k, i) => (x[k] = xk[i]));
  return x;
}

/** Inverse of an upper-triangular matrix (upper-triangular result). */
export function invertUpper(r: Matrix): Matrix {
  const n = r.rows;
  const inv = zeros(n, n);
  for (let j = 0; j < n; j++) {
    inv.data[j + j * n] = 1 / r.data[j + j * n];
    for (let i = j - 1; i >= 0; i--) {
      let s = 0;
      for (let k = i + 1; k <= j; k++) s += r.data[i + k * n] * inv.data[k + j * n];
      inv.data[i + j * n] = -s / r.data[i + i * n];
    }
  }
  return inv;
}

/**
 * Inverse of the kept block, (A[keep,keep])⁻¹ = R⁻¹R⁻ᵀ, a `rank × rank` symmetric matrix. This is
 * the "bread" (XᵀX)⁻¹ of every variance estimator; computing it from the triangular factor avoids
 * inverting a possibly ill-conditioned matrix directly.
 */
export function choleskyInverse(f: CholeskyFactor): Matrix {
  const ri = invertUpper(f.r);
  const q = f.rank;
  const out = zeros(q, q);
  for (let i = 0; i < q; i++) {
    for (let j = 0; j <= i; j++) {
      let s = 0;
      for (let k = i; k < q; k++) s += ri.data[i + k * q] * ri.data[j + k * q];
      out.data[i + j * q] = s;
      out.data[j + i * q] = s;
    }
  }
  return out;
}

/**
 * Inverse of a symmetric positive definite matrix via Cholesky; throws a RangeError if the matrix
 * is rank-deficient at tolerance `tol` (callers that can drop columns should use {@link cholesky}).
 */
export function spdInverse(a: Matrix, tol = 1e-10): Matrix {
  const f = cholesky(a, { tol });
  if (f.dropped.length)
    throw new RangeError(`spdInverse: matrix is singular (columns ${f.dropped.join(', ')} dependent)`);
  return choleskyInverse(f);
}
