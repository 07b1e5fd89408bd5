import { cholesky } from '../linalg/index.js';

/**
 * The projection of one fixed-effect dimension with varying slopes (fixest's `fe[x]`, `fe[[x]]`):
 * within each level g, x is regressed on W_g = [1, z₁, …, z_k] (`fe[z]`) or [z₁, …, z_k] (`fe[[z]]`)
 * and replaced by the residual, x ← x − W_g(W_gᵀW_g)⁻W_gᵀx. Levels are disjoint, so this is the
 * exact orthogonal projection off span(D ∘ W); alternating projections over dimensions then give the
 * residual on all fixed effects and slopes together (Gaure 2013, lfe; Berge 2018, fixest).
 *
 * With an intercept the slope variables are centred within each level first (same span, better
 * conditioned: a slope on the year does not meet 2011² in the Gram matrix). A level whose W_g is
 * rank-deficient (a slope variable constant within it, too few rows) is projected on its largest
 * well-conditioned subset of columns (pivoted Cholesky, tolerance 1e-10), as fixest does not fail there either.
 */
export class SlopeProjector {
  private readonly p: number;
  private readonly w: Float64Array[];
  /** Per level, the p × p (pseudo-)inverse of W_gᵀW_g, column-major. */
  private readonly ginv: Float64Array;
  private readonly r: Float64Array;

  constructor(
    private readonly codes: Int32Array,
    private readonly nLevels: number,
    slopes: readonly Float64Array[],
    intercept: boolean,
  ) {
    const n = codes.length;
    const cols: Float64Array[] = [];
    if (intercept) {
      cols.push(new Float64Array(n).fill(1));
      const count = new Float64Array(nLevels);
      for (let i = 0; i < n; i++) count[codes[i]]++;
      for (const z of slopes) {
        const mean = new Float64Array(nLevels);
        for (let i = 0; i < n; i++) mean[codes[i]] += z[i];
        for (let g = 0; g < nLevels; g++) mean[g] /= count[g] || 1;
        cols.push(Float64Array.from(z, (v, i) => v - mean[codes[i]]));
      }
    } else cols.push(...slopes);
    this.w = cols;
    const p = cols.length;
    this.p = p;
    const gram = new Float64Array(nLevels * p * p);
    for (let i = 0; i < n; i++) {
      const o = codes[i] * p * p;
      for (let a = 0; a < p; a++) {
        const wa = cols[a][i];
        for (let b = 0; b <= a; b++) gram[o + a + b * p] += wa * cols[b][i];
      }
    }
    this.ginv = new Float64Array(nLevels * p * p);
    const data = new Float64Array(p * p);
    for (let g = 0; g < nLevels; g++) {
      const o = g * p * p;
      for (let a = 0; a < p; a++)
        for (let b = 0; b <= a; b++) {
          data[a + b * p] = gram[o + a + b * p];
          data[b + a * p] = gram[o + a + b * p];
        }
      invertKept(data, p, this.ginv, o);
    }
    this.r = new Float64Array(nLevels * p);
  }

  /** W_gᵀx per level into `this.r`, then the coefficients (W_gᵀW_g)⁻ W_gᵀx in place. */
  private coefficients(x: Float64Array): Float64Array {
    const { p, w, codes, r, ginv } = this;
    r.fill(0);
    for (let i = 0; i < x.length; i++) {
      const o = codes[i] * p;
      for (let a = 0; a < p; a++) r[o + a] += w[a][i] * x[i];
    }
    const tmp = new Float64Array(p);
    for (let g = 0; g < this.nLevels; g++) {
      const o = g * p;
      const m = g * p * p;
      for (let a = 0; a < p; a++) {
        let s = 0;
        for (let b = 0; b < p; b++) s += ginv[m + a + b * p] * r[o + b];
        tmp[a] = s;
      }
      for (let a = 0; a < p; a++) r[o + a] = tmp[a];
    }
    return r;
  }

  /** x ← x minus its projection on the level-wise span of W, in place. */
  subtract(x: Float64Array): void {
    const c = this.coefficients(x);
    const { p, w, codes } = this;
    for (let i = 0; i < x.length; i++) {
      const o = codes[i] * p;
      let fit = 0;
      for (let a = 0; a < p; a++) fit += w[a][i] * c[o + a];
      x[i] -= fit;
    }
  }

  /** The largest |fitted value| of the projection: the change the next subtraction would make. */
  maxChange(x: Float64Array): number {
    const c = this.coefficients(x);
    const { p, w, codes } = this;
    let m = 0;
    for (let i = 0; i < x.length; i++) {
      const o = codes[i] * p;
      let fit = 0;
      for (let a = 0; a < p; a++) fit += w[a][i] * c[o + a];
      if (Math.abs(fit) > m) m = Math.abs(fit);
    }
    return m;
  }
}

/** Inverse of the kept block of a small symmetric matrix (pivoted Cholesky), zeros elsewhere, into out[o…]. */
function invertKept(a: Float64Array, p: number, out: Float64Array, o: number): void {
  const f = cholesky({ rows: p, cols: p, data: a }, { tol: 1e-10 });
  const k = f.keep.length;
  if (k === 0) return;
  // Inverse of the kept principal block: solve with the upper factor column by column.
  const sub = new Float64Array(k * k);
  for (let i = 0; i < k; i++) for (let j = 0; j < k; j++) sub[i + j * k] = a[f.keep[i] + f.keep[j] * p];
  const inv = invertSpd(sub, k);
  for (let i = 0; i < k; i++) for (let j = 0; j < k; j++) out[o + f.keep[i] + f.keep[j] * p] = inv[i + j * k];
}

/** Inverse of a small symmetric positive definite matrix by Gauss–Jordan (k ≤ a few). */
function invertSpd(m: Float64Array, k: number): Float64Array {
  const a = Float64Array.from(m);
  const inv = new Float64Array(k * k);
  for (let i = 0; i < k; i++) inv[i + i * k] = 1;
  for (let c = 0; c < k; c++) {
    const piv = a[c + c * k];
    for (let j = 0; j < k; j++) {
      a[c + j * k] /= piv;
      inv[c + j * k] /= piv;
    }
    for (let r = 0; r < k; r++) {
      if (r === c) continue;
      const f = a[r + c * k];
      if (f === 0) continue;
      for (let j = 0; j < k; j++) {
        a[r + j * k] -= f * a[c + j * k];
        inv[r + j * k] -= f * inv[c + j * k];
      }
    }
  }
  return inv;
}
