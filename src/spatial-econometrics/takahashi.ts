import type { SparseW } from './sparse-w.js';

/**
 * Entries of the inverse of a sparse symmetric positive definite band matrix B inside its band, by
 * the Takahashi recurrence on the LDLᵀ factors (Takahashi, Fagan & Chin 1973; Erisman & Tinney 1975):
 * Z = B⁻¹ satisfies Z = D⁻¹L⁻¹ + (I − Lᵀ)Z, so for i from n−1 down, Z_ij = δ_ij/d_i − Σ_{k>i} L_ki Z_kj
 * needs only entries already inside the band. O(n·m²) for half-bandwidth m, exact up to rounding.
 * `band[i·(m+1) + (j − i)]` holds B_ij for i ≤ j ≤ i + m; the result uses the same layout.
 */
export function bandInverseEntries(band: Float64Array, n: number, m: number): Float64Array {
  const W = m + 1;
  const { u, d } = bandLdl(band, n, m);
  const z = new Float64Array(n * W);
  for (let i = n - 1; i >= 0; i--) {
    const last = Math.min(n - 1, i + m);
    for (let j = last; j >= i; j--) {
      let s = i === j ? 1 / d[i] : 0;
      for (let k = i + 1; k <= last; k++) {
        const lki = u[i * W + (k - i)];
        if (lki === 0) continue;
        const zkj = k <= j ? z[k * W + (j - k)] : z[j * W + (k - j)];
        s -= lki * zkj;
      }
      z[i * W + (j - i)] = s;
    }
  }
  return z;
}

/**
 * LDLᵀ of a symmetric positive definite band matrix in upper band storage (see
 * {@link bandInverseEntries}), right-looking, O(n·m²/2): returns L (u[k·(m+1) + (i − k)] = L_ik, i > k) and D.
 */
export function bandLdl(band: Float64Array, n: number, m: number): { u: Float64Array; d: Float64Array } {
  const W = m + 1;
  const u = band.slice();
  const d = new Float64Array(n);
  for (let k = 0; k < n; k++) {
    const dk = u[k * W];
    if (!(dk > 0)) throw new RangeError('bandInverseEntries: matrix is not positive definite');
    d[k] = dk;
    const last = Math.min(n - 1, k + m);
    for (let i = k + 1; i <= last; i++) {
      const bki = u[k * W + (i - k)];
      if (bki === 0) continue;
      const lik = bki / dk;
      const row = i * W - i;
      for (let j = i; j <= last; j++) u[row + j] -= lik * u[k * W + (j - k)];
    }
    for (let i = k + 1; i <= last; i++) u[k * W + (i - k)] /= dk;
  }
  return { u, d };
}

/**
 * log|I − ρW| for a W similar to a symmetric matrix: W = D⁻¹C gives |I − ρW| = |I − ρS| with
 * S = D^{-1/2}CD^{-1/2} symmetric, I − ρS positive definite on the admissible interval, and
 * log|I − ρS| = Σ log d_k of its band LDLᵀ (half the work of the LU).
 */
export function symmetricLogDet(w: SparseW, order: { inv: Int32Array; bandwidth: number }, rho: number): number {
  const n = w.n;
  const m = order.bandwidth;
  const W = m + 1;
  const b = new Float64Array(n * W);
  for (let p = 0; p < n; p++) b[p * W] = 1;
  for (let i = 0; i < n; i++) {
    const p = order.inv[i];
    for (let k = w.ptr[i]; k < w.ptr[i + 1]; k++) {
      const j = w.col[k];
      const q = order.inv[j];
      if (p < q) b[p * W + (q - p)] -= rho * w.val[k] * Math.sqrt(w.d[i] / w.d[j]);
    }
  }
  const { d } = bandLdl(b, n, m);
  let s = 0;
  for (let k = 0; k < n; k++) s += Math.log(d[k]);
  return s;
}

/**
 * tr(G), tr(G²), tr(GᵀG) of G = W(I − ρW)⁻¹ for a W similar to a symmetric matrix (W = D⁻¹C), without
 * forming G: with A = I − ρW and permuted band order,
 *   tr(GᵀG) = tr(W (AᵀA)⁻¹ Wᵀ) = Σ_i Σ_{j,k ∈ N(i)} w_ij w_ik [(AᵀA)⁻¹]_jk,
 *   tr(G)   = Σ_i Σ_{j ∈ N(i)} w_ij (A⁻¹)_ji, (A⁻¹)_ji = Σ_k [(AᵀA)⁻¹]_jk A_ik,
 *   tr(G²)  = tr(D G D⁻¹ Gᵀ) = Σ_i d_i Σ_{j,k} w_ij w_ik [(AᵀDA)⁻¹]_jk   (D^{1/2}GD^{-1/2} is symmetric),
 * where every needed entry lies within twice the bandwidth of A, so two Takahashi passes give the exact
 * traces in O(n·(2b)²) instead of n sparse solves.
 */
export function gTracesTakahashi(
  w: SparseW,
  order: { perm: Int32Array; inv: Int32Array; bandwidth: number },
  rho: number,
): { trG: number; trG2: number; trGtG: number } {
  const n = w.n;
  const m = 2 * order.bandwidth;
  const W = m + 1;
  const inv = order.inv;
  // Rows of A = I − ρW in permuted indices: (column, value) pairs incl. the diagonal.
  const rows: { c: Int32Array; v: Float64Array }[] = [];
  for (let i = 0; i < n; i++) {
    const deg = w.ptr[i + 1] - w.ptr[i];
    const c = new Int32Array(deg + 1);
    const v = new Float64Array(deg + 1);
    c[0] = inv[i];
    v[0] = 1;
    for (let k = w.ptr[i]; k < w.ptr[i + 1]; k++) {
      c[k - w.ptr[i] + 1] = inv[w.col[k]];
      v[k - w.ptr[i] + 1] = -rho * w.val[k];
    }
    rows.push({ c, v });
  }
  const gram = (weight: (i: number) => number) => {
    const b = new Float64Array(n * W);
    for (let i = 0; i < n; i++) {
      const { c, v } = rows[i];
      const wi = weight(i);
      for (let a = 0; a < c.length; a++)
        for (let e = 0; e < c.length; e++) {
          const p = c[a];
          const q = c[e];
          if (p <= q) b[p * W + (q - p)] += wi * v[a] * v[e];
        }
    }
    return bandInverseEntries(b, n, m);
  };
  const zAt = (z: Float64Array, p: number, q: number) => (p <= q ? z[p * W + (q - p)] : z[q * W + (p - q)]);
  const z = gram(() => 1);
  const zd = gram((i) => w.d[i]);
  let trG = 0;
  let trGtG = 0;
  let trG2 = 0;
  for (let i = 0; i < n; i++) {
    const { c, v } = rows[i];
    for (let k1 = w.ptr[i]; k1 < w.ptr[i + 1]; k1++) {
      const pj = inv[w.col[k1]];
      const wij = w.val[k1];
      // (A⁻¹)_ji = Σ_k Z_jk A_ik
      let aji = 0;
      for (let e = 0; e < c.length; e++) aji += zAt(z, pj, c[e]) * v[e];
      trG += wij * aji;
      for (let k2 = w.ptr[i]; k2 < w.ptr[i + 1]; k2++) {
        const pk = inv[w.col[k2]];
        const ww = wij * w.val[k2];
        trGtG += ww * zAt(z, pj, pk);
        trG2 += w.d[i] * ww * zAt(zd, pj, pk);
      }
    }
  }
  return { trG, trG2, trGtG };
}
