import type { Matrix } from './matrix.js';
import { zeros } from './matrix.js';

/** Options of {@link qr}. */
export interface QrOptions {
  /**
   * `limited` (default): R's LINPACK `dqrdc2` strategy used by `lm` — columns keep their order and a
   * column whose remaining norm falls below `tol ×` its original norm is moved to the end, so the
   * later of two collinear columns is the one reported as NA. `full`: Businger–Golub pivoting on
   * the largest remaining column norm (LAPACK `dgeqp3`), rank = #{|R_kk| > tol·|R_11|}.
   */
  pivoting?: 'limited' | 'full';
  /** Rank tolerance, default 1e-7 (R's `lm` / `qr` default). */
  tol?: number;
}

/**
 * Householder QR with column pivoting: X[:, pivot] = Q·R. `qr` holds R in its upper triangle and the
 * Householder vectors below it (LINPACK compact form); `qraux` the leading elements of the vectors.
 */
export interface QrFactor {
  readonly qr: Matrix;
  readonly qraux: Float64Array;
  readonly rank: number;
  /** pivot[k] = original column index at position k; the first `rank` are the kept columns. */
  readonly pivot: readonly number[];
}

function colNorm(d: Float64Array, n: number, j: number, from: number): number {
  // Scaled two-norm to avoid overflow/underflow on extreme data.
  let scale = 0;
  let ssq = 1;
  const o = j * n;
  for (let i = from; i < n; i++) {
    const v = d[o + i];
    if (v !== 0) {
      const a = Math.abs(v);
      if (scale < a) {
        ssq = 1 + ssq * (scale / a) * (scale / a);
        scale = a;
      } else ssq += (a / scale) * (a / scale);
    }
  }
  return scale * Math.sqrt(ssq);
}

function swapCols(d: Float64Array, n: number, a: number, b: number): void {
  for (let i = 0; i < n; i++) {
    const t = d[i + a * n];
    d[i + a * n] = d[i + b * n];
    d[i + b * n] = t;
  }
}

/**
 * Householder QR decomposition with column pivoting and rank detection (see {@link QrOptions}).
 * The input is not modified. Reference: Golub & Van Loan (2013), Matrix Computations, §5.2–5.4.
 */
export function qr(x: Matrix, options: QrOptions = {}): QrFactor {
  const tol = options.tol ?? 1e-7;
  const mode = options.pivoting ?? 'limited';
  const n = x.rows;
  const p = x.cols;
  const d = x.data.slice();
  const qraux = new Float64Array(p);
  const pivot = Array.from({ length: p }, (_, j) => j);
  const orig = Float64Array.from(pivot, (j) => colNorm(d, n, j, 0));
  const cur = Float64Array.from(orig);
  const steps = Math.min(n, p);
  let limit = p; // columns [limit, p) have been moved to the end as deficient (limited mode)
  let rank = 0;
  let r11 = 0;
  for (let k = 0; k < steps && k < limit; k++) {
    if (mode === 'full') {
      let best = k;
      for (let j = k + 1; j < p; j++) if (cur[j] > cur[best]) best = j;
      if (best !== k) {
        swapCols(d, n, k, best);
        [pivot[k], pivot[best]] = [pivot[best], pivot[k]];
        [cur[k], cur[best]] = [cur[best], cur[k]];
        [orig[k], orig[best]] = [orig[best], orig[k]];
      }
    } else {
      // Move deficient columns to the end, keeping the order of the others (dqrdc2).
      while (k < limit && !(cur[k] >= tol * orig[k] && orig[k] > 0)) {
        for (let j = k; j < p - 1; j++) {
          swapCols(d, n, j, j + 1);
          [pivot[j], pivot[j + 1]] = [pivot[j + 1], pivot[j]];
          [cur[j], cur[j + 1]] = [cur[j + 1], cur[j]];
          [orig[j], orig[j + 1]] = [orig[j + 1], orig[j]];
        }
        limit--;
      }
      if (k >= limit) break;
    }
    const nrm = colNorm(d, n, k, k);
    if (mode === 'full') {
      if (k === 0) r11 = nrm;
      if (!(nrm > tol * r11) || nrm === 0) break;
    }
    // Householder vector v with v[k] = 1 + x_k/‖x‖ (LINPACK scaling), R_kk = −sign(x_k)‖x‖.
    const o = k * n;
    const alpha = d[o + k] >= 0 ? nrm : -nrm;
    for (let i = k; i < n; i++) d[o + i] /= alpha;
    d[o + k] += 1;
    for (let j = k + 1; j < p; j++) {
      const oj = j * n;
      let s = 0;
      for (let i = k; i < n; i++) s += d[o + i] * d[oj + i];
      const t = -s / d[o + k];
      for (let i = k; i < n; i++) d[oj + i] += t * d[o + i];
      // Remaining norm recomputed exactly (same O(n) cost as the update; no downdating drift).
      cur[j] = colNorm(d, n, j, k + 1);
    }
    qraux[k] = d[o + k];
    d[o + k] = -alpha;
    rank++;
  }
  return { qr: { rows: n, cols: p, data: d }, qraux, rank, pivot };
}

/** Apply the k-th Householder reflector H_k = I − v vᵀ / v_k to r, in place (H_k is symmetric). */
function reflect(f: QrFactor, k: number, r: Float64Array): void {
  const n = f.qr.rows;
  const d = f.qr.data;
  const o = k * n;
  const vk = f.qraux[k];
  let s = vk * r[k];
  for (let i = k + 1; i < n; i++) s += d[o + i] * r[i];
  const t = -s / vk;
  r[k] += t * vk;
  for (let i = k + 1; i < n; i++) r[i] += t * d[o + i];
}

/** Qᵀy (length n) from a {@link QrFactor}. */
export function qrQty(f: QrFactor, y: ArrayLike<number>): Float64Array {
  const out = Float64Array.from(y);
  for (let k = 0; k < f.rank; k++) reflect(f, k, out);
  return out;
}

/** The upper-triangular R (`rank × rank`) of the kept columns. */
export function qrR(f: QrFactor): Matrix {
  const q = f.rank;
  const n = f.qr.rows;
  const r = zeros(q, q);
  for (let j = 0; j < q; j++) for (let i = 0; i <= j; i++) r.data[i + j * q] = f.qr.data[i + j * n];
  return r;
}

/**
 * Least-squares coefficients b minimising ‖y − Xb‖ from a {@link QrFactor}: length p in the original
 * column order, NaN for columns beyond the rank (R's `lm` reports them as NA).
 */
export function qrCoef(f: QrFactor, y: ArrayLike<number>): Float64Array {
  const q = f.rank;
  const qty = qrQty(f, y);
  const n = f.qr.rows;
  const d = f.qr.data;
  const bk = new Float64Array(q);
  for (let i = q - 1; i >= 0; i--) {
    let s = qty[i];
    for (let j = i + 1; j < q; j++) s -= d[i + j * n] * bk[j];
    bk[i] = s / d[i + i * n];
  }
  const b = new Float64Array(f.qr.cols).fill(NaN);
  for (let k = 0; k < q; k++) b[f.pivot[k]] = bk[k];
  return b;
}

/** Residuals y − Xb: Q applied to Qᵀy with its first `rank` entries zeroed. */
export function qrResiduals(f: QrFactor, y: ArrayLike<number>): Float64Array {
  const r = qrQty(f, y);
  for (let k = 0; k < f.rank; k++) r[k] = 0;
  for (let k = f.rank - 1; k >= 0; k--) reflect(f, k, r);
  return r;
}
