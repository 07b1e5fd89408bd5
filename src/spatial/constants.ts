import type { SpatialWeights } from './weights.js';

/**
 * The weight constants of the Moran and Geary moments (Cliff & Ord 1981, ch. 2), as spdep's
 * `spweights.constants(listw, zero.policy = TRUE, adjust.n = TRUE)`:
 * S₀ = Σᵢ Σⱼ w_ij, S₁ = ½ Σᵢ Σⱼ (w_ij + w_ji)², S₂ = Σᵢ (w_i· + w_·i)², and `n` the number of
 * entities **with** neighbours (islands are not counted; `nAll` counts them).
 */
export interface WeightsConstants {
  readonly n: number;
  readonly nAll: number;
  readonly S0: number;
  readonly S1: number;
  readonly S2: number;
}

/** Compute {@link WeightsConstants}; w_ji is looked up in the sparse rows, so asymmetric weights (knn) are handled. */
export function weightsConstants(w: SpatialWeights): WeightsConstants {
  const nAll = w.ids.length;
  const rowSum = new Float64Array(nAll);
  const colSum = new Float64Array(nAll);
  const lookup = new Map<number, number>();
  for (let i = 0; i < nAll; i++) {
    for (let k = 0; k < w.neighbours[i].length; k++) lookup.set(i * nAll + w.neighbours[i][k], w.weights[i][k]);
  }
  let S0 = 0;
  let S1 = 0;
  for (let i = 0; i < nAll; i++) {
    const nb = w.neighbours[i];
    const wt = w.weights[i];
    for (let k = 0; k < nb.length; k++) {
      const j = nb[k];
      const wij = wt[k];
      const wji = lookup.get(j * nAll + i) ?? 0;
      rowSum[i] += wij;
      colSum[j] += wij;
      S0 += wij;
      // ½ Σ (w_ij + w_ji)² = Σ over ordered pairs of w_ij² + w_ij·w_ji
      S1 += wij * wij + wij * wji;
    }
  }
  let S2 = 0;
  for (let i = 0; i < nAll; i++) S2 += (rowSum[i] + colSum[i]) ** 2;
  return { n: nAll - w.isolates.length, nAll, S0, S1, S2 };
}
