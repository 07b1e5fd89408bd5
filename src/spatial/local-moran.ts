import { Rng } from '../core/rng.js';
import type { Note } from '../core/notes.js';
import { centredMoments, checkAlpha, checkValues, normalPValue, type Alternative } from './pvalue.js';
import { spatialLag, type SpatialWeights } from './weights.js';

/** LISA cluster class: High-High, Low-Low, High-Low, Low-High, or not significant. */
export type LisaCluster = 'HH' | 'LL' | 'HL' | 'LH' | 'NS';

export interface LocalMoranOptions {
  /** Default `two.sided`, as spdep `localmoran`. */
  alternative?: Alternative;
  /**
   * Conditional randomisation moments (Sokal, Oden & Thomson 1998; spdep's default since 1.1-7,
   * `conditional = TRUE`) or total randomisation (Anselin 1995; `conditional = FALSE`).
   */
  conditional?: boolean;
  /** Number of conditional permutations for pseudo p-values (0 = none, default). */
  permutations?: number;
  /** Seed of the permutation {@link Rng} (default 1). */
  seed?: number;
  /** Significance level for the cluster map (default 0.05). */
  alpha?: number;
}

export interface LocalMoranRow {
  readonly entity: string;
  /** I_i = (z_i/m₂) Σⱼ w_ij zⱼ. */
  readonly Ii: number;
  readonly expected: number;
  readonly variance: number;
  readonly z: number;
  /** Normal p-value of z under `alternative`. */
  readonly pValue: number;
  /** Folded pseudo p-value from conditional permutations, (min(r, nsim − r) + 1)/(nsim + 1); NaN without permutations. */
  readonly pPermutation: number;
  /** spdep "mean" quadrant (x against x̄, Wx against mean of Wx), regardless of significance. */
  readonly quadrant: Exclude<LisaCluster, 'NS'>;
  /** The quadrant if significant at `alpha`, else NS. */
  readonly cluster: LisaCluster;
}

export interface LocalMoranResult {
  readonly rows: LocalMoranRow[];
  readonly alternative: Alternative;
  readonly conditional: boolean;
  readonly permutations: number;
  readonly seed: number;
  readonly alpha: number;
  /** Which p-value decided the cluster: the permutation one when permutations > 0, else the normal one. */
  readonly clusterBy: 'permutation' | 'normal';
  readonly notes: readonly Note[];
}

/**
 * Local Moran's I (LISA) with moments, z, p-values, conditional permutation pseudo p-values and
 * HH/LL/HL/LH classes.
 *
 * I_i = (z_i/m₂) Σⱼ w_ij zⱼ, zᵢ = xᵢ − x̄, m₂ = Σzᵢ²/n, W_i = Σⱼ w_ij, W_i2 = Σⱼ w_ij²;
 * conditional: E(I_i) = −zᵢ² W_i / ((n−1) m₂),
 *   Var(I_i) = (zᵢ/m₂)² (n/(n−2)) (W_i2 − W_i²/(n−1)) (m₂ − zᵢ²/(n−1));
 * total: E(I_i) = −W_i/(n−1), Var(I_i) = A W_i2 + B (W_i² − W_i2) − E(I_i)²,
 *   b₂ = (Σzᵢ⁴/n)/m₂², A = (n − b₂)/(n−1), B = (2b₂ − n)/((n−1)(n−2)).
 *
 * Convention: spdep 1.2 `localmoran(x, listw, conditional, mlvar = TRUE, zero.policy = TRUE)`.
 * Islands get I_i = 0 and NaN z and p (class NS). Clusters follow spdep's `quadr$mean`: "High" when
 * xᵢ > x̄ (else Low) and (Wx)ᵢ > mean(Wx); the class is kept when the p-value is < alpha.
 * Permutations: for each i the values of the other n − 1 entities are permuted and the first |N(i)|
 * assigned to i's neighbours (conditional randomisation, Anselin 1995; sampling without replacement as
 * in GeoDa and PySAL `esda.Moran_Local`; spdep 1.2's `localmoran_perm` samples with replacement).
 * References: Anselin (1995), Geographical Analysis 27(2):93–115; Sokal, Oden & Thomson (1998),
 * Geographical Analysis 30(4):331–354.
 */
export function localMoran(x: ArrayLike<number>, w: SpatialWeights, options: LocalMoranOptions = {}): LocalMoranResult {
  checkValues(x, w);
  const alternative = options.alternative ?? 'two.sided';
  const conditional = options.conditional ?? true;
  const nsim = options.permutations ?? 0;
  const seed = options.seed ?? 1;
  const alpha = options.alpha ?? 0.05;
  checkAlpha(alpha, '--alpha');
  const n = x.length;
  const { z, z2, z4 } = centredMoments(x);
  const m2 = z2 / n;
  const b2 = z4 / n / (m2 * m2);
  const A = (n - b2) / (n - 1);
  const B = (2 * b2 - n) / ((n - 1) * (n - 2));
  const lz = spatialLag(w, z);
  const lx = spatialLag(w, x);
  let xbar = 0;
  let lxbar = 0;
  for (let i = 0; i < n; i++) {
    xbar += x[i];
    lxbar += lx[i];
  }
  xbar /= n;
  lxbar /= n;
  const rng = new Rng(seed);
  const rows: LocalMoranRow[] = [];
  const others = new Float64Array(n - 1);
  for (let i = 0; i < n; i++) {
    const wt = w.weights[i];
    let Wi = 0;
    let Wi2 = 0;
    for (const v of wt) {
      Wi += v;
      Wi2 += v * v;
    }
    const Ii = (z[i] / m2) * lz[i];
    let E: number;
    let V: number;
    if (conditional) {
      E = -(z[i] * z[i] * Wi) / ((n - 1) * m2);
      V = (z[i] / m2) ** 2 * (n / (n - 2)) * (Wi2 - (Wi * Wi) / (n - 1)) * (m2 - (z[i] * z[i]) / (n - 1));
    } else {
      E = -Wi / (n - 1);
      V = A * Wi2 + B * (Wi * Wi - Wi2) - E * E;
    }
    const zi = (Ii - E) / Math.sqrt(V);
    let pPerm = NaN;
    const k = wt.length;
    if (nsim > 0 && k > 0) {
      for (let j = 0, m = 0; j < n; j++) if (j !== i) others[m++] = z[j];
      let atLeast = 0;
      for (let s = 0; s < nsim; s++) {
        // partial Fisher–Yates: the first k slots become a random k-subset in random order
        let lag = 0;
        for (let t = 0; t < k; t++) {
          const r = t + rng.int(n - 1 - t);
          const tmp = others[t];
          others[t] = others[r];
          others[r] = tmp;
          lag += wt[t] * others[t];
        }
        if ((z[i] / m2) * lag >= Ii) atLeast++;
      }
      pPerm = (Math.min(atLeast, nsim - atLeast) + 1) / (nsim + 1);
    }
    const pValue = normalPValue(zi, alternative);
    const quadrant = ((x[i] > xbar ? 'H' : 'L') + (lx[i] > lxbar ? 'H' : 'L')) as Exclude<LisaCluster, 'NS'>;
    const p = nsim > 0 ? pPerm : pValue;
    rows.push({
      entity: w.ids[i],
      Ii,
      expected: E,
      variance: V,
      z: zi,
      pValue,
      pPermutation: pPerm,
      quadrant,
      cluster: p < alpha ? quadrant : 'NS',
    });
  }
  return {
    rows,
    alternative,
    conditional,
    permutations: nsim,
    seed,
    alpha,
    clusterBy: nsim > 0 ? 'permutation' : 'normal',
    notes: w.notes,
  };
}
