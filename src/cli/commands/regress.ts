import type { Command } from 'commander';
import { loadData, printJson, printNotes, withDataOptions, type DataOptions } from '../common.js';
import { regress, formatRegression } from '../../explain/regression-result.js';
import { InputError } from '../../core/errors.js';
import { numberOption } from '../common.js';

interface RegressOptions extends DataOptions {
  formula: string;
  vcov?: string;
  level?: number;
  keepSingletons?: boolean;
}

/** `nqpf regress`: OLS / fixed effects / IV regression with iid, HC1, clustered or Driscoll–Kraay SEs. */
export function registerRegress(program: Command): void {
  withDataOptions(
    program
      .command('regress')
      .description('linear regression with any number of fixed effects or IV/2SLS (fixest formulas), and robust, clustered or Driscoll–Kraay standard errors')
      .requiredOption('--formula <formula>', 'fixest formula, e.g. "y ~ x1 + x2 | id + year" or "y ~ w | id | x ~ l(x, 1)"')
      .option('--vcov <type>', 'iid | hc1 | cluster:COL | cluster:COL1+COL2 | dk | dk:LAG (default: cluster by the first fixed effect, iid without FE)')
      .option('--level <p>', 'confidence level of the intervals', numberOption('--level'), 0.95)
      .option('--keep-singletons', 'keep singleton observations (default: removed as reghdfe does)'),
  )
    .addHelpText(
      'after',
      `
Examples:
  nqpf regress --data china-sim --formula "labor_productivity ~ rd_intensity + openness | province + year" --vcov cluster:province
  nqpf regress --data panel.csv --formula "log(y) ~ l(x, 1) + z | id + year" --vcov cluster:id+year --json
  nqpf regress --data panel.csv --formula "y ~ z | id + year | x ~ l(x, 1)" --vcov hc1

Formula grammar (fixest): y ~ x1 + x2 + x1:x2 + x1*x2 + l(x, k) + d(x) + log(x) | fe1 + fe2 | endo ~ instr.
Conventions: CR1 with fixest's small-sample factors (FE nested in the cluster not counted; two-way
clustering uses min(G)); t distribution with G−1 df when clustered. See docs/explain.md.`,
    )
    .action(async (opts: RegressOptions) => {
      if (!(opts.level! > 0 && opts.level! < 1)) throw new InputError(`--level must be between 0 and 1 (got ${opts.level})`, { hint: 'e.g. --level 0.95' });
      const panel = await loadData(opts);
      const result = regress(panel, opts.formula, opts.vcov, { level: opts.level, keepSingletons: opts.keepSingletons });
      if (opts.json) printJson({ ...result, data: panel.meta.name, simulated: panel.meta.simulated });
      else {
        printNotes(result.notes);
        if (panel.meta.simulated) process.stdout.write(`Data: ${panel.meta.name} (SIMULATED)\n`);
        process.stdout.write(formatRegression(result) + '\n');
      }
    });
}
