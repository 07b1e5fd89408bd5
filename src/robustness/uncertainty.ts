import { quantileSorted } from '../core/numeric.js';

/** Rank statistics of one entity over the runs (COINr `get_sensitivity(SA_type = "UA")`'s `RankStats`). */
export interface RankUncertainty {
  readonly entity: string;
  readonly nominalRank: number;
  readonly medianRank: number;
  readonly q05: number;
  readonly q95: number;
  readonly minRank: number;
  readonly maxRank: number;
  /** Share of runs at rank 1, 2, …, n. */
  readonly rankFrequencies: readonly number[];
}

/**
 * Uncertainty analysis of the ranks: for each entity the median, the 5th and 95th percentiles (R
 * `quantile`, type 7, as COINr), the min and max of its rank over the runs, and how often it took
 * each rank. `ranks` is row-major, one row of `entities.length` ranks per run (NaN = the entity was
 * not ranked in that run, e.g. its row was dropped; left out of its statistics).
 */
export function rankUncertainty(
  ranks: Float64Array,
  entities: readonly string[],
  nominal: ArrayLike<number>,
): RankUncertainty[] {
  const m = entities.length;
  const runs = ranks.length / m;
  return entities.map((entity, e) => {
    // Ranks are whole numbers 1..m: count them; the sorted sample is then implicit.
    const count = new Float64Array(m + 1);
    let n = 0;
    for (let r = 0; r < runs; r++) {
      const x = ranks[r * m + e];
      if (Number.isFinite(x)) {
        count[x]++;
        n++;
      }
    }
    const cum = new Float64Array(m + 1);
    for (let k = 1; k <= m; k++) cum[k] = cum[k - 1] + count[k];
    /** The k-th smallest rank (0-based) of the sample. */
    const order = (k: number) => {
      let r = 1;
      while (cum[r] <= k) r++;
      return r;
    };
    // quantileSorted reads the two order statistics around (n − 1)p: give it just those.
    const q = (p: number) => {
      const h = Math.floor((n - 1) * p);
      return quantileSorted({ length: n, [h]: order(h), [Math.min(h + 1, n - 1)]: order(Math.min(h + 1, n - 1)) }, p);
    };
    let lo = NaN;
    let hi = NaN;
    for (let k = 1; k <= m; k++) {
      if (count[k] === 0) continue;
      if (Number.isNaN(lo)) lo = k;
      hi = k;
    }
    return {
      entity,
      nominalRank: nominal[e],
      medianRank: n ? q(0.5) : NaN,
      q05: n ? q(0.05) : NaN,
      q95: n ? q(0.95) : NaN,
      minRank: lo,
      maxRank: hi,
      rankFrequencies: Array.from(count.subarray(1), (c) => (n ? c / n : NaN)),
    };
  });
}

/**
 * COINr's scalar output for sensitivity analysis: the mean absolute rank shift of a run against the
 * nominal ranking, (1/n) Σ_e |r_e − r⁰_e| over the entities ranked in both.
 */
export function meanAbsRankShift(ranks: Float64Array, run: number, nominal: ArrayLike<number>): number {
  const m = nominal.length;
  let s = 0;
  let k = 0;
  for (let e = 0; e < m; e++) {
    const x = ranks[run * m + e];
    if (Number.isFinite(x) && Number.isFinite(nominal[e])) {
      s += Math.abs(x - nominal[e]);
      k++;
    }
  }
  return k ? s / k : NaN;
}
