import type { Command } from 'commander';
import { Option } from 'commander';
import type { Alternative } from '../../spatial/pvalue.js';
import { moranJson, runMoran } from '../../api/moran.js';
import {
  fixed as f,
  intOption,
  loadData,
  numberOption,
  printJson,
  printNotes,
  withDataOptions,
  type DataOptions,
} from '../common.js';
import { weightsOptions, withWeightsFlags, type WeightsCliOptions } from '../weights-flags.js';
import { reportLang } from '../common.js';

export { weightsFromOptions, type WeightsCliOptions } from '../weights-flags.js';

interface MoranCliOptions extends DataOptions, WeightsCliOptions {
  value: string;
  year?: number;
  permutations: number;
  seed: number;
  alternative: Alternative;
  alpha: number;
}

/** `nqpf moran`: global and local Moran's I of one variable in one period. */
export function registerMoran(program: Command): void {
  const cmd = program.command('moran');
  withWeightsFlags(
    withDataOptions(cmd)
      .requiredOption('--value <column>', 'the variable to test (e.g. an index score)')
      .option(
        '--year <period>',
        'the period to test (default: the last period with values); --period names the period column',
        numberOption('--year'),
      ),
    {
      economic:
        'economic-distance weights 1/|x̄_i − x̄_j| on the entity means of this column over all periods (e.g. gdp_per_capita)',
      style: 'W row-standardised, B binary, raw general weights (spdep styles)',
    },
  )
    .option(
      '--permutations <n>',
      'random permutations for pseudo p-values (0 = none)',
      intOption('--permutations'),
      999,
    )
    .option('--seed <n>', 'seed of the permutations', intOption('--seed'), 1)
    .addOption(
      new Option('--alternative <h>', 'alternative of the global test (spdep default greater)')
        .choices(['greater', 'less', 'two.sided'])
        .default('greater'),
    )
    .option('--alpha <a>', 'significance level of the LISA cluster map', numberOption('--alpha'), 0.05)
    .addHelpText(
      'after',
      `
Examples:
  nqpf moran --data china-sim --value rd_intensity --json
  nqpf moran --data world-pwt --value y_per_worker --distance lat,lon --power 2 --year 2017
  nqpf moran --data examples/provinces.csv --value rd --year 2022 --neighbors examples/borders.csv --permutations 9999 --seed 7
  nqpf moran --data examples/provinces.csv --value rd --year 2022    # Chinese provinces: built-in borders

--json prints {"I","expected","variance","z","pValue","pPermutation","local":[{"entity","Ii","pValue","cluster"}],...}:
variance, z, pValue are spdep moran.test's randomisation moments; "normality" holds the other set.
Local p-values are two-sided (spdep localmoran); clusters HH/LL/HL/LH use the permutation p when
--permutations > 0, else the normal one, at --alpha. Islands (no neighbours) are kept with lag 0
(spdep zero.policy = TRUE). Formulas: docs/spatial-forecast.md.`,
    )
    .action(async (opts: MoranCliOptions) => {
      const panel = await loadData(opts);
      const run = runMoran(panel, {
        value: opts.value,
        year: opts.year,
        permutations: opts.permutations,
        seed: opts.seed,
        alternative: opts.alternative,
        alpha: opts.alpha,
        ...(await weightsOptions(opts)),
      });
      const { section, weights: w, global: g, geary, local, notes } = run;
      const json = moranJson(run);
      if (opts.out) {
        // the report, charts and XLSX load only with --out (start-up)
        const [{ writeCommandOutputs }, { lisaSection }] = await Promise.all([
          import('../outputs.js'),
          import('../../report/sections/spatial.js'),
        ]);
        const lang = reportLang(opts);
        const period = panel.meta.crossSection ? '' : section.period;
        await writeCommandOutputs(opts.out, 'moran', {
          panel,
          notes,
          lang,
          title: { en: `Moran's I of ${opts.value}`, zh: `${opts.value} 的 Moran's I` },
          tables: {
            moran: [
              [
                'value',
                'period',
                'n',
                'weights',
                'style',
                'I',
                'expected',
                'variance',
                'z',
                'p_value',
                'p_permutation',
                'alternative',
                'geary_C',
                'geary_z',
                'geary_p',
              ],
              [
                opts.value,
                period,
                section.ids.length,
                w.kind,
                w.style,
                g.I,
                g.expected,
                g.randomisation.variance,
                g.randomisation.z,
                g.randomisation.pValue,
                g.permutation?.pValue ?? null,
                g.alternative,
                geary.C,
                geary.z,
                geary.pValue,
              ],
            ],
            lisa: [
              ['entity', 'Ii', 'expected', 'variance', 'z', 'p_value', 'p_permutation', 'quadrant', 'cluster'],
              ...local.rows.map((r) => [
                r.entity,
                r.Ii,
                r.expected,
                r.variance,
                r.z,
                r.pValue,
                r.pPermutation ?? null,
                r.quadrant,
                r.cluster,
              ]),
            ],
          },
          sections: [lisaSection(panel, local, { value: opts.value, period: section.period }, { lang })],
        });
      }
      if (opts.json) {
        printJson(json);
        return;
      }
      printNotes(notes);
      const counts = ['HH', 'LL', 'HL', 'LH', 'NS']
        .map((c) => `${c} ${local.rows.filter((r) => r.cluster === c).length}`)
        .join(', ');
      const lines = [
        `Moran's I of ${opts.value} ${panel.meta.crossSection ? '(cross-section)' : `in ${section.period}`} on ${panel.meta.name}${panel.meta.simulated ? ' (SIMULATED data)' : ''}: n = ${section.ids.length}, ${w.kind} weights, style ${w.style}`,
        `  I = ${f(g.I)}, E(I) = ${f(g.expected)}, Var (randomisation) = ${g.randomisation.variance.toExponential(4)}, z = ${f(g.randomisation.z)}, p (${g.alternative}) = ${g.randomisation.pValue.toPrecision(4)}`,
        `  normality: Var = ${g.normality.variance.toExponential(4)}, z = ${f(g.normality.z)}, p = ${g.normality.pValue.toPrecision(4)}`,
        g.permutation
          ? `  permutation p = ${g.permutation.pValue.toPrecision(4)} (${g.permutation.permutations} permutations, seed ${g.permutation.seed})`
          : '',
        `Geary's C = ${f(geary.C)}, z = ${f(geary.z)}, p = ${geary.pValue.toPrecision(4)}`,
        `LISA clusters (alpha ${local.alpha}, ${local.clusterBy} p): ${counts}`,
        ...local.rows.filter((r) => r.cluster !== 'NS').map((r) => `  ${r.cluster}  ${r.entity}  Ii = ${f(r.Ii)}`),
      ].filter(Boolean);
      if (panel.meta.citation) lines.push('', `Data: ${panel.meta.citation}`);
      process.stdout.write(lines.join('\n') + '\n');
    });
}
