import type { Command } from 'commander';
import { Option } from 'commander';
import type { BetaForm } from '../../dynamics/index.js';
import { convergenceJson, runConvergence } from '../../api/convergence.js';
import {
  list,
  loadData,
  numberOption,
  printJson,
  printNotes,
  withDataOptions,
  type DataOptions,
  reportLang,
} from '../common.js';

interface ConvergenceCliOptions extends DataOptions {
  value: string;
  form: BetaForm;
  controls?: string;
  from?: number;
  to?: number;
  vcov?: string;
  sigma: 'cv' | 'sd-log';
}

/** `nqpf convergence`: σ- and β-convergence. */
export function registerConvergence(program: Command): void {
  const cmd = program.command('convergence');
  withDataOptions(cmd)
    .requiredOption('--value <col>', 'the variable (positive levels)')
    .addOption(
      new Option(
        '--form <form>',
        'β form: cross-section (first→last period), panel (annual, pooled OLS), conditional (annual, two-way FE + controls)',
      )
        .choices(['cross-section', 'panel', 'conditional'])
        .default('cross-section'),
    )
    .option('--controls <cols>', 'control columns of the conditional form, comma-separated')
    .option('--from <period>', 'start of the cross-section (default first period)', numberOption('--from'))
    .option('--to <period>', 'end of the cross-section (default last period)', numberOption('--to'))
    .option('--vcov <type>', 'standard errors: iid, hc1, cluster:COL (default iid; conditional: clustered by entity)')
    .addOption(new Option('--sigma <measure>', 'σ measure').choices(['cv', 'sd-log']).default('cv'))
    .addHelpText(
      'after',
      `
Examples:
  nqpf convergence --data world-pwt --value y_per_worker --json
  nqpf convergence --data china-sim --value gdp_per_capita --form conditional --controls urbanization,openness

β < 0 means convergence; speed θ = −ln(1 + β)/τ, half-life ln 2/θ.
--out DIR writes sigma.csv, beta.csv, convergence.xlsx, the σ chart (charts/*.svg, .png) and index.html.
--json prints {"sigma":{measure,periods:[{period,n,sigma}],trend},"beta":{form,beta,stdError,pValue,tau,speed,halfLife,coefficients}}.`,
    )
    .action(async (opts: ConvergenceCliOptions) => {
      const panel = await loadData(opts);
      const run = runConvergence(panel, {
        value: opts.value,
        form: opts.form,
        controls: opts.controls ? list(opts.controls) : undefined,
        from: opts.from,
        to: opts.to,
        vcov: opts.vcov,
        sigma: opts.sigma,
      });
      const { sigma, beta, notes } = run;
      if (opts.out) {
        // the report, charts and XLSX load only with --out (start-up)
        const [{ writeCommandOutputs }, { convergenceSection }] = await Promise.all([
          import('../outputs.js'),
          import('../../report/sections/convergence.js'),
        ]);
        const lang = reportLang(opts);
        await writeCommandOutputs(opts.out, 'convergence', {
          panel,
          notes,
          lang,
          title: { en: `convergence of ${opts.value}`, zh: `${opts.value} 的收敛性` },
          sections: [convergenceSection(panel, { sigma, beta }, { lang })],
          tables: {
            sigma: [['period', 'n', sigma.measure], ...sigma.periods.map((p) => [p.period, p.n, p.sigma])],
            beta: [
              ['term', 'estimate', 'std_error', 'statistic', 'p_value', 'ci_low', 'ci_high'],
              ...beta.coefficients.map((c) => [
                c.term,
                c.estimate,
                c.stdError,
                c.statistic,
                c.pValue,
                c.ciLow,
                c.ciHigh,
              ]),
              [],
              [
                'form',
                beta.form,
                'tau',
                beta.tau,
                'speed',
                beta.speed,
                'half_life',
                beta.halfLife,
                'nobs',
                beta.nobs,
                'vcov',
                beta.vcov,
              ],
            ],
          },
        });
      }
      if (opts.json) {
        printJson(convergenceJson(run));
        return;
      }
      printNotes(notes);
      const t = sigma.trend;
      const lines = [
        `convergence of ${opts.value} on ${panel.meta.name}${panel.meta.simulated ? ' (SIMULATED data)' : ''}`,
        `σ (${sigma.measure}): ${sigma.periods[0].period} ${sigma.periods[0].sigma.toFixed(4)} → ${sigma.periods[sigma.periods.length - 1].period} ${sigma.periods[sigma.periods.length - 1].sigma.toFixed(4)}; trend ${t.slope.toExponential(3)} per period (p ${t.pValue.toFixed(4)})`,
        `β (${beta.form}): ${beta.beta.toFixed(5)} (se ${beta.stdError.toFixed(5)}, p ${beta.pValue.toFixed(4)}, n ${beta.nobs})${beta.converging ? `; speed ${(100 * beta.speed).toFixed(2)}% per period, half-life ${beta.halfLife.toFixed(1)} periods` : '; no convergence'}`,
      ];
      process.stdout.write(lines.join('\n') + '\n');
    });
}
