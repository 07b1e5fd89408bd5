import type { Matrix } from './matrix.js';
import { zeros } from './matrix.js';
import { BLOCK_ROWS, crossprod, dotRange } from './crossprod.js';
import { cholesky, solveUpperTransposed } from './cholesky.js';

/** Result of {@link choleskyQr2}: X = QR with R upper-triangular (k × k), and Qᵀy for each y. */
export interface CholeskyQr {
  readonly r: Matrix;
  readonly qty: Float64Array[];
}

/**
 * Thin QR factorisation X = QR of a tall matrix of full column rank (given as k columns of length n)
 * by CholeskyQR2 (Fukaya, Nakatsukasa, Yanagisawa & Yamamoto 2014, "CholeskyQR2: a simple and
 * communication-avoiding algorithm for computing a tall-skinny QR factorization", ScalA'14;
 * Yamamoto et al. 2015, ETNA 44:306–326): R₁ = chol(XᵀX), Q₁ = XR₁⁻¹, R₂ = chol(Q₁ᵀQ₁), R = R₂R₁,
 * Q = Q₁R₂⁻¹. The second pass restores orthogonality to O(ε) and the factorisation to
 * ‖X − QR‖ = O(ε‖X‖) when κ(X) ≲ ε^{−1/2} ≈ 6.7e7, so least squares through R and Qᵀy is as
 * accurate as Householder QR (error ~κε instead of the normal equations' ~κ²ε), at the cost of two
 * cross-products. Q₁ is formed block by block of rows and only Q₁ᵀQ₁ and Q₁ᵀy are accumulated: one streaming
 * pass after XᵀX (pass it as `gram` when already computed), no n × k copy of X.
 *
 * Q is not kept: Qᵀy = R₂⁻ᵀ(Q₁ᵀy). Throws a RangeError when XᵀX is numerically singular (callers
 * remove collinear columns first, e.g. with {@link cholesky}'s rank rule).
 */
export function choleskyQr2(
  cols: readonly ArrayLike<number>[],
  ys: readonly ArrayLike<number>[],
  gram?: Matrix,
): CholeskyQr {
  const k = cols.length;
  const n = k ? cols[0].length : 0;
  const f1 = cholesky(gram ?? crossprod(cols), { tol: 0 });
  if (f1.rank < k) throw new RangeError(`choleskyQr2: columns ${f1.dropped.join(', ')} are linearly dependent`);
  const r1 = f1.r.data;
  const invDiag = Float64Array.from({ length: k }, (_, j) => 1 / r1[j + j * k]);
  // One pass over the rows in blocks: a block of Q₁ = (block of X)·R₁⁻¹ by forward substitution,
  // column by column over the block's rows, accumulated into Q₁ᵀQ₁ and Q₁ᵀy; Q₁ itself is never
  // stored beyond one block.
  const g = new Float64Array(k * k);
  const qy = ys.map(() => new Float64Array(k));
  const B = BLOCK_ROWS;
  const q = Array.from({ length: k }, () => new Float64Array(B));
  for (let s = 0; s < n; s += B) {
    const m = Math.min(B, n - s);
    for (let j = 0; j < k; j++) {
      const qj = q[j];
      const xj = cols[j];
      for (let i = 0; i < m; i++) qj[i] = xj[s + i];
      for (let l = 0; l < j; l++) {
        const c = r1[l + j * k];
        if (c === 0) continue;
        const ql = q[l];
        for (let i = 0; i < m; i++) qj[i] -= c * ql[i];
      }
      const inv = invDiag[j];
      for (let i = 0; i < m; i++) qj[i] *= inv;
    }
    for (let a = 0; a < k; a++) {
      const qa = q[a];
      for (let b = 0; b <= a; b++) g[a + b * k] += dotRange(qa, q[b], 0, m);
    }
    for (let t = 0; t < ys.length; t++) {
      const y = ys[t];
      const acc = qy[t];
      for (let a = 0; a < k; a++) {
        const qa = q[a];
        let v = 0;
        for (let i = 0; i < m; i++) v += qa[i] * y[s + i];
        acc[a] += v;
      }
    }
  }
  for (let a = 0; a < k; a++) for (let b = 0; b < a; b++) g[b + a * k] = g[a + b * k];
  const f2 = cholesky({ rows: k, cols: k, data: g }, { tol: 0 });
  if (f2.rank < k) throw new RangeError('choleskyQr2: X is too ill-conditioned for CholeskyQR2 (κ ≳ 1e8)');
  const r2 = f2.r;
  const r = zeros(k, k);
  for (let j = 0; j < k; j++) {
    for (let i = 0; i <= j; i++) {
      let s = 0;
      for (let l = i; l <= j; l++) s += r2.data[i + l * k] * r1[l + j * k];
      r.data[i + j * k] = s;
    }
  }
  return { r, qty: qy.map((c) => solveUpperTransposed(r2, c)) };
}
