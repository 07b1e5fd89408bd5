import type { Panel } from '../data/panel.js';
import { column } from '../data/panel.js';
import { mean, quantileSorted, sd, validValues } from '../core/numeric.js';

/** One row of a descriptive-statistics table ("Table 1" of an empirical paper). */
export interface SummaryRow {
  readonly variable: string;
  /** Non-missing observations. */
  readonly n: number;
  readonly mean: number;
  /** Sample standard deviation (n − 1 denominator, as R's `sd` and Stata's `summarize`). */
  readonly sd: number;
  readonly min: number;
  /** First quartile, R's `quantile(x, 0.25)` (type 7). */
  readonly p25: number;
  readonly median: number;
  /** Third quartile, R's `quantile(x, 0.75)` (type 7). */
  readonly p75: number;
  readonly max: number;
  /** Within-entity SD: SD of x − x̄ᵢ (+ x̄) over all rows, as Stata's `xtsum` "within". */
  readonly sdWithin: number;
  /** Between-entity SD: SD of the entity means x̄ᵢ, as Stata's `xtsum` "between". */
  readonly sdBetween: number;
}

/**
 * Descriptive statistics of panel variables: n, mean, SD, min, quartiles and median (R's default
 * `quantile`, type 7: h = (n − 1)p, linear interpolation; Hyndman & Fan 1996), max, and the
 * within/between decomposition of Stata's `xtsum` (between = SD of entity means over entities with
 * data; within = SD of xᵢₜ − x̄ᵢ + x̄ over rows, n − 1 denominator). Missing values are skipped
 * per variable.
 */
export function summaryStats(panel: Panel, variables: readonly string[]): SummaryRow[] {
  return variables.map((name) => {
    const x = column(panel, name, 'summary statistics');
    const v = validValues(x);
    const sorted = v.slice().sort(); // a Float64Array sorts numerically
    const E = panel.entities.length;
    const sums = new Float64Array(E);
    const counts = new Float64Array(E);
    for (let i = 0; i < x.length; i++) {
      if (!Number.isFinite(x[i])) continue;
      sums[panel.entityIndex[i]] += x[i];
      counts[panel.entityIndex[i]]++;
    }
    const means: number[] = [];
    for (let e = 0; e < E; e++) if (counts[e] > 0) means.push(sums[e] / counts[e]);
    const grand = mean(v);
    const within: number[] = [];
    for (let i = 0; i < x.length; i++) {
      if (!Number.isFinite(x[i])) continue;
      const e = panel.entityIndex[i];
      within.push(x[i] - sums[e] / counts[e] + grand);
    }
    return {
      variable: name,
      n: v.length,
      mean: grand,
      sd: sd(v),
      min: sorted.length ? sorted[0] : NaN,
      p25: quantileSorted(sorted, 0.25),
      median: quantileSorted(sorted, 0.5),
      p75: quantileSorted(sorted, 0.75),
      max: sorted.length ? sorted[sorted.length - 1] : NaN,
      sdWithin: sd(within),
      sdBetween: sd(means),
    };
  });
}
