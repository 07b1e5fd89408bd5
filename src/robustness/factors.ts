import { InputError } from '../core/errors.js';
import type { ImputeMethod } from '../data/impute.js';
import { AGGREGATE_METHODS, NORMALIZE_METHODS, weightParts, type MeasureOptions } from '../measure/options.js';

/** Measurement flags that `--vary` can turn into uncertain factors (the names of `nqpf measure`'s flags). */
export type VaryFlag = 'weights' | 'normalize' | 'aggregate' | 'impute' | 'per-period';

/** Every factor name: the varied flags, `perturb-weights` (continuous) and `drop-indicators`. */
export type FactorName = VaryFlag | 'perturb-weights' | 'drop-indicators';

export const VARY_FLAGS: readonly VaryFlag[] = ['weights', 'normalize', 'aggregate', 'impute', 'per-period'];
export const IMPUTE_LEVELS: readonly ImputeMethod[] = ['linear', 'mean', 'drop', 'none'];

/** A measurement flag made uncertain: its levels, the first being the nominal one. */
export interface VarySpec {
  readonly flag: VaryFlag;
  readonly levels: readonly string[];
}

/** The measurement flags of one run: what `nqpf measure` would be called with. */
export interface MeasureSetting {
  readonly weights: MeasureOptions['weights'];
  readonly normalize: MeasureOptions['normalize'];
  readonly aggregate: MeasureOptions['aggregate'];
  readonly perPeriod: boolean;
  readonly impute: ImputeMethod;
}

/**
 * Check the levels of one `--vary` flag (the same values `nqpf measure` accepts; `per-period` takes
 * `false`/`true`) and return them with duplicates removed. InputError naming the flag otherwise.
 */
export function checkVary(spec: VarySpec): VarySpec {
  if (!VARY_FLAGS.includes(spec.flag)) {
    throw new InputError(`--vary ${spec.flag}: unknown flag`, {
      hint: `vary one of ${VARY_FLAGS.join(', ')}, e.g. --vary weights=entropy,equal`,
    });
  }
  const levels = [...new Set(spec.levels.map((l) => l.trim()).filter(Boolean))];
  if (levels.length === 0)
    throw new InputError(`--vary ${spec.flag} has no levels`, {
      hint: `e.g. --vary ${spec.flag}=${exampleLevels(spec.flag)}`,
    });
  for (const l of levels) {
    const ok =
      spec.flag === 'weights'
        ? (weightParts(l), true)
        : spec.flag === 'normalize'
          ? NORMALIZE_METHODS.includes(l as MeasureOptions['normalize'])
          : spec.flag === 'aggregate'
            ? AGGREGATE_METHODS.includes(l as MeasureOptions['aggregate'])
            : spec.flag === 'impute'
              ? IMPUTE_LEVELS.includes(l as ImputeMethod)
              : l === 'true' || l === 'false';
    if (!ok)
      throw new InputError(`--vary ${spec.flag}: unknown level "${l}"`, {
        hint: `e.g. --vary ${spec.flag}=${exampleLevels(spec.flag)}`,
      });
  }
  return { flag: spec.flag, levels };
}

function exampleLevels(flag: VaryFlag): string {
  return {
    weights: 'entropy,equal,critic',
    normalize: 'minmax-shift,minmax-range',
    aggregate: 'arithmetic,geometric',
    impute: 'linear,mean',
    'per-period': 'false,true',
  }[flag];
}

/** The setting with `flag` set to `level` (a checked level string). */
export function withLevel(s: MeasureSetting, flag: VaryFlag, level: string): MeasureSetting {
  switch (flag) {
    case 'weights':
      return { ...s, weights: level as MeasureSetting['weights'] };
    case 'normalize':
      return { ...s, normalize: level as MeasureSetting['normalize'] };
    case 'aggregate':
      return { ...s, aggregate: level as MeasureSetting['aggregate'] };
    case 'impute':
      return { ...s, impute: level as ImputeMethod };
    case 'per-period':
      return { ...s, perPeriod: level === 'true' };
  }
}
