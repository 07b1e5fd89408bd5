import type { Command } from 'commander';
import { disparityJson, runDisparity } from '../../api/disparity.js';
import {
  loadData,
  listedYears,
  printJson,
  printNotes,
  withDataOptions,
  type DataOptions,
  reportLang,
} from '../common.js';

interface DisparityCliOptions extends DataOptions {
  value: string;
  group: string;
  cvPopulation?: boolean;
}

/** `nqpf disparity`: Dagum Gini decomposition, Theil and CV by period. */
export function registerDisparity(program: Command): void {
  const cmd = program.command('disparity');
  withDataOptions(cmd)
    .requiredOption('--value <col>', 'the variable (non-negative levels, e.g. an index score or GDP per worker)')
    .option(
      '--group <col>',
      'group column of the data, "group" for the entities\' group attribute (continent, region), or region4/region3 for the NBS regions of Chinese provinces (东部/中部/西部/东北)',
      'group',
    )
    .option('--cv-population', 'coefficient of variation with the population sd (n); default the sample sd (n − 1)')
    .addHelpText(
      'after',
      `
Examples:
  nqpf disparity --data world-pwt --value y_per_worker --group group --years 1990,2017 --json
  nqpf disparity --data china-sim --value rd_intensity --group region4

--out DIR writes disparity.csv, disparity-groups.csv, disparity-pairs.csv.
--json prints {"periods":[{period,gini,within,between,transvariation,contributions,groups:[{group,gini}],pairs:[{a,b,gini,D}],theilT,theilL,cv}],"notes":[...]}.
Formulas (Dagum 1997; Theil): docs/couple-disparity.md.`,
    )
    .action(async (opts: DisparityCliOptions) => {
      const panel = await loadData(opts);
      const run = runDisparity(panel, {
        value: opts.value,
        group: opts.group,
        years: listedYears(panel, opts.years),
        cvPopulation: opts.cvPopulation,
      });
      const { result: r, notes } = run;
      if (opts.out) {
        // the report, charts and XLSX load only with --out (start-up)
        const [{ writeCommandOutputs }, { disparitySection }] = await Promise.all([
          import('../outputs.js'),
          import('../../report/sections/disparity.js'),
        ]);
        const lang = reportLang(opts);
        await writeCommandOutputs(opts.out, 'disparity', {
          panel: panel,
          notes,
          lang,
          title: { en: `disparity of ${opts.value}`, zh: `${opts.value} 的区域差异` },
          sections: [disparitySection(panel, r, { lang })],
          tables: {
            disparity: [
              [
                'period',
                'n',
                'gini',
                'G_w',
                'G_nb',
                'G_t',
                'G_w_pct',
                'G_nb_pct',
                'G_t_pct',
                'theil_T',
                'theil_T_within',
                'theil_T_between',
                'theil_L',
                'theil_L_within',
                'theil_L_between',
                'cv',
              ],
              ...r.periods.map((p) => {
                const d = p.dagum;
                return [
                  p.period,
                  p.n,
                  d.gini,
                  d.within,
                  d.between,
                  d.transvariation,
                  d.contributions.within,
                  d.contributions.between,
                  d.contributions.transvariation,
                  p.theilT.total,
                  p.theilT.within,
                  p.theilT.between,
                  p.theilL.total,
                  p.theilL.within,
                  p.theilL.between,
                  p.cv,
                ];
              }),
            ],
            'disparity-groups': [
              ['period', 'group', 'n', 'mean', 'gini'],
              ...r.periods.flatMap((p) => p.dagum.groups.map((g) => [p.period, g.group, g.n, g.mean, g.gini])),
            ],
            'disparity-pairs': [
              ['period', 'a', 'b', 'gini', 'D', 'richer'],
              ...r.periods.flatMap((p) => p.dagum.pairs.map((q) => [p.period, q.a, q.b, q.gini, q.D, q.richer])),
            ],
          },
        });
      }
      if (opts.json) {
        printJson(disparityJson(run));
        return;
      }
      printNotes(notes);
      const lines = [
        `disparity of ${r.value} by ${r.groupBy} on ${panel.meta.name}${panel.meta.simulated ? ' (SIMULATED data)' : ''}`,
      ];
      lines.push('period      n   Gini    G_w%   G_nb%   G_t%   Theil T  Theil L  CV');
      for (const p of r.periods) {
        const c = p.dagum.contributions;
        lines.push(
          `${String(p.period).padEnd(8)} ${String(p.n).padStart(4)}  ${p.dagum.gini.toFixed(4)}  ${c.within.toFixed(1).padStart(5)}  ${c.between.toFixed(1).padStart(5)}  ${c.transvariation.toFixed(1).padStart(5)}   ${p.theilT.total.toFixed(4)}   ${p.theilL.total.toFixed(4)}   ${p.cv.toFixed(4)}`,
        );
      }
      process.stdout.write(lines.join('\n') + '\n');
    });
}
