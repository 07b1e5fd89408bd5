import { cholesky, solveUpper, solveUpperTransposed, type CholeskyFactor } from '../linalg/cholesky.js';
import { SlopeProjector } from './varying-slopes.js';

/** One fixed-effect dimension on the estimation sample: dense 0-based codes per row. */
export interface FixedEffect {
  readonly name: string;
  readonly codes: Int32Array;
  readonly nLevels: number;
  /** Label of each level (entity id, year...), for output. */
  readonly labels: readonly string[];
  /**
   * Varying slopes (fixest's `fe[x]`, `fe[[x]]`): per row, the variables whose coefficient differs by
   * level. The dimension then projects on the level's [1, slopes] (or [slopes] without intercept).
   */
  readonly slopes?: readonly Float64Array[];
  /** With `slopes`: false for `fe[[x]]` (slopes without the level's intercept); default true. */
  readonly slopeIntercept?: boolean;
}

/** True when an FE dimension includes one intercept per level (a plain FE, or `fe[x]`; not `fe[[x]]`). */
export function hasLevelIntercept(fe: FixedEffect): boolean {
  return !fe.slopes?.length || fe.slopeIntercept !== false;
}

/** Options of {@link demean}. */
export interface DemeanOptions {
  /**
   * Convergence tolerance on the largest FE group mean of the residual (the change the next sweep
   * would make), relative to the column's root mean square. Default 1e-10: tighter than fixest's `fixef.tol = 1e-6` because nqpf promises
   * agreement with R's exact dummy-variable fits to 1e-8 relative on coefficients and SEs; with
   * Irons–Tuck acceleration this costs a few extra sweeps only on unbalanced multi-way designs.
   */
  tol?: number;
  /** Maximum number of sweeps per column (fixest's `fixef.iter` default 10000). */
  maxIter?: number;
  /**
   * Two dimensions, one with few levels: solve directly (default true; see {@link demean}). False
   * forces alternating projections (tests compare the two).
   */
  direct?: boolean;
}

/** Result of {@link demean}: demeaned copies of the inputs and convergence facts. */
export interface DemeanResult {
  readonly columns: Float64Array[];
  /** Sweeps used per column (1 for one-way FE: exact). */
  readonly iterations: number[];
  readonly converged: boolean;
}

function groupInverseCounts(fe: FixedEffect): Float64Array {
  const c = new Float64Array(fe.nLevels);
  const codes = fe.codes;
  for (let i = 0; i < codes.length; i++) c[codes[i]]++;
  for (let g = 0; g < c.length; g++) c[g] = c[g] > 0 ? 1 / c[g] : 0;
  return c;
}

/** x ← x − (group mean of x) for one FE dimension, in place. */
function subtractGroupMeans(x: Float64Array, codes: Int32Array, invCount: Float64Array, sums: Float64Array): void {
  sums.fill(0);
  const n = x.length;
  for (let i = 0; i < n; i++) sums[codes[i]] += x[i];
  for (let g = 0; g < sums.length; g++) sums[g] *= invCount[g];
  for (let i = 0; i < n; i++) x[i] -= sums[codes[i]];
}

/**
 * True for a complete balanced two-way layout: every (a, b) pair occurs exactly once. Then the
 * projection residual has the closed form x − x̄_a − x̄_b + x̄ (two passes, no iteration).
 */
function isCompleteTwoWay(a: FixedEffect, b: FixedEffect): boolean {
  const n = a.codes.length;
  if (n !== a.nLevels * b.nLevels) return false;
  const seen = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    const k = a.codes[i] * b.nLevels + b.codes[i];
    if (seen[k]) return false;
    seen[k] = 1;
  }
  return true;
}

/** Closed-form two-way demeaning of a complete balanced layout (see {@link isCompleteTwoWay}). */
function demeanCompleteTwoWay(
  x: Float64Array,
  a: FixedEffect,
  b: FixedEffect,
  sa: Float64Array,
  sb: Float64Array,
): Float64Array {
  const n = x.length;
  const ca = a.codes;
  const cb = b.codes;
  sa.fill(0);
  sb.fill(0);
  let total = 0;
  for (let i = 0; i < n; i++) {
    const v = x[i];
    sa[ca[i]] += v;
    sb[cb[i]] += v;
    total += v;
  }
  // Each a-level has nLevels(b) rows and vice versa.
  for (let g = 0; g < sa.length; g++) sa[g] /= b.nLevels;
  for (let g = 0; g < sb.length; g++) sb[g] /= a.nLevels;
  const grand = total / n;
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) out[i] = x[i] - sa[ca[i]] - sb[cb[i]] + grand;
  return out;
}

/**
 * Exact two-way demeaning for any layout (balanced or not) when one dimension has few levels: the
 * direct solution of the normal equations after the many-level dimension is partialled out. With A
 * the many-level FE (entities) and B the few-level one (years, S levels), M_A the within-A
 * transform, the B coefficients solve (Bᵀ M_A B) β = Bᵀ M_A x, an S × S system whose matrix,
 * diag(n_s) − Σ_g c_g c_gᵀ / n_g (c_g counts the rows of A-level g per B-level), is built once
 * for all columns in Σ_g n_g² steps; then x̃ = M_A(x − Bβ). Four passes over the rows per column,
 * where alternating projections need several sweeps on an unbalanced panel. The system is singular
 * (constants per connected component are absorbed twice): the order-preserving Cholesky with rank
 * detection drops the redundant levels and any solution gives the same x̃ (Frisch–Waugh–Lovell; the
 * projection is unique). Used when S ≤ {@link DIRECT_MAX_LEVELS} and Σ_g n_g² is a small multiple of n.
 */
class TwoWayDirect {
  private readonly sb: Float64Array;
  private readonly rhs: Float64Array;
  private constructor(
    private readonly big: Int32Array,
    private readonly small: Int32Array,
    private readonly invBig: Float64Array,
    private readonly S: number,
    private readonly factor: CholeskyFactor,
  ) {
    this.sb = new Float64Array(invBig.length);
    this.rhs = new Float64Array(S);
  }

  static build(fes: readonly FixedEffect[]): TwoWayDirect | undefined {
    const [f0, f1] = fes;
    const [small, big] = f0.nLevels <= f1.nLevels ? [f0, f1] : [f1, f0];
    const S = small.nLevels;
    const L = big.nLevels;
    const n = big.codes.length;
    if (S > DIRECT_MAX_LEVELS || n === 0) return undefined;
    const bc = big.codes;
    const sc = small.codes;
    const start = new Int32Array(L + 1);
    for (let i = 0; i < n; i++) start[bc[i] + 1]++;
    let cost = 0;
    for (let g = 0; g < L; g++) {
      cost += start[g + 1] * start[g + 1];
      start[g + 1] += start[g];
    }
    if (cost > DIRECT_MAX_COST * n + S * S) return undefined;
    // Rows grouped by A-level (a counting sort; the identity on a panel sorted by entity).
    const at = start.slice(0, L);
    const byBig = new Int32Array(n);
    for (let i = 0; i < n; i++) byBig[at[bc[i]]++] = i;
    const a = new Float64Array(S * S);
    for (let i = 0; i < n; i++) a[sc[i] * (S + 1)] += 1;
    for (let g = 0; g < L; g++) {
      const s0 = start[g];
      const s1 = start[g + 1];
      const inv = 1 / (s1 - s0);
      for (let u = s0; u < s1; u++) {
        const row = sc[byBig[u]] * S;
        for (let v = s0; v < s1; v++) a[row + sc[byBig[v]]] -= inv;
      }
    }
    const invBig = new Float64Array(L);
    for (let g = 0; g < L; g++) invBig[g] = start[g + 1] > start[g] ? 1 / (start[g + 1] - start[g]) : 0;
    // Relative pivot tolerance: a level is redundant when its pivot has lost all but ~1e-9 of its
    // diagonal, which only happens for the exact redundancies (one per connected component).
    const factor = cholesky({ rows: S, cols: S, data: a }, { tol: 1e-9 });
    return new TwoWayDirect(bc, sc, invBig, S, factor);
  }

  /** x̃ = M_A(x − Bβ) into a new array. */
  apply(x: Float64Array): Float64Array {
    const { big, small, invBig, sb, rhs, factor } = this;
    const n = x.length;
    sb.fill(0);
    for (let i = 0; i < n; i++) sb[big[i]] += x[i];
    for (let g = 0; g < sb.length; g++) sb[g] *= invBig[g];
    rhs.fill(0);
    // Bᵀ M_A x summed row by row (no difference of two large sums: a column with a large mean keeps its digits).
    for (let i = 0; i < n; i++) rhs[small[i]] += x[i] - sb[big[i]];
    const keep = factor.keep;
    const sol = solveUpper(
      factor.r,
      solveUpperTransposed(
        factor.r,
        Float64Array.from(keep, (k) => rhs[k]),
      ),
    );
    const beta = new Float64Array(this.S);
    keep.forEach((k, j) => (beta[k] = sol[j]));
    // Mean over each A-level of x − Bβ, then the residual.
    const t = new Float64Array(sb.length);
    for (let i = 0; i < n; i++) t[big[i]] += beta[small[i]];
    for (let g = 0; g < sb.length; g++) sb[g] -= t[g] * invBig[g];
    const out = new Float64Array(n);
    for (let i = 0; i < n; i++) out[i] = x[i] - beta[small[i]] - sb[big[i]];
    return out;
  }
}

/** Largest number of levels of the smaller FE dimension for the direct two-way solution. */
const DIRECT_MAX_LEVELS = 400;
/** Largest Σ_g n_g² (rows per level of the larger FE dimension, squared) per row for the direct solution. */
const DIRECT_MAX_COST = 64;

/** Largest |group mean| of x for one FE dimension. */
function maxGroupMean(x: Float64Array, codes: Int32Array, invCount: Float64Array, sums: Float64Array): number {
  sums.fill(0);
  for (let i = 0; i < x.length; i++) sums[codes[i]] += x[i];
  let m = 0;
  for (let g = 0; g < sums.length; g++) {
    const v = Math.abs(sums[g] * invCount[g]);
    if (v > m) m = v;
  }
  return m;
}

/**
 * Demean columns on any number of fixed effects: x̃ = (I − P_D)x with D the FE dummies.
 *
 * - One dimension: exact (subtract group means).
 * - Two on a complete balanced layout (each pair of levels once, e.g. entity × year of a balanced
 *   panel): exact closed form x − x̄_a − x̄_b + x̄, two passes.
 * - Two, one of them with at most 400 levels (years, regions, industries), any layout: the direct
 *   solution of the few-level dimension's normal equations after the other is partialled out
 *   (an S × S system; exact, four passes per column), checked against the tolerance below.
 * - Otherwise, two or more: the method of alternating projections (one sweep subtracts the group means of each
 *   dimension in turn; its fixed point is the projection residual, Guimarães & Portugal 2010), with
 *   Irons–Tuck acceleration after every two sweeps as in fixest (Berge 2018): given x, Gx, GGx,
 *   with Δ = GGx − Gx and Δ² = GGx − 2Gx + x, the update is GGx − (Δ²·Δ / Δ²·Δ²)·Δ. The update is
 *   an affine combination of the iterates, so it stays in x + span(D) and converges to the same
 *   unique residual. Works for unbalanced panels.
 *
 * The input columns are not modified.
 */
export function demean(
  columns: readonly Float64Array[],
  fes: readonly FixedEffect[],
  options: DemeanOptions = {},
): DemeanResult {
  const tol = options.tol ?? 1e-10;
  const maxIter = options.maxIter ?? 10000;
  const sums = fes.map((f) => new Float64Array(f.nLevels));
  const slopes = fes.map((f) =>
    f.slopes?.length ? new SlopeProjector(f.codes, f.nLevels, f.slopes, f.slopeIntercept !== false) : undefined,
  );
  if (fes.length === 2 && !slopes.some(Boolean) && isCompleteTwoWay(fes[0], fes[1])) {
    const out = columns.map((c) => demeanCompleteTwoWay(c, fes[0], fes[1], sums[0], sums[1]));
    return { columns: out, iterations: columns.map(() => 1), converged: true };
  }
  const inv = fes.map(groupInverseCounts);
  const out: Float64Array[] = [];
  const iterations: number[] = [];
  let converged = true;
  const sweep = (x: Float64Array) => {
    for (let k = 0; k < fes.length; k++) {
      const sp = slopes[k];
      if (sp) sp.subtract(x);
      else subtractGroupMeans(x, fes[k].codes, inv[k], sums[k]);
    }
  };
  const n = columns.length ? columns[0].length : 0;
  const multi = fes.length > 1;
  const direct =
    fes.length === 2 && options.direct !== false && !slopes.some(Boolean) ? TwoWayDirect.build(fes) : undefined;
  // Work buffers for the Irons–Tuck steps, shared by all columns.
  const x0 = multi ? new Float64Array(n) : new Float64Array(0);
  const x1 = multi ? new Float64Array(n) : new Float64Array(0);
  for (const col of columns) {
    // The direct solution writes a new array; the sweeps work on a copy.
    let x = direct ? col : col.slice();
    if (fes.length === 0) {
      out.push(x);
      iterations.push(0);
      continue;
    }
    if (fes.length === 1) {
      sweep(x);
      out.push(x);
      iterations.push(1);
      continue;
    }
    // First sweep without copies (balanced designs stop after it), or the direct two-way solution,
    // checked like a sweep and refined by sweeps in the rare case it falls short. The scale for the
    // tolerance is taken after it, so a large mean (e.g. a year variable) does not loosen the criterion.
    if (direct) x = direct.apply(col);
    else sweep(x);
    let ss = 0;
    for (let i = 0; i < n; i++) ss += x[i] * x[i];
    const limit = tol * (Math.sqrt(ss / Math.max(1, n)) || 1);
    // After a sweep the residual is orthogonal to the last dimension; it has converged when the
    // group means of the other dimensions (= the change the next sweep would make) are below the
    // limit. One summing pass per dimension instead of a whole extra sweep: a balanced two-way
    // panel converges in a single sweep.
    const done = () => {
      // The direct solution is not a sweep: check every dimension after it.
      for (let k = 0; k < fes.length - (direct ? 0 : 1); k++) {
        const sp = slopes[k];
        const change = sp ? sp.maxChange(x) : maxGroupMean(x, fes[k].codes, inv[k], sums[k]);
        if (change > limit) return false;
      }
      return true;
    };
    let it = 1;
    let ok = done();
    const step = (copy: Float64Array) => {
      copy.set(x);
      sweep(x);
      it++;
      ok = done();
      return ok;
    };
    while (!ok && it < maxIter) {
      if (step(x0) || step(x1)) break;
      // Irons–Tuck extrapolation on (x0, x1, x).
      let num = 0;
      let den = 0;
      for (let i = 0; i < n; i++) {
        const delta = x[i] - x1[i];
        const d2 = delta - (x1[i] - x0[i]);
        num += d2 * delta;
        den += d2 * d2;
      }
      if (den > 0) {
        const c = num / den;
        for (let i = 0; i < n; i++) x[i] -= c * (x[i] - x1[i]);
      }
    }
    if (!ok) converged = false;
    out.push(x);
    iterations.push(it);
  }
  return { columns: out, iterations, converged };
}

/**
 * Degrees of freedom absorbed by the fixed effects: Σ levels minus redundancies, plus levels × slopes
 * for varying slopes. For the first two
 * dimensions the redundancy is exact (number of connected components of the bipartite level graph,
 * found by union–find); each further dimension counts one redundancy — fixest's default
 * (`fixef.force_exact = FALSE`) and reghdfe's for more than two absorbed factors.
 */
export function fixedEffectDof(all: readonly FixedEffect[]): number {
  // Varying slopes add one parameter per level and slope, with no redundancy (fixest's count:
  // `y ~ x | id[t] + year` has 40 + 40 + 10 − 1 FE parameters for 40 ids and 10 years).
  const slopeDof = all.reduce((s, f) => s + f.nLevels * (f.slopes?.length ?? 0), 0);
  const fes = all.filter(hasLevelIntercept);
  return slopeDof + interceptDof(fes);
}

function interceptDof(fes: readonly FixedEffect[]): number {
  if (fes.length === 0) return 0;
  let total = fes.reduce((s, f) => s + f.nLevels, 0);
  if (fes.length === 1) return total;
  const [a, b] = fes;
  const parent = Int32Array.from({ length: a.nLevels + b.nLevels }, (_, i) => i);
  const find = (i: number): number => {
    while (parent[i] !== i) {
      parent[i] = parent[parent[i]];
      i = parent[i];
    }
    return i;
  };
  for (let i = 0; i < a.codes.length; i++) {
    const r1 = find(a.codes[i]);
    const r2 = find(a.nLevels + b.codes[i]);
    if (r1 !== r2) parent[r1] = r2;
  }
  let comps = 0;
  for (let i = 0; i < parent.length; i++) if (find(i) === i) comps++;
  total -= comps; // one redundancy per connected component (its mean is counted twice)
  total -= fes.length - 2;
  return total;
}

/**
 * True when FE dimension `fe` is nested in the clustering `cluster` (every FE level lies in a single
 * cluster). Such an FE counts as one parameter, not its levels, in K of the CR1 adjustment (fixest
 * `fixef.K = "nested"`, Stata `xtreg, vce(cluster)`).
 */
export function isNestedIn(fe: FixedEffect, cluster: Int32Array): boolean {
  const owner = new Int32Array(fe.nLevels).fill(-1);
  for (let i = 0; i < fe.codes.length; i++) {
    const g = fe.codes[i];
    if (owner[g] === -1) owner[g] = cluster[i];
    else if (owner[g] !== cluster[i]) return false;
  }
  return true;
}
