/** The data, framework and measurement flags of `nqpf measure`, shared by `nqpf sensitivity`. */
import type { Command } from 'commander';
import { Option } from 'commander';
import { InputError } from '../core/errors.js';
import type { ImputeMethod } from '../data/impute.js';
import type { Lang } from '../core/label.js';
import { AGGREGATE_METHODS, NORMALIZE_METHODS, resolveMeasureOptions, type MeasureOptions } from '../measure/options.js';
import { numberOption, withDataOptions, withImputeOption, type DataOptions } from './common.js';

export interface MeasureCliOptions extends DataOptions {
  framework: string;
  weights: string;
  normalize: MeasureOptions['normalize'];
  shift?: number;
  range?: [number, number];
  perPeriod?: boolean;
  aggregate: MeasureOptions['aggregate'];
  digits?: number;
  impute: ImputeMethod;
  lang: Lang;
  robustness?: boolean;
}

/** `--range a,b` as two numbers. */
function parseRange(value: string): [number, number] {
  const parts = value.split(',').map((s) => numberOption('--range')(s.trim()));
  if (parts.length !== 2) throw new InputError(`--range takes two numbers a,b (got "${value}")`, { hint: 'e.g. --range 0.01,0.99' });
  return [parts[0], parts[1]];
}

/** The data, framework and measurement flags of `nqpf measure` (shared by `nqpf sensitivity`). */
export function withMeasureFlags(cmd: Command, data: { scoresSystem?: boolean } = {}): Command {
  return withImputeOption(
    withDataOptions(cmd, data)
      .requiredOption('--framework <file|builtin>', 'indicator framework: a YAML/JSON file, or a built-in (seed, pwt; see "nqpf frameworks")')
      .addOption(
        new Option('--weights <method>', 'weights within each system: entropy, critic, cv, equal, fixed, or two joined by "+" (e.g. entropy+critic)').default('entropy'),
      )
      .addOption(new Option('--normalize <method>', 'normalisation (direction applied)').choices([...NORMALIZE_METHODS]).default('minmax'))
      .option('--shift <x>', 'additive shift of --normalize minmax-shift (default 0.0001)', numberOption('--shift'))
      .option('--range <a,b>', 'target interval of --normalize minmax-range (default 0.01,0.99)', parseRange)
      .option('--per-period', 'normalise and compute entropy within each period (default: pooled over the panel, so periods compare)')
      .addOption(new Option('--aggregate <method>', 'aggregation up the tree').choices([...AGGREGATE_METHODS]).default('arithmetic')),
    'none',
  );
}

/** The checked measurement options of the flags (before any data is read, so a typo fails fast). */
export function measureOptionsFrom(opts: MeasureCliOptions): MeasureOptions {
  return resolveMeasureOptions({
    weights: opts.weights as MeasureOptions['weights'],
    normalize: opts.normalize,
    shift: opts.shift,
    range: opts.range,
    perPeriod: opts.perPeriod ?? false,
    aggregate: opts.aggregate,
  });
}

