/**
 * Spatial Markov chain (Rey 2001): transitions of an entity's class conditioned on the class of its
 * spatial lag (the W-weighted mean of its neighbours) at the start of the transition. Rey, S. J.
 * (2001), "Spatial empirics for economic growth and convergence", Geographical Analysis 33(3):195–214,
 * doi:10.1111/j.1538-4632.2001.tb00444.x. Convention as PySAL giddy `Spatial_Markov` with quantile
 * classes of the values and of the lags (pooled over periods by default, giddy's `fixed=True`).
 */
import type { Panel } from '../data/panel.js';
import { column } from '../data/panel.js';
import { InputError } from '../core/errors.js';
import { NoteLog, type Note } from '../core/notes.js';
import type { SpatialWeights } from '../spatial/weights.js';
import {
  classifyRows,
  quantileClassesByPeriod,
  forEachTransition,
  noteEmptyRows,
  transitionMatrix,
  type MarkovOptions,
  type TransitionMatrix,
} from './markov-chain.js';
import { ergodicDistribution } from './ergodic.js';
import { homogeneityTest, type HomogeneityTest } from './homogeneity-test.js';

/** Pooled and lag-conditioned transition matrices with the homogeneity test. */
export interface SpatialMarkovResult {
  readonly value: string;
  readonly k: number;
  readonly classes: 'pooled' | 'per-period';
  readonly breaks: readonly (readonly number[])[];
  readonly lagBreaks: readonly (readonly number[])[];
  /**
   * Spatial lag per panel row (NaN when a neighbour is missing in that period). Lag classes and their
   * breaks use only the rows whose own value is known, so blank cells and absent rows agree.
   */
  readonly lag: Float64Array;
  /** Pooled (unconditional) matrix. */
  readonly pooled: TransitionMatrix;
  /** One matrix per lag class 0..k−1. */
  readonly conditional: readonly TransitionMatrix[];
  /** Ergodic distribution of each conditional matrix (NaN where rows are empty). */
  readonly ergodic: readonly number[][];
  readonly test: HomogeneityTest;
  readonly nTransitions: number;
  readonly notes: readonly Note[];
}

/**
 * Spatial lag Wy of `value` within each period. Weights should be row-standardised (style W) so the
 * lag is the neighbours' average. Entities of the weights missing from a period, or with a missing
 * value, make their neighbours' lag NaN in that period; islands have lag 0 (spdep zero.policy).
 */
export function spatialLagByPeriod(panel: Panel, value: string, w: SpatialWeights): Float64Array {
  const y = column(panel, value);
  const pos = new Map(w.ids.map((id, i) => [id, i]));
  for (const e of panel.entities) {
    if (!pos.has(e.id))
      throw new InputError(`entity "${e.id}" is not in the spatial weights`, {
        hint: 'build the weights from the same entities as the data',
      });
  }
  const lag = new Float64Array(y.length).fill(NaN);
  for (let p = 0; p < panel.periods.length; p++) {
    const vals = new Float64Array(w.ids.length).fill(NaN);
    const rowOf = new Int32Array(w.ids.length).fill(-1);
    for (let i = 0; i < y.length; i++) {
      if (panel.periodIndex[i] !== p) continue;
      const j = pos.get(panel.entity[i])!;
      vals[j] = y[i];
      rowOf[j] = i;
    }
    for (let j = 0; j < w.ids.length; j++) {
      if (rowOf[j] < 0) continue;
      let s = 0;
      const nb = w.neighbours[j];
      for (let m = 0; m < nb.length; m++) s += w.weights[j][m] * vals[nb[m]];
      lag[rowOf[j]] = s;
    }
  }
  return lag;
}

/** Spatial Markov chain of quantile classes of `value`, conditioned on the lag class. */
export function spatialMarkov(
  panel: Panel,
  value: string,
  w: SpatialWeights,
  options: MarkovOptions = {},
): SpatialMarkovResult {
  const k = options.k ?? 4;
  const mode = options.classes ?? 'pooled';
  const log = new NoteLog();
  if (w.style !== 'W')
    log.warn(
      'weights-not-row-standardised',
      'spatial Markov chains use a row-standardised W (style "W"); the lag is not a neighbour average otherwise',
    );
  const { classOfRow, breaks } = classifyRows(panel, value, k, mode);
  const lag = spatialLagByPeriod(panel, value, w);
  // Lag classes come from the entity-periods whose own value is known. A missing value can be a blank
  // cell (the row exists, so its lag is computable) or an absent row (no lag at all); counting the
  // lags of blank cells would make the breaks, and every count after them, depend on which was used.
  const y = column(panel, value);
  const classifiedLag = lag.map((l, i) => (Number.isFinite(y[i]) ? l : NaN));
  const { classOfRow: lagClass, breaks: lagBreaks } = quantileClassesByPeriod(panel, classifiedLag, k, mode);
  const counts = Array.from({ length: k }, () => Array.from({ length: k }, () => Array(k).fill(0)));
  let n = 0;
  let noLag = 0;
  forEachTransition(panel, classOfRow, (a, b, row) => {
    const l = lagClass[row];
    if (l < 0) {
      noLag++;
      return;
    }
    counts[l][a][b]++;
    n++;
  });
  if (n === 0) throw new InputError(`no transitions of "${value}" with a known spatial lag`, { column: value });
  if (noLag) log.info('missing-lag', `${noLag} transition(s) left out because a neighbour's value was missing`);
  const conditional = counts.map((c) => transitionMatrix(c));
  const pooled = transitionMatrix(
    Array.from({ length: k }, (_, i) => Array.from({ length: k }, (_, j) => counts.reduce((s, c) => s + c[i][j], 0))),
  );
  conditional.forEach((m, l) => noteEmptyRows(log, m, `spatial Markov, lag class ${l + 1}`));
  const ergodic = conditional.map((m) =>
    m.emptyRows.length ? Array(k).fill(NaN) : ergodicDistribution(m.probabilities),
  );
  return {
    value,
    k,
    classes: mode,
    breaks,
    lagBreaks,
    lag,
    pooled,
    conditional,
    ergodic,
    test: homogeneityTest(conditional, pooled),
    nTransitions: n,
    notes: log.notes,
  };
}
