/** The data, framework and measurement flags of `nqpf measure`, shared by `nqpf sensitivity`. */
import type { Command } from 'commander';
import { Option } from 'commander';
import { InputError } from '../core/errors.js';
import type { ImputeMethod } from '../data/impute.js';
import type { Lang } from '../core/label.js';
import {
  AGGREGATE_METHODS,
  NORMALIZE_METHODS,
  WEIGHT_METHODS,
  resolveMeasureOptions,
  type MeasureOptions,
} from '../measure/options.js';
import { AGGREGATIONS, NORMALIZATIONS, WEIGHTINGS } from '../measure/registry.js';
import type { Framework } from '../framework/types.js';
import { resolveFramework } from '../io/framework-file.js';
import { list, numberOption, withDataOptions, withImputeOption, type DataOptions } from './common.js';

export interface MeasureCliOptions extends DataOptions {
  framework?: string;
  /** `--indicators rd,patents,-energy`: a one-dimension framework instead of --framework. */
  indicators?: string;
  weights: string;
  normalize?: MeasureOptions['normalize'];
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
  if (parts.length !== 2)
    throw new InputError(`--range takes two numbers a,b (got "${value}")`, { hint: 'e.g. --range 0.01,0.99' });
  return [parts[0], parts[1]];
}

/** The data, framework and measurement flags of `nqpf measure` (shared by `nqpf sensitivity`). */
export function withMeasureFlags(cmd: Command, data: { scoresSystem?: boolean } = {}): Command {
  return withImputeOption(
    withDataOptions(cmd, data)
      .option(
        '--framework <file|builtin>',
        'indicator framework: a YAML/JSON file (a tree, or a flat list of indicators), or a built-in (seed, pwt; see "nqpf frameworks")',
      )
      .option(
        '--indicators <list>',
        'instead of --framework: columns of one index, "-" before a cost indicator (rd,patents,-energy)',
      )
      .addOption(
        new Option(
          '--weights <method>',
          `weights within each system: ${WEIGHT_METHODS.join(', ')}, or two joined by "+" (e.g. entropy+critic)`,
        ).default('entropy'),
      )
      .addOption(
        new Option(
          '--normalize <method>',
          `normalisation (direction applied): ${NORMALIZE_METHODS.join(', ')}; default minmax, or minmax-shift with --aggregate geometric (its logarithms need positive values)`,
        ),
      )
      .option('--shift <x>', 'additive shift of --normalize minmax-shift (default 0.0001)', numberOption('--shift'))
      .option('--range <a,b>', 'target interval of --normalize minmax-range (default 0.01,0.99)', parseRange)
      .option(
        '--per-period',
        'normalise and compute entropy within each period (default: pooled over the panel, so periods compare)',
      )
      .addOption(
        new Option('--aggregate <method>', `aggregation up the tree: ${AGGREGATE_METHODS.join(', ')}`).default(
          'arithmetic',
        ),
      ),
    'none',
  );
}

/** The method list for `--help`, from the registry (name, aliases, English label). */
export function methodsHelp(): string {
  const family = (
    title: string,
    records: readonly { name: string; aliases: readonly string[]; label: { en: string } }[],
  ) =>
    [
      `${title}:`,
      ...records.map(
        (r) =>
          `  ${r.name.padEnd(14)}${r.label.en.replace(/\$/g, '')}${r.aliases.length ? ` (also: ${r.aliases.join(', ')})` : ''}`,
      ),
    ].join('\n');
  return [
    family('Normalisations (--normalize)', NORMALIZATIONS),
    family('Weights (--weights)', WEIGHTINGS),
    family('Aggregations (--aggregate)', AGGREGATIONS),
  ].join('\n');
}

/** The framework of `--framework` or `--indicators` (one of the two; an InputError otherwise). */
export function frameworkFrom(opts: MeasureCliOptions): Promise<Framework> {
  return resolveFramework(opts.framework, opts.indicators === undefined ? undefined : list(opts.indicators));
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
