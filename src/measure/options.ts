import { definedOnly } from '../core/options.js';
import { InputError } from '../core/errors.js';
import {
  AGGREGATIONS,
  NORMALIZATIONS,
  WEIGHTINGS,
  findAggregation,
  findNormalization,
  findWeighting,
} from './registry.js';

/** Normalisation methods; see {@link normalizeIndicator}. */
export type NormalizeMethod = 'minmax' | 'minmax-shift' | 'minmax-range' | 'zscore' | 'ratio';

/** Single weighting methods; see {@link computeWeights}. */
export type WeightMethod = 'entropy' | 'critic' | 'cv' | 'equal' | 'fixed';

/** Aggregation up the tree; see {@link aggregateArithmetic}, {@link aggregateGeometric}, {@link topsisCloseness}. */
export type AggregateMethod = 'arithmetic' | 'geometric' | 'topsis';

/** Options of {@link measure}: a small typed record, every field with a default. */
export interface MeasureOptions {
  /** Default `minmax`. */
  readonly normalize: NormalizeMethod;
  /** Additive shift of `minmax-shift`; default 0.0001. */
  readonly shift: number;
  /** Target interval of `minmax-range`; default [0.01, 0.99] (SPSSAU's default). */
  readonly range: readonly [number, number];
  /**
   * One method, or two joined by `+` (e.g. `entropy+critic`): the arithmetic mean of the two weight
   * vectors. Default `entropy`.
   */
  readonly weights: WeightMethod | `${WeightMethod}+${WeightMethod}`;
  /**
   * false (default): normalise over the whole panel (min and max over all entities and periods) and
   * use the pooled "global" entropy, so scores compare across periods. true: normalise within each
   * period, compute entropy per period and average the weights.
   */
  readonly perPeriod: boolean;
  /** Default `arithmetic`. */
  readonly aggregate: AggregateMethod;
}

export const DEFAULT_MEASURE_OPTIONS: MeasureOptions = {
  normalize: 'minmax',
  shift: 0.0001,
  range: [0.01, 0.99],
  weights: 'entropy',
  perPeriod: false,
  aggregate: 'arithmetic',
};

/** Names of the methods of each family, in the order of the registry (src/measure/registry.ts). */
export const NORMALIZE_METHODS: readonly NormalizeMethod[] = NORMALIZATIONS.map((r) => r.name);
export const WEIGHT_METHODS: readonly WeightMethod[] = WEIGHTINGS.map((r) => r.name);
export const AGGREGATE_METHODS: readonly AggregateMethod[] = AGGREGATIONS.map((r) => r.name);

/**
 * The normalisation used when none is given: min-max, except under geometric aggregation, whose
 * logarithms need positive values, where it is min-max shifted by `shift` (0.0001 by default), the
 * 平移 step of the entropy-method literature (OECD/JRC Handbook 2008, §5: geometric aggregation needs
 * strictly positive normalised values; COINr's `a_gmean` refuses zeros).
 */
export function defaultNormalization(aggregate: AggregateMethod): NormalizeMethod {
  return aggregate === 'geometric' ? 'minmax-shift' : 'minmax';
}

/**
 * Defaults filled in, aliases resolved to the registry's names (`z-score` → `zscore`) and every field
 * checked; InputError naming the option otherwise.
 */
export function resolveMeasureOptions(options: Partial<MeasureOptions> = {}): MeasureOptions {
  const given: MeasureOptions = { ...DEFAULT_MEASURE_OPTIONS, ...definedOnly(options) };
  if (options.normalize === undefined) {
    const agg = findAggregation(given.aggregate)?.name;
    if (agg) (given as { normalize: NormalizeMethod }).normalize = defaultNormalization(agg);
  }
  const normalize = findNormalization(given.normalize)?.name;
  if (!normalize) {
    throw new InputError(`unknown normalisation "${given.normalize}"`, {
      hint: `use one of ${NORMALIZE_METHODS.join(', ')}`,
    });
  }
  const aggregate = findAggregation(given.aggregate)?.name;
  if (!aggregate) {
    throw new InputError(`unknown aggregation "${given.aggregate}"`, {
      hint: `use one of ${AGGREGATE_METHODS.join(', ')}`,
    });
  }
  const weights = weightParts(given.weights).join('+') as MeasureOptions['weights'];
  const o: MeasureOptions = { ...given, normalize, aggregate, weights };
  if (!(Number.isFinite(o.shift) && o.shift > 0))
    throw new InputError(`the shift must be a positive number (got ${o.shift})`, { hint: 'e.g. --shift 0.0001' });
  const [a, b] = o.range;
  if (!(Number.isFinite(a) && Number.isFinite(b) && a < b)) {
    throw new InputError(`the range must be two numbers a < b (got ${a}, ${b})`, { hint: 'e.g. --range 0.01,0.99' });
  }
  return o;
}

/** The one or two weight methods in `entropy`, `entropy+critic`, … (aliases resolved). */
export function weightParts(spec: string): WeightMethod[] {
  const parts = spec.split('+').map((s) => findWeighting(s)?.name ?? s.trim());
  if (
    parts.length > 2 ||
    parts.some((p) => !WEIGHT_METHODS.includes(p as WeightMethod)) ||
    (parts.length === 2 && parts[0] === parts[1])
  ) {
    throw new InputError(`unknown weights "${spec}"`, {
      hint: `use one of ${WEIGHT_METHODS.join(', ')}, or two different ones joined by "+" such as entropy+critic`,
    });
  }
  return parts as WeightMethod[];
}
