/** The data, framework and measurement flags of `nqpf measure`, shared by `nqpf sensitivity`. */
import type { Command } from 'commander';
import { resolveMeasureOptions, type MeasureOptions } from '../measure/options.js';
import { AGGREGATIONS, NORMALIZATIONS, WEIGHTINGS } from '../measure/registry.js';
import type { Framework } from '../framework/types.js';
import { resolveFramework } from '../io/framework-file.js';
import { dataOptions, OUTPUT_OPTIONS } from '../options/data.js';
import { FRAMEWORK_OPTIONS, MEASURE_OPTIONS } from '../options/measure.js';
import type { OptionValues } from '../options/option.js';
import { list, type DataOptions } from './common.js';
import { addOptions } from './options.js';

/** The shared data, framework and measurement options of `measure` and `sensitivity` (from the catalog). */
function measureFlags(data: { scoresSystem?: boolean } = {}) {
  return [...dataOptions(data), ...FRAMEWORK_OPTIONS, ...MEASURE_OPTIONS, ...OUTPUT_OPTIONS] as const;
}

/** The checked values of the measure flags (as commander hands them to the action). */
export type MeasureCliOptions = DataOptions & OptionValues<ReturnType<typeof measureFlags>>;

/**
 * Add the data, framework and measurement flags of `nqpf measure` (shared by `nqpf sensitivity`),
 * from the option catalog (src/options/measure.ts).
 */
export function withMeasureFlags(cmd: Command, data: { scoresSystem?: boolean } = {}): Command {
  return addOptions(cmd, measureFlags(data));
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
export function frameworkFrom(opts: { framework?: string; indicators?: string }): Promise<Framework> {
  return resolveFramework(opts.framework, opts.indicators === undefined ? undefined : list(opts.indicators));
}

/** The checked measurement options of the flags (before any data is read, so a typo fails fast). */
export function measureOptionsFrom(opts: Partial<MeasureOptions>): MeasureOptions {
  return resolveMeasureOptions({
    weights: opts.weights,
    normalize: opts.normalize,
    shift: opts.shift,
    range: opts.range,
    perPeriod: opts.perPeriod ?? false,
    aggregate: opts.aggregate,
  });
}
