import type { Note } from '../core/notes.js';

/** Weight of one indicator. `weight` is its share within its system (they sum to 1 per system). */
export interface IndicatorWeight {
  readonly id: string;
  readonly system: string;
  /** The top-level dimension the indicator belongs to. */
  readonly dimension: string;
  /** Dimension ids from the top level down to the indicator's parent. */
  readonly path: readonly string[];
  readonly weight: number;
  /** The raw weight before normalisation within the system (e.g. 1 − e_j for entropy). */
  readonly raw: number;
}

/** Weight of one dimension: the sum of its indicators' weights (share of the system). */
export interface DimensionWeight {
  readonly id: string;
  readonly system: string;
  readonly parent?: string;
  readonly weight: number;
}

/** Score of one entity in one period for one system. */
export interface ScoreRow {
  readonly entity: string;
  readonly period: number;
  readonly system: string;
  /** The composite index value. */
  readonly index: number;
  /** Scores of the top-level dimensions (and sub-dimensions), keyed by dimension id. */
  readonly dimensions: Readonly<Record<string, number>>;
  /** Rank within the system and period, 1 = highest index. */
  readonly rank: number;
}

/** Everything `measure` produced: weights, scores, the normalised matrix and its notes. */
export interface MeasureResult {
  readonly weights: readonly IndicatorWeight[];
  readonly dimensionWeights: readonly DimensionWeight[];
  readonly scores: readonly ScoreRow[];
  /** Normalised values per indicator id, aligned with the panel rows used. */
  readonly normalized: Readonly<Record<string, Float64Array>>;
  /** Entity and period of the rows used (complete on every indicator), aligned with `normalized`. */
  readonly rows?: { readonly entity: readonly string[]; readonly period: Float64Array };
  readonly options: Readonly<Record<string, unknown>>;
  readonly notes: readonly Note[];
}
