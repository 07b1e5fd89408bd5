import { BandLU, reverseCuthillMcKee } from './band-lu.js';
import { symmetricEigenvalues } from '../linalg/eigen.js';
import { gTracesTakahashi, symmetricLogDet } from './takahashi.js';
import type { SparseW } from './sparse-w.js';

/** Average traces of the LeSage–Pace impact matrices at ρ: a = tr(A⁻¹)/n, b = tr(WA⁻¹)/n, A = I − ρW, and their ρ-derivatives. */
export interface UnitTraces {
  readonly a: number;
  readonly b: number;
  readonly da: number;
  readonly db: number;
}

/**
 * The log-determinant log|I − ρW| of one cross-section and the traces that effects need.
 *
 * - `eigen` (W similar to a symmetric matrix, n ≤ `eigenMax`): the eigenvalues λ of D^{1/2}WD^{-1/2}
 *   once (O(n³)), then log|I − ρW| = Σ log(1 − ρλ) at O(n) per call and the admissible interval
 *   (1/λ_min, 1/λ_max) — spatialreg's `method = "eigen"` (Ord 1975).
 * - `sparse-lu`: an exact band factorisation after a reverse Cuthill–McKee ordering — LDLᵀ of the
 *   symmetric I − ρD^{1/2}WD^{-1/2} when W is symmetric-similar, else LU of I − ρW — O(n·b²) per call (b ≈ √n for planar contiguity), on ρ ∈ (−1, 1) as spatialreg's sparse methods. Exact up
 *   to rounding; the traces for effects come from the derivatives of a Chebyshev interpolant of the exact log-determinant with the c·log(1 − ρ) singularity of the unit eigenvalues taken out (24 nodes, doubled until it matches to 1e-12) interpolant of
 *   the exact log-determinant over the range of ρ used (tr(WA⁻¹) = −d/dρ log|A|, tr(A⁻¹) = n + ρ·tr(WA⁻¹)),
 *   whose error on that short interval is below 1e-10 relative (test/spatial-econometrics/logdet.test.ts).
 */
export interface LogDet {
  readonly method: 'eigen' | 'sparse-lu';
  readonly n: number;
  readonly lower: number;
  readonly upper: number;
  logDet(rho: number): number;
  /** Trace functions valid for every ρ in `rhos` (the estimate and simulated draws). */
  traces(rhos: readonly number[]): (rho: number) => UnitTraces;
  /** The eigenvalues (eigen method only). */
  readonly eigenvalues?: Float64Array;
  /** RCM ordering used by LU factorisations of I − ρW. */
  readonly order: ReturnType<typeof reverseCuthillMcKee>;
}

/** Options of {@link makeLogDet}. */
export interface LogDetOptions {
  /** `auto` (default): eigen when W is symmetric-similar and n ≤ eigenMax, else sparse-lu. */
  method?: 'auto' | 'eigen' | 'sparse-lu';
  /** Largest n for the eigen method under `auto` (default 500: above it the O(n³) eigen step costs more than the exact sparse route). */
  eigenMax?: number;
}

export function makeLogDet(w: SparseW, options: LogDetOptions = {}): LogDet {
  const n = w.n;
  const order = reverseCuthillMcKee(w);
  const want = options.method ?? 'auto';
  const useEigen = want === 'eigen' || (want === 'auto' && w.symmetricSimilar && n <= (options.eigenMax ?? 500));
  if (useEigen) {
    if (!w.symmetricSimilar)
      throw new RangeError(
        'the eigen log-determinant needs weights similar to a symmetric matrix (e.g. contiguity or inverse distance, not kNN)',
      );
    const s = new Float64Array(n * n);
    const sq = Float64Array.from(w.d, Math.sqrt);
    for (let i = 0; i < n; i++)
      for (let k = w.ptr[i]; k < w.ptr[i + 1]; k++) s[i * n + w.col[k]] = (w.val[k] * sq[i]) / sq[w.col[k]];
    // symmetrise exactly (rounding of the scaling)
    for (let i = 0; i < n; i++)
      for (let j = 0; j < i; j++) {
        const m = 0.5 * (s[i * n + j] + s[j * n + i]);
        s[i * n + j] = m;
        s[j * n + i] = m;
      }
    const ev = symmetricEigenvalues(s, n);
    const lower = 1 / ev[0];
    const upper = 1 / ev[n - 1];
    return {
      method: 'eigen',
      n,
      lower,
      upper,
      eigenvalues: ev,
      order,
      logDet(rho) {
        let l = 0;
        for (let i = 0; i < n; i++) l += Math.log(Math.abs(1 - rho * ev[i]));
        return l;
      },
      traces() {
        return (rho) => {
          let a = 0;
          let b = 0;
          let da = 0;
          let db = 0;
          for (let i = 0; i < n; i++) {
            const r = 1 / (1 - rho * ev[i]);
            a += r;
            b += ev[i] * r;
            da += ev[i] * r * r;
            db += ev[i] * ev[i] * r * r;
          }
          return { a: a / n, b: b / n, da: da / n, db: db / n };
        };
      },
    };
  }
  const logDet = w.symmetricSimilar
    ? (rho: number) => symmetricLogDet(w, order, rho)
    : (rho: number) => new BandLU(w, order, rho).logDet();
  return {
    method: 'sparse-lu',
    n,
    lower: -1,
    upper: 1,
    order,
    logDet,
    traces(rhos) {
      let lo = Math.min(...rhos);
      let hi = Math.max(...rhos);
      const pad = Math.max(1e-3, 0.05 * (hi - lo));
      lo = Math.max(-0.999999, lo - pad);
      hi = Math.min(0.999999, hi + pad);
      // The unit eigenvalue(s) of a row-standardised W (one per connected component) put a log(1 − ρ)
      // singularity at ρ = 1; it is taken out analytically and the smooth rest interpolated, with the
      // degree doubled until it matches the exact log-determinant at three off-node points to 1e-11.
      const c = w.symmetricSimilar ? components(w) : 1;
      const rest = (x: number) => logDet(x) - c * Math.log(1 - x);
      let cheb = chebyshev(rest, lo, hi, 24);
      for (let m = 48; m <= 384; m *= 2) {
        const err = Math.max(
          ...[0.137, 0.5, 0.911, 0.987].map((f) => {
            const x = lo + f * (hi - lo);
            const exact = rest(x);
            return Math.abs(clenshaw(cheb.c, lo, hi, x) - exact) / Math.max(1, Math.abs(exact));
          }),
        );
        if (err < 1e-12) break;
        cheb = chebyshev(rest, lo, hi, m);
      }
      const r1 = chebDerivative(cheb.c, lo, hi);
      const r2 = chebDerivative(r1, lo, hi);
      const d1 = { at: (x: number) => clenshaw(r1, lo, hi, x) - c / (1 - x) };
      const d2 = { at: (x: number) => clenshaw(r2, lo, hi, x) - c / ((1 - x) * (1 - x)) };
      return (rho) => {
        // tr(WA⁻¹) = −ℓ'(ρ), tr((WA⁻¹)²) = −ℓ''(ρ), tr(A⁻¹) = n + ρ tr(WA⁻¹)
        const trG = -d1.at(rho);
        const trG2 = -d2.at(rho);
        return { a: (n + rho * trG) / n, b: trG / n, da: (trG + rho * trG2) / n, db: trG2 / n };
      };
    },
  };
}

/** Number of connected components of the (symmetric) neighbour graph = multiplicity of the eigenvalue 1 of a row-standardised W. */
function components(w: SparseW): number {
  const parent = Int32Array.from({ length: w.n }, (_, i) => i);
  const find = (i: number): number => {
    while (parent[i] !== i) i = parent[i] = parent[parent[i]];
    return i;
  };
  for (let i = 0; i < w.n; i++)
    for (let k = w.ptr[i]; k < w.ptr[i + 1]; k++) {
      const a = find(i);
      const b = find(w.col[k]);
      if (a !== b) parent[a] = b;
    }
  let c = 0;
  for (let i = 0; i < w.n; i++) if (find(i) === i) c++;
  return c;
}

/** Chebyshev interpolant of f on [lo, hi] at m Chebyshev nodes of the first kind. */
function chebyshev(f: (x: number) => number, lo: number, hi: number, m: number): { c: Float64Array } {
  const fv = new Float64Array(m);
  for (let k = 0; k < m; k++) fv[k] = f(0.5 * (hi + lo) + 0.5 * (hi - lo) * Math.cos((Math.PI * (k + 0.5)) / m));
  const c = new Float64Array(m);
  for (let j = 0; j < m; j++) {
    let s = 0;
    for (let k = 0; k < m; k++) s += fv[k] * Math.cos((Math.PI * j * (k + 0.5)) / m);
    c[j] = (2 / m) * s;
  }
  return { c };
}

/** Coefficients of the derivative of a Chebyshev series (Numerical Recipes chder). */
function chebDerivative(c: Float64Array, lo: number, hi: number): Float64Array {
  const m = c.length;
  const d = new Float64Array(m);
  if (m < 2) return d;
  d[m - 1] = 0;
  d[m - 2] = 2 * (m - 1) * c[m - 1];
  for (let j = m - 3; j >= 0; j--) d[j] = d[j + 2] + 2 * (j + 1) * c[j + 1];
  const con = 2 / (hi - lo);
  for (let j = 0; j < m; j++) d[j] *= con;
  return d;
}

/** Evaluate a Chebyshev series (c₀/2 convention) at x by Clenshaw's recurrence. */
function clenshaw(c: Float64Array, lo: number, hi: number, x: number): number {
  const y = (2 * x - lo - hi) / (hi - lo);
  let d = 0;
  let dd = 0;
  for (let j = c.length - 1; j >= 1; j--) {
    const sv = d;
    d = 2 * y * d - dd + c[j];
    dd = sv;
  }
  return y * d - dd + 0.5 * c[0];
}

/**
 * Traces of G = W(I − ρW)⁻¹ at one ρ for the information matrix: tr(G), tr(G²), tr(GᵀG) and (with
 * `colSums`) ‖Gᵀι‖². A symmetric-similar W uses {@link gTracesTakahashi}; otherwise, or for ‖Gᵀι‖²,
 * n exact sparse solves. For a symmetric-similar W, D^{1/2}GD^{-1/2} is symmetric, so
 * tr(G²) = Σ_ij G_ij² d_i/d_j needs no second solve.
 */
export function gTraces(
  w: SparseW,
  ld: LogDet,
  rho: number,
  options: { colSums?: boolean } = {},
): { trG: number; trG2: number; trGtG: number; colSumSq: number } {
  const n = w.n;
  // Symmetric-similar W: exact traces from band entries of (AᵀA)⁻¹ and (AᵀDA)⁻¹, O(n·b²) instead of n solves.
  if (w.symmetricSimilar && !options.colSums) return { ...gTracesTakahashi(w, ld.order, rho), colSumSq: NaN };
  const lu = new BandLU(w, ld.order, rho);
  const e = new Float64Array(n);
  const col = new Float64Array(n);
  const g = new Float64Array(n);
  const g2 = new Float64Array(n);
  let trG = 0;
  let trG2 = 0;
  let trGtG = 0;
  let colSumSq = 0;
  for (let j = 0; j < n; j++) {
    e[j] = 1;
    lu.solve(e, col);
    e[j] = 0;
    // G e_j = W A⁻¹ e_j
    let cs = 0;
    for (let i = 0; i < n; i++) {
      let s = 0;
      for (let k = w.ptr[i]; k < w.ptr[i + 1]; k++) s += w.val[k] * col[w.col[k]];
      g[i] = s;
      cs += s;
      trGtG += s * s;
    }
    colSumSq += cs * cs;
    trG += g[j];
    if (w.symmetricSimilar) {
      const dj = w.d[j];
      for (let i = 0; i < n; i++) trG2 += (g[i] * g[i] * w.d[i]) / dj;
    } else {
      lu.solve(g, col);
      let s = 0;
      for (let k = w.ptr[j]; k < w.ptr[j + 1]; k++) s += w.val[k] * col[w.col[k]];
      g2[j] = s;
      trG2 += s;
    }
  }
  return { trG, trG2, trGtG, colSumSq };
}
