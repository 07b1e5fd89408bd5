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
export function rankUncertainty(ranks: Float64Array, entities: readonly string[], nominal: ArrayLike<number>): RankUncertainty[] {
  const m = entities.length;
  const runs = ranks.length / m;
  return entities.map((entity, e) => {
    const v: number[] = [];
    for (let r = 0; r < runs; r++) {
      const x = ranks[r * m + e];
      if (Number.isFinite(x)) v.push(x);
    }
    const s = Float64Array.from(v).sort();
    const freq = new Array<number>(m).fill(0);
    for (const x of s) freq[x - 1] += 1 / s.length;
    return {
      entity,
      nominalRank: nominal[e],
      medianRank: quantileSorted(s, 0.5),
      q05: quantileSorted(s, 0.05),
      q95: quantileSorted(s, 0.95),
      minRank: s.length ? s[0] : NaN,
      maxRank: s.length ? s[s.length - 1] : NaN,
      rankFrequencies: freq,
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
