import { Rng } from '../core/rng.js';

/**
 * The Saltelli (2010) sampling design for variance-based sensitivity analysis.
 *
 * Two independent base samples A and B (N × D, each input uniform on [0, 1)) and, for every factor
 * i, the matrix A_B^i: A with the columns of factor i taken from B. A factor may own several columns
 * (a group, e.g. one multiplier per weight for `perturb-weights`); A_B^i swaps them together, so the
 * indices are those of the group (Jacobson's group sensitivity). The model is evaluated on the
 * N(d + 2) rows in the order A, B, A_B^1, …, A_B^d.
 *
 * Inputs are pseudo-random (seeded {@link Rng}), not a quasi-random sequence: the estimators are
 * unbiased either way; quasi-random points only reduce their variance (Saltelli et al. 2010, §3).
 *
 * Reference: Saltelli, Annoni, Azzini, Campolongo, Ratto & Tarantola (2010), Variance based
 * sensitivity analysis of model output. Design and estimator for the total sensitivity index,
 * Comput. Phys. Commun. 181, 259–270.
 */
export interface SaltelliDesign {
  /** Base sample size N. */
  readonly n: number;
  /** Number of inputs (columns) D. */
  readonly columns: number;
  /** Columns owned by each factor (d factors). */
  readonly groups: readonly (readonly number[])[];
  /** Row-major (N(d + 2)) × D matrix of inputs in [0, 1). */
  readonly u: Float64Array;
  /** N(d + 2). */
  readonly runs: number;
}

/** The N(d + 2) × D design for factors owning `groups` of the D = Σ|group| columns. */
export function saltelliDesign(n: number, groups: readonly (readonly number[])[], seed: number): SaltelliDesign {
  const columns = groups.reduce((s, g) => s + g.length, 0);
  const d = groups.length;
  const runs = n * (d + 2);
  const u = new Float64Array(runs * columns);
  const rng = new Rng(seed);
  // A then B, row by row.
  for (let k = 0; k < 2 * n * columns; k++) u[k] = rng.uniform();
  for (let i = 0; i < d; i++) {
    for (let r = 0; r < n; r++) {
      const row = (2 + i) * n + r;
      u.copyWithin(row * columns, r * columns, (r + 1) * columns);
      for (const c of groups[i]) u[row * columns + c] = u[(n + r) * columns + c];
    }
  }
  return { n, columns, groups, u, runs };
}

/** Level index of a discrete factor with `levels` levels from a uniform input: ⌊u·L⌋ (uniform over the levels). */
export function levelOf(u: number, levels: number): number {
  return Math.min(levels - 1, Math.floor(u * levels));
}

/** Row positions of the model outputs for A, B and each A_B^i in a design's run order. */
export function designBlocks(n: number, d: number): { a: number; b: number; ab: number[] } {
  return { a: 0, b: n, ab: Array.from({ length: d }, (_, i) => (2 + i) * n) };
}
