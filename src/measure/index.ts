export type { MeasureResult, IndicatorWeight, DimensionWeight, ScoreRow } from './types.js';
export { measure } from './measure.js';
export {
  resolveMeasureOptions,
  weightParts,
  DEFAULT_MEASURE_OPTIONS,
  NORMALIZE_METHODS,
  WEIGHT_METHODS,
  AGGREGATE_METHODS,
  type MeasureOptions,
  type NormalizeMethod,
  type WeightMethod,
  type AggregateMethod,
} from './options.js';
export { normalizeIndicator, type NormalizeSpec } from './normalize.js';
export { entropy, entropyWeights } from './entropy.js';
export { criticWeights, pearson } from './critic.js';
export { cvWeights } from './cv.js';
export { fixedWeights } from './fixed-weights.js';
export { computeWeights, type WeightInput, type SystemWeights } from './weights.js';
export { aggregateArithmetic, aggregateGeometric } from './aggregate.js';
export { topsisCloseness } from './topsis.js';
export { rankDescending } from './rank.js';
export { completeRows } from './complete-rows.js';
export { toShares } from './shares.js';
export { measurePanel, type MeasuredPanel } from './pipeline.js';
export { scoresPanel, scoreColumns, joinScores, type ScoresLike } from './scores-panel.js';
