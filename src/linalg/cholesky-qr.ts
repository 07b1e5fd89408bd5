import type { Matrix } from './matrix.js';
import { zeros } from './matrix.js';
import { crossprod, xty } from './crossprod.js';
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
 * cross-products: the same streaming passes as the normal equations, no n × k copy of X.
 *
 * Q is not kept: Qᵀy = R₂⁻ᵀ(Q₁ᵀy). Throws a RangeError when XᵀX is numerically singular (callers
 * remove collinear columns first, e.g. with {@link cholesky}'s rank rule).
 */
export function choleskyQr2(cols: readonly ArrayLike<number>[], ys: readonly ArrayLike<number>[]): CholeskyQr {
  const k = cols.length;
  const n = k ? cols[0].length : 0;
  const f1 = cholesky(crossprod(cols), { tol: 0 });
  if (f1.rank < k) throw new RangeError(`choleskyQr2: columns ${f1.dropped.join(', ')} are linearly dependent`);
  const r1 = f1.r.data;
  // Q₁ column by column: q_j = (x_j − Σ_{l<j} R₁[l,j] q_l) / R₁[j,j].
  const q1: Float64Array[] = [];
  for (let j = 0; j < k; j++) {
    const q = Float64Array.from(cols[j]);
    for (let l = 0; l < j; l++) {
      const c = r1[l + j * k];
      if (c === 0) continue;
      const ql = q1[l];
      for (let i = 0; i < n; i++) q[i] -= c * ql[i];
    }
    const inv = 1 / r1[j + j * k];
    for (let i = 0; i < n; i++) q[i] *= inv;
    q1.push(q);
  }
  const f2 = cholesky(crossprod(q1), { tol: 0 });
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
  const qty = ys.map((y) => solveUpperTransposed(r2, xty(q1, y)));
  return { r, qty };
}

