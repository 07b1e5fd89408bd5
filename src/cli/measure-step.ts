import { Option, type Command } from 'commander';
import { InputError } from '../core/errors.js';
import type { ImputeMethod } from '../data/impute.js';
import type { Framework } from '../framework/types.js';
import type { MeasureOptions } from '../measure/options.js';
import { resolveFramework } from '../io/framework-file.js';
import { withImputeOption, type DataOptions } from './common.js';

/** Flags of the "measure first" step shared by `couple` and `obstacle`. */
export interface MeasureStepOptions extends DataOptions {
  framework?: string;
  weights: string;
  normalize: MeasureOptions['normalize'];
  impute: ImputeMethod;
}

/** Add --framework, --weights, --normalize, --impute for commands that measure before they analyse. */
export function withMeasureStep(cmd: Command): Command {
  // Missing indicator values are interpolated within entities by default here: coupling and obstacle
  // degrees need every system scored.
  return withImputeOption(cmd, 'linear')
    .option(
      '--framework <file|builtin>',
      'indicator framework to measure first (default for built-in data: seed for china-sim, pwt for world-pwt)',
    )
    .option('--weights <method>', 'weights of the measure step (entropy, critic, cv, equal, fixed, or a+b)', 'entropy')
    .addOption(
      new Option('--normalize <method>', 'normalisation of the measure step')
        .choices(['minmax', 'minmax-shift', 'minmax-range'])
        .default('minmax'),
    );
}

const DEFAULT_FRAMEWORK: Record<string, string> = { 'china-sim': 'seed', 'world-pwt': 'pwt' };

/** The framework of the measure step: --framework, or the built-in dataset's own (seed for china-sim, pwt for world-pwt). */
export async function measureFramework(opts: MeasureStepOptions): Promise<Framework> {
  const spec = opts.framework ?? DEFAULT_FRAMEWORK[opts.data];
  if (!spec)
    throw new InputError('no framework to measure with', {
      hint: 'give --framework FILE, or pass a CSV of system scores',
    });
  return resolveFramework(spec);
}
