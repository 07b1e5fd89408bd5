/**
 * Classical (discrete, first-order, time-homogeneous) Markov chain of an entity's class over
 * consecutive periods (Quah 1993 style distribution dynamics). Transitions are counted from period
 * t to the next period of the panel for every entity observed in both.
 */
import type { Panel } from '../data/panel.js';
import { column } from '../data/panel.js';
import { InputError } from '../core/errors.js';
import { NoteLog, type Note } from '../core/notes.js';
import { classOf, quantileBreaks } from './quantile-classes.js';
import { ergodicDistribution } from './ergodic.js';

/** Options of {@link markovChain} and `spatialMarkov`. */
export interface MarkovOptions {
  /** Number of quantile classes. Default 4. */
  readonly k?: number;
  /**
   * 'pooled' (default): one set of breaks from all periods together, so classes are absolute levels
   * and upward mobility shows as growth. 'per-period': breaks from each period's own values, so
   * classes are relative positions (a region moves up only by overtaking others).
   */
  readonly classes?: 'pooled' | 'per-period';
}

/** A k × k transition matrix with counts and row probabilities. */
export interface TransitionMatrix {
  /** counts[i][j]: transitions from class i to class j. */
  readonly counts: number[][];
  /** probabilities[i][j] = counts[i][j] / n_i; rows with n_i = 0 are all zero (see `emptyRows`). */
  readonly probabilities: number[][];
  /** n_i, transitions starting in class i. */
  readonly rowTotals: number[];
  /** Classes with no transitions out of them (zero rows). */
  readonly emptyRows: number[];
}

/** Classes, transition matrix, initial/final shares and the ergodic distribution. */
export interface MarkovResult {
  readonly value: string;
  readonly k: number;
  readonly classes: 'pooled' | 'per-period';
  /** Inner breaks: one array when pooled, one per period (in `periods` order) otherwise. */
  readonly breaks: readonly (readonly number[])[];
  readonly periods: readonly number[];
  /** Class per panel row (0-based, −1 missing). */
  readonly classOfRow: Int32Array;
  readonly transitions: TransitionMatrix;
  /** Share of observations in each class at the first and the last period. */
  readonly initial: number[];
  readonly final: number[];
  /** Stationary distribution of the transition probabilities (NaN when not unique or rows empty). */
  readonly ergodic: number[];
  readonly nTransitions: number;
  readonly notes: readonly Note[];
}

/**
 * Quantile class of every value (aligned with the panel rows) from breaks pooled over all rows or
 * computed within each period.
 */
export function quantileClassesByPeriod(
  panel: Panel,
  values: ArrayLike<number>,
  k: number,
  mode: 'pooled' | 'per-period',
): { classOfRow: Int32Array; breaks: number[][] } {
  if (!(Number.isInteger(k) && k >= 2))
    throw new InputError(`the number of classes must be a whole number ≥ 2 (got ${k})`, { hint: 'e.g. --classes 4' });
  const classOfRow = new Int32Array(values.length).fill(-1);
  const groups =
    mode === 'pooled' ? [Array.from({ length: values.length }, (_, i) => i)] : panel.periods.map(() => [] as number[]);
  if (mode === 'per-period') for (let i = 0; i < values.length; i++) groups[panel.periodIndex[i]].push(i);
  const breaks = groups.map((idx) => {
    const b = quantileBreaks(
      idx.map((i) => values[i]),
      k,
    );
    for (const i of idx) classOfRow[i] = classOf(values[i], b);
    return b;
  });
  return { classOfRow, breaks };
}

/** Class of every row of the panel from quantile breaks of column `value` (pooled or per period). */
export function classifyRows(
  panel: Panel,
  value: string,
  k: number,
  mode: 'pooled' | 'per-period',
): { classOfRow: Int32Array; breaks: number[][] } {
  return quantileClassesByPeriod(panel, column(panel, value), k, mode);
}

/** Row probabilities from counts; zero rows stay zero and are listed. */
export function transitionMatrix(counts: number[][]): TransitionMatrix {
  const rowTotals = counts.map((r) => r.reduce((a, b) => a + b, 0));
  const probabilities = counts.map((r, i) => r.map((c) => (rowTotals[i] > 0 ? c / rowTotals[i] : 0)));
  const emptyRows = rowTotals.flatMap((n, i) => (n === 0 ? [i] : []));
  return { counts, probabilities, rowTotals, emptyRows };
}

/**
 * Visit every transition (row i at period index p → row i+1 at p+1, same entity) with both classes
 * known. Panel rows are sorted by entity then period, so a transition is two adjacent rows.
 */
export function forEachTransition(
  panel: Panel,
  classOfRow: Int32Array,
  visit: (from: number, to: number, row: number) => void,
): void {
  for (let i = 0; i + 1 < panel.entity.length; i++) {
    if (panel.entityIndex[i] !== panel.entityIndex[i + 1]) continue;
    if (panel.periodIndex[i + 1] !== panel.periodIndex[i] + 1) continue;
    const a = classOfRow[i];
    const b = classOfRow[i + 1];
    if (a >= 0 && b >= 0) visit(a, b, i);
  }
}

function shares(panel: Panel, classOfRow: Int32Array, p: number, k: number): number[] {
  const c = Array(k).fill(0);
  let n = 0;
  for (let i = 0; i < classOfRow.length; i++) {
    if (panel.periodIndex[i] === p && classOfRow[i] >= 0) {
      c[classOfRow[i]]++;
      n++;
    }
  }
  return c.map((x) => (n ? x / n : NaN));
}

/** Describe empty classes once in the notes. */
export function noteEmptyRows(log: NoteLog, m: TransitionMatrix, label: string): void {
  if (m.emptyRows.length) {
    log.warn(
      'empty-class',
      `${label}: class(es) ${m.emptyRows.map((c) => c + 1).join(', ')} have no transitions; their rows are zero (not NaN), and the ergodic distribution is not defined`,
    );
  }
}

/** Classical Markov chain of quantile classes of column `value`. */
export function markovChain(panel: Panel, value: string, options: MarkovOptions = {}): MarkovResult {
  const k = options.k ?? 4;
  const mode = options.classes ?? 'pooled';
  const { classOfRow, breaks } = classifyRows(panel, value, k, mode);
  const counts = Array.from({ length: k }, () => Array(k).fill(0));
  let n = 0;
  forEachTransition(panel, classOfRow, (a, b) => {
    counts[a][b]++;
    n++;
  });
  if (n === 0)
    throw new InputError(`no entity has "${value}" in two consecutive periods`, {
      column: value,
      hint: 'a Markov chain needs at least two periods per entity',
    });
  const transitions = transitionMatrix(counts);
  const log = new NoteLog();
  noteEmptyRows(log, transitions, 'Markov chain');
  const ergodic = transitions.emptyRows.length ? Array(k).fill(NaN) : ergodicDistribution(transitions.probabilities);
  if (!transitions.emptyRows.length && ergodic.some(Number.isNaN))
    log.warn('no-ergodic', 'the chain has no unique ergodic distribution (it is reducible)');
  return {
    value,
    k,
    classes: mode,
    breaks,
    periods: panel.periods,
    classOfRow,
    transitions,
    initial: shares(panel, classOfRow, 0, k),
    final: shares(panel, classOfRow, panel.periods.length - 1, k),
    ergodic,
    nTransitions: n,
    notes: log.notes,
  };
}
