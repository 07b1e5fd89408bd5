import normalCdf from '@stdlib/stats-base-dists-normal-cdf';
import normalQuantile from '@stdlib/stats-base-dists-normal-quantile';

/**
 * Bootstrap confidence intervals from replicates, with the conventions of R's `boot` package
 * (Canty & Ripley; Davison & Hinkley 1997), so that nqpf's intervals equal `boot.ci` given the same
 * replicates.
 */

/**
 * Quantiles of bootstrap replicates as `boot:::norm.inter`: with R finite replicates sorted,
 * rk = (R + 1)α; if rk is an integer k the k-th order statistic, otherwise interpolation between
 * the k-th and (k+1)-th order statistics (k = ⌊rk⌋) on the normal quantile scale:
 * t_k + (Φ⁻¹(α) − Φ⁻¹(k/(R+1))) / (Φ⁻¹((k+1)/(R+1)) − Φ⁻¹(k/(R+1))) · (t_{k+1} − t_k);
 * the extreme order statistic when k = 0 or k = R (boot then warns "extreme order statistics used
 * as endpoints"). Non-finite replicates are ignored.
 */
export function bootQuantiles(replicates: ArrayLike<number>, alphas: readonly number[]): number[] {
  const t = Float64Array.from(Array.from(replicates).filter((v) => Number.isFinite(v))).sort();
  const R = t.length;
  if (R === 0) return alphas.map(() => NaN);
  return alphas.map((alpha) => {
    if (!(alpha > 0 && alpha < 1)) return NaN;
    const rk = (R + 1) * alpha;
    const k = Math.trunc(rk);
    if (k === rk && k >= 1 && k <= R) return t[k - 1];
    if (k <= 0) return t[0];
    if (k >= R) return t[R - 1];
    const z = normalQuantile(alpha, 0, 1);
    const zk = normalQuantile(k / (R + 1), 0, 1);
    const zk1 = normalQuantile((k + 1) / (R + 1), 0, 1);
    const tk = t[k - 1];
    const tk1 = t[k];
    return tk + ((z - zk) / (zk1 - zk)) * (tk1 - tk);
  });
}

/** Percentile interval at `level`: {@link bootQuantiles} at (1 ∓ level)/2, as `boot.ci(type = "perc")`. */
export function percentileInterval(replicates: ArrayLike<number>, level = 0.95): [number, number] {
  const [lo, hi] = bootQuantiles(replicates, [(1 - level) / 2, (1 + level) / 2]);
  return [lo, hi];
}

/**
 * Bias-corrected (BC) interval (Efron 1982; Davison & Hinkley 1997 §5.3.2 with acceleration a = 0):
 * z₀ = Φ⁻¹(#{t* < t₀}/R), levels α' = Φ(2z₀ + Φ⁻¹(α)) for α = (1 ∓ level)/2, then
 * {@link bootQuantiles} at α'. Equals `boot.ci(type = "bca")` when the acceleration is zero; nqpf
 * omits the acceleration because its jackknife over clusters of a multi-equation FE model is
 * costly, and BC is what applied mediation work reports (Stata's `estat bootstrap, bc`; Hayes 2022, PROCESS). NaN when every replicate lies
 * on one side of t₀ (z₀ infinite).
 */
export function bcInterval(replicates: ArrayLike<number>, t0: number, level = 0.95): [number, number] {
  let below = 0;
  let R = 0;
  for (let i = 0; i < replicates.length; i++) {
    const v = replicates[i];
    if (!Number.isFinite(v)) continue;
    R++;
    if (v < t0) below++;
  }
  if (R === 0 || below === 0 || below === R) return [NaN, NaN];
  const z0 = normalQuantile(below / R, 0, 1);
  const adj = [(1 - level) / 2, (1 + level) / 2].map((a) => normalCdf(2 * z0 + normalQuantile(a, 0, 1), 0, 1));
  const [lo, hi] = bootQuantiles(replicates, adj);
  return [lo, hi];
}
