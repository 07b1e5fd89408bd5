/** `disparity`: Dagum Gini decomposition, Theil and CV by period, as `nqpf disparity --json`. */
import type { Note } from '../core/notes.js';
import type { Panel } from '../data/panel.js';
import { disparityByPeriod, type DisparityResult } from '../disparity/disparity-by-period.js';
import { notesFor } from './common.js';

/** Options of {@link disparity}. */
export interface DisparityStageOptions {
  /** The variable (non-negative levels, e.g. an index score or GDP per worker). */
  readonly value: string;
  /** Group column, or `group` (default) for the entities' group attribute (continent, NBS region). */
  readonly group?: string;
  /** Only these periods; default all. */
  readonly years?: readonly number[];
  /** CV with the population sd (n); default false: the sample sd (n − 1). */
  readonly cvPopulation?: boolean;
}

/** What {@link runDisparity} computed. */
export interface DisparityRun {
  readonly panel: Panel;
  readonly result: DisparityResult;
  readonly notes: readonly Note[];
}

export function runDisparity(panel: Panel, options: DisparityStageOptions): DisparityRun {
  const group = options.group ?? 'group';
  const result = disparityByPeriod(panel, options.value, group, {
    periods: options.years,
    cvCorrection: options.cvPopulation ? 0 : 1,
  });
  return { panel, result, notes: [...notesFor(panel.notes, [options.value, group]), ...result.notes] };
}

/** The `--json` object of `nqpf disparity`. */
export function disparityJson({ panel, result: r, notes }: DisparityRun) {
  return {
    value: r.value,
    group: r.groupBy,
    periods: r.periods.map((p) => ({
      period: p.period,
      n: p.n,
      gini: p.dagum.gini,
      within: p.dagum.within,
      between: p.dagum.between,
      transvariation: p.dagum.transvariation,
      contributions: p.dagum.contributions,
      groups: p.dagum.groups.map((g) => ({ group: g.group, n: g.n, mean: g.mean, gini: g.gini })),
      pairs: p.dagum.pairs.map((q) => ({ a: q.a, b: q.b, gini: q.gini, D: q.D })),
      theilT: p.theilT.total,
      theilTWithin: p.theilT.within,
      theilTBetween: p.theilT.between,
      theilL: p.theilL.total,
      theilLWithin: p.theilL.within,
      theilLBetween: p.theilL.between,
      cv: p.cv,
    })),
    cv: r.cvCorrection === 1 ? 'sample sd' : 'population sd',
    simulated: panel.meta.simulated,
    notes,
  };
}

/**
 * Regional disparity by period: Dagum (1997) Gini with its within/between/transvariation
 * decomposition, Theil T and L, coefficient of variation; as `nqpf disparity --json`.
 */
export function disparity(panel: Panel, options: DisparityStageOptions) {
  return disparityJson(runDisparity(panel, options));
}
