import { Rng } from '../core/rng.js';
import type { Note } from '../core/notes.js';
import { weightsConstants, type WeightsConstants } from './constants.js';
import { centredMoments, checkValues, normalPValue, type Alternative } from './pvalue.js';
import { spatialLag, type SpatialWeights } from './weights.js';

/** Options of {@link moranTest}. */
export interface MoranOptions {
  /** Default `greater`, as spdep `moran.test` / `moran.mc`. */
  alternative?: Alternative;
  /** Number of random permutations for the Monte-Carlo p-value (spdep `moran.mc` nsim); 0 = none (default). */
  permutations?: number;
  /** Seed of the permutation {@link Rng} (default 1). */
  seed?: number;
}

/** The moments and test of Moran's I under one null distribution. */
export interface MoranMoments {
  readonly variance: number;
  readonly z: number;
  readonly pValue: number;
}

/** Monte-Carlo permutation test (spdep `moran.mc`). */
export interface MoranPermutation {
  readonly permutations: number;
  readonly seed: number;
  /** Rank of the observed I among the nsim + 1 values (average rank for ties), as moran.mc's "observed rank". */
  readonly rank: number;
  readonly pValue: number;
}

export interface MoranResult {
  readonly I: number;
  /** E(I) = −1/(n − 1). */
  readonly expected: number;
  /** Moments under the normality assumption (spdep `randomisation = FALSE`). */
  readonly normality: MoranMoments;
  /** Moments under randomisation (spdep's default `randomisation = TRUE`). */
  readonly randomisation: MoranMoments;
  readonly permutation?: MoranPermutation;
  readonly alternative: Alternative;
  /** Sample kurtosis K = n Σz⁴ / (Σz²)² used by the randomisation variance. */
  readonly kurtosis: number;
  readonly constants: WeightsConstants;
  readonly notes: readonly Note[];
}

/** I = (n/S₀) · Σᵢ zᵢ (Wz)ᵢ / Σᵢ zᵢ², with n the number of entities with neighbours (spdep `moran`). */
function moranStatistic(z: ArrayLike<number>, w: SpatialWeights, n: number, S0: number): number {
  const lz = spatialLag(w, z);
  let num = 0;
  let den = 0;
  for (let i = 0; i < z.length; i++) {
    num += z[i] * lz[i];
    den += z[i] * z[i];
  }
  return (n / S0) * (num / den);
}

/**
 * Global Moran's I with its expectation and variance under normality and under randomisation,
 * z-score, normal p-value, and optionally a permutation p-value.
 *
 * I = (n/S₀) Σᵢ Σⱼ w_ij zᵢ zⱼ / Σᵢ zᵢ², E(I) = −1/(n−1);
 * normality: Var(I) = (n² S₁ − n S₂ + 3 S₀²) / (S₀² (n² − 1)) − E(I)²;
 * randomisation: Var(I) = [n((n² − 3n + 3) S₁ − n S₂ + 3 S₀²) − K(n(n−1) S₁ − 2n S₂ + 6 S₀²)]
 *   / ((n−1)(n−2)(n−3) S₀²) − E(I)², K = N Σzᵢ⁴ / (Σzᵢ²)²;
 * z = (I − E(I)) / √Var(I).
 *
 * Convention: spdep 1.2 `moran.test(x, listw, zero.policy = TRUE, adjust.n = TRUE)`: n counts the
 * entities with neighbours; islands keep their value in the mean and Σz² but have lag 0. K uses all
 * N entities, as spdep's `moran()` does. The permutation p-value follows `moran.mc`: with r the
 * (average) rank of the observed I among nsim + 1 values, greater p = (max(nsim − r, 0) + 1)/(nsim + 1),
 * less p = 1 − that, two-sided p = 1 − 2|r − (nsim + 1)/2|/(nsim + 1). Our random stream is not R's,
 * so permutation p-values agree with moran.mc in distribution, not draw for draw.
 *
 * References: Moran (1950), Biometrika 37:17–23; Cliff & Ord (1981), Spatial Processes, ch. 2;
 * Bivand & Wong (2018), TEST 27:716–748.
 */
export function moranTest(x: ArrayLike<number>, w: SpatialWeights, options: MoranOptions = {}): MoranResult {
  checkValues(x, w);
  const alternative = options.alternative ?? 'greater';
  const c = weightsConstants(w);
  const { n, S0, S1, S2 } = c;
  const N = x.length;
  const { z, z2, z4 } = centredMoments(x);
  const K = (N * z4) / (z2 * z2);
  const I = moranStatistic(z, w, n, S0);
  const EI = -1 / (n - 1);
  const S02 = S0 * S0;
  const nn = n * n;
  const vNorm = (nn * S1 - n * S2 + 3 * S02) / (S02 * (nn - 1)) - EI * EI;
  const vRand =
    (n * (S1 * (nn - 3 * n + 3) - n * S2 + 3 * S02) - K * (S1 * (nn - n) - 2 * n * S2 + 6 * S02)) /
      ((n - 1) * (n - 2) * (n - 3) * S02) -
    EI * EI;
  const moments = (v: number): MoranMoments => {
    const zz = (I - EI) / Math.sqrt(v);
    return { variance: v, z: zz, pValue: normalPValue(zz, alternative) };
  };
  const notes: Note[] = [...w.notes];
  if (vRand < 0)
    notes.push({
      level: 'warning',
      code: 'negative-variance',
      message: "Moran's I randomisation variance is negative: the variable's kurtosis is too high for the test",
    });
  let permutation: MoranPermutation | undefined;
  const nsim = options.permutations ?? 0;
  if (nsim > 0) {
    const seed = options.seed ?? 1;
    const rng = new Rng(seed);
    const perm = Float64Array.from(z);
    let less = 0;
    let equal = 0;
    for (let s = 0; s < nsim; s++) {
      rng.shuffle(perm);
      const Is = moranStatistic(perm, w, n, S0);
      if (Is < I) less++;
      else if (Is === I) equal++;
    }
    const rank = less + 1 + equal / 2;
    permutation = { permutations: nsim, seed, rank, pValue: mcPValue(rank, nsim, alternative) };
  }
  return {
    I,
    expected: EI,
    normality: moments(vNorm),
    randomisation: moments(vRand),
    permutation,
    alternative,
    kurtosis: K,
    constants: c,
    notes,
  };
}

/** spdep `moran.mc` p-value from the observed rank r among nsim + 1 values (see {@link moranTest}). */
export function mcPValue(rank: number, nsim: number, alternative: Alternative): number {
  const diff = Math.max(nsim - rank, 0);
  if (alternative === 'greater') return (diff + 1) / (nsim + 1);
  if (alternative === 'less') return 1 - (diff + 1) / (nsim + 1);
  return Math.min(1, Math.max(0, 1 - (2 * Math.abs(rank - (nsim + 1) / 2)) / (nsim + 1)));
}

/** One point of the Moran scatterplot: the value and its spatial lag, raw and standardised. */
export interface MoranScatterPoint {
  readonly entity: string;
  readonly value: number;
  readonly lag: number;
  /** (x − x̄)/s with the population sd s (GeoDa's standardisation). */
  readonly z: number;
  /** Spatial lag of the standardised values, (Wz)ᵢ. */
  readonly lagZ: number;
}

/**
 * Data for the Moran scatterplot (spdep `moran.plot`, GeoDa): x against Wx. With row-standardised
 * weights and no islands the least-squares slope of lagZ on z equals Moran's I. The chart only draws
 * these points; it computes nothing.
 */
export function moranScatter(x: ArrayLike<number>, w: SpatialWeights): { points: MoranScatterPoint[]; slope: number } {
  checkValues(x, w);
  const { z: c, z2 } = centredMoments(x);
  const s = Math.sqrt(z2 / c.length);
  const z = Float64Array.from(c, (v) => v / s);
  const lag = spatialLag(w, x);
  const lagZ = spatialLag(w, z);
  let num = 0;
  let den = 0;
  for (let i = 0; i < z.length; i++) {
    num += z[i] * lagZ[i];
    den += z[i] * z[i];
  }
  const points = w.ids.map((entity, i) => ({ entity, value: x[i], lag: lag[i], z: z[i], lagZ: lagZ[i] }));
  return { points, slope: num / den };
}
