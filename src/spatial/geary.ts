import type { Note } from '../core/notes.js';
import { weightsConstants, type WeightsConstants } from './constants.js';
import { centredMoments, checkValues, normalPValue, type Alternative } from './pvalue.js';
import type { SpatialWeights } from './weights.js';

export interface GearyOptions {
  /** Default `greater` (positive autocorrelation, C < 1), as spdep `geary.test`. */
  alternative?: Alternative;
  /** Randomisation (default, spdep) or normality moments. */
  randomisation?: boolean;
}

export interface GearyResult {
  readonly C: number;
  /** E(C) = 1. */
  readonly expected: number;
  readonly variance: number;
  /** z = (E(C) − C)/√Var(C): positive under positive autocorrelation (spdep's sign). */
  readonly z: number;
  readonly pValue: number;
  readonly alternative: Alternative;
  readonly randomisation: boolean;
  readonly constants: WeightsConstants;
  readonly notes: readonly Note[];
}

/**
 * Geary's C with its moments, as spdep 1.2 `geary.test(x, listw, zero.policy = TRUE)`:
 * C = ((n−1)/(2S₀)) Σᵢ Σⱼ w_ij (xᵢ − xⱼ)² / Σᵢ zᵢ², E(C) = 1;
 * randomisation: Var(C) = [(n−1)S₁(n² − 3n + 3 − K(n−1)) − ¼(n−1)S₂(n² + 3n − 6 − K(n² − n + 2))
 *   + S₀²(n² − 3 − K(n−1)²)] / (n(n−2)(n−3)S₀²), K = n Σzᵢ⁴/(Σzᵢ²)²;
 * normality: Var(C) = ((2S₁ + S₂)(n−1) − 4S₀²) / (2(n+1)S₀²).
 *
 * Convention (spdep's, kept for agreement to the last digit): n is the number of entities with
 * neighbours (adjust.n = TRUE) in n − 1, n², K and (n−2)(n−3), while spdep's geary.test uses the
 * count of all entities N in the terms 3N, n² − N + 2, the leading factor N of the denominator and
 * the normality term N + 1. Without islands n = N and the formulas above hold as written.
 * References: Geary (1954), The Incorporated Statistician 5:115–145; Cliff & Ord (1981), ch. 2.
 */
export function gearyTest(x: ArrayLike<number>, w: SpatialWeights, options: GearyOptions = {}): GearyResult {
  checkValues(x, w);
  const alternative = options.alternative ?? 'greater';
  const randomisation = options.randomisation ?? true;
  const c = weightsConstants(w);
  const { S0, S1, S2 } = c;
  const n = c.n;
  const N = c.nAll;
  const n1 = n - 1;
  const nn = n * n;
  const { z2, z4 } = centredMoments(x);
  const K = (n * z4) / (z2 * z2);
  let sq = 0;
  for (let i = 0; i < N; i++) {
    const nb = w.neighbours[i];
    for (let k = 0; k < nb.length; k++) sq += w.weights[i][k] * (x[i] - x[nb[k]]) ** 2;
  }
  const C = (n1 / (2 * S0)) * (sq / z2);
  const S02 = S0 * S0;
  let V: number;
  if (randomisation) {
    V = n1 * S1 * (nn - 3 * N + 3 - K * n1);
    V -= 0.25 * (n1 * S2 * (nn + 3 * N - 6 - K * (nn - N + 2)));
    V += S02 * (nn - 3 - K * n1 * n1);
    V /= N * (n - 2) * (n - 3) * S02;
  } else {
    V = ((2 * S1 + S2) * n1 - 4 * S02) / (2 * (N + 1) * S02);
  }
  const zC = (1 - C) / Math.sqrt(V);
  return {
    C,
    expected: 1,
    variance: V,
    z: zC,
    pValue: normalPValue(zC, alternative),
    alternative,
    randomisation,
    constants: c,
    notes: w.notes,
  };
}
