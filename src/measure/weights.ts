import { type NoteLog } from '../core/notes.js';
import type { PlacedIndicator } from '../framework/tree.js';
import type { System } from '../framework/types.js';
import { weightParts, type WeightMethod } from './options.js';
import { findWeighting } from './registry.js';
import { toShares } from './shares.js';

/** What {@link computeWeights} needs for one system; columns are aligned with `placed`. */
export interface WeightInput {
  readonly system: System;
  readonly placed: readonly PlacedIndicator[];
  /** Normalised, direction-aligned values (entropy, CRITIC). */
  readonly normalized: readonly Float64Array[];
  /** Raw values of the rows used (CV). */
  readonly raw: readonly Float64Array[];
  /** Row groups per period for per-period entropy; null = pooled. */
  readonly periodGroups: readonly Int32Array[] | null;
  /** Indicators constant over the rows used: weight 0, excluded from the computation. */
  readonly constant: readonly boolean[];
  readonly periods?: readonly number[];
}

/** Weights of one system's indicators: `weights` sum to 1; `raw` before normalisation. */
export interface SystemWeights {
  readonly weights: Float64Array;
  readonly raw: Float64Array;
}

/**
 * Weights within one system (they sum to 1 over the system's indicators):
 * `entropy` ({@link entropyWeights}), `critic` ({@link criticWeights}), `cv` ({@link cvWeights}),
 * `equal` (1/m over the m non-constant indicators, flat, not per dimension), `fixed`
 * ({@link fixedWeights}), or two joined by `+`: w = (w_a + w_b)/2, the arithmetic mean of the two
 * normalised vectors (the usual "combination weighting"; raw = the same mean).
 *
 * A constant indicator carries no information: it is left out of every method and gets weight 0
 * (for `fixed`, the other weights are rescaled to sum to 1); the caller records the warning.
 */
export function computeWeights(spec: string, input: WeightInput, log: NoteLog): SystemWeights {
  const parts = weightParts(spec);
  const results = parts.map((m) => single(m, input, log));
  if (results.length === 1) return results[0];
  const mixed = Float64Array.from(results[0].weights, (w, j) => (w + results[1].weights[j]) / 2);
  return { weights: toShares(mixed), raw: mixed };
}

function single(method: WeightMethod, input: WeightInput, log: NoteLog): SystemWeights {
  return findWeighting(method)!.compute(input, log);
}
