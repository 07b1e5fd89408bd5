import { InputError } from '../core/errors.js';
import { resolveOptions } from '../options/check.js';
import { MEASURE_METHOD_OPTIONS } from '../options/measure.js';
import { AGGREGATIONS, NORMALIZATIONS, WEIGHTINGS, findWeighting } from './registry.js';

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
 * checked by the option catalog (src/options/measure.ts); InputError naming the option otherwise.
 */
export function resolveMeasureOptions(options: Partial<MeasureOptions> = {}): MeasureOptions {
  const o = resolveOptions(MEASURE_METHOD_OPTIONS, options);
  return { ...o, range: [o.range[0], o.range[1]], normalize: o.normalize ?? defaultNormalization(o.aggregate) };
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
