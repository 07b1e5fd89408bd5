import type { Command } from 'commander';
import { Option } from 'commander';
import type { TransitionMatrix } from '../../dynamics/index.js';
import { loadChinaProvinceBorders } from '../../io/builtin.js';
import { readNeighbourFile } from '../../io/neighbours.js';
import { markovJson, runMarkov, type MarkovRun, type MarkovStageOptions } from '../../api/markov.js';
import {
  intOption,
  loadData,
  printJson,
  printNotes,
  withDataOptions,
  reportLang,
  type DataOptions,
} from '../common.js';
import type { Lang } from '../../core/label.js';

interface MarkovCliOptions extends DataOptions {
  value: string;
  classes: number;
  breaks: 'pooled' | 'per-period';
  spatial?: boolean;
  neighbors?: string;
  knn?: number;
}

/** Neighbour pairs for a spatial chain: --neighbors FILE, else nqpf's province borders (used when the entities are provinces; not read with --knn). */
async function neighboursFor(
  opts: MarkovCliOptions,
): Promise<Pick<MarkovStageOptions, 'neighbours' | 'neighboursFile' | 'builtinBorders'>> {
  if (opts.knn !== undefined) return {};
  if (opts.neighbors)
    return { neighbours: await readNeighbourFile(opts.neighbors, opts.encoding), neighboursFile: opts.neighbors };
  if (opts.spatial) return { builtinBorders: await loadChinaProvinceBorders() };
  return {};
}

/** Long table of one or more transition matrices: condition, from, to, count, probability. */
function transitionRows(mats: ReadonlyArray<readonly [string, TransitionMatrix]>): unknown[][] {
  const rows: unknown[][] = [['condition', 'from_class', 'to_class', 'count', 'probability']];
  for (const [label, m] of mats)
    m.counts.forEach((row, i) => row.forEach((c, j) => rows.push([label, i + 1, j + 1, c, m.probabilities[i][j]])));
  return rows;
}

/** `--out`: the tables, the transition heatmaps and the report section (these modules load only with --out). */
async function writeMarkovOutputs(
  dir: string,
  run: MarkovRun,
  tables: Record<string, readonly (readonly unknown[])[]>,
  lang: Lang,
): Promise<void> {
  const [{ writeCommandOutputs }, { markovSection }] = await Promise.all([
    import('../outputs.js'),
    import('../../report/sections/markov.js'),
  ]);
  await writeCommandOutputs(dir, 'markov', {
    panel: run.panel,
    notes: run.notes,
    lang,
    title: { en: `Markov chain of ${run.result.value}`, zh: `${run.result.value} 的马尔可夫链` },
    sections: [markovSection(run.panel, run, { lang })],
    tables,
  });
}

const fmt = (m: number[][]) => m.map((r) => r.map((p) => p.toFixed(3).padStart(6)).join(' ')).join('\n    ');

/** `nqpf markov`: classical and spatial Markov chains of quantile classes. */
export function registerMarkov(program: Command): void {
  const cmd = program.command('markov');
  withDataOptions(cmd)
    .requiredOption('--value <col>', 'the variable')
    .option('--classes <k>', 'number of quantile classes', intOption('--classes'), 4)
    .addOption(
      new Option(
        '--breaks <mode>',
        'quantile breaks pooled over all periods (absolute levels) or per period (relative positions)',
      )
        .choices(['pooled', 'per-period'])
        .default('pooled'),
    )
    .option(
      '--spatial',
      'spatial Markov chain (weights: --neighbors, --knn, or the built-in borders when the entities are Chinese provinces)',
    )
    .option('--neighbors <file>', 'neighbour pairs, a CSV with columns a,b (contiguity, row-standardised)')
    .option('--knn <k>', "k nearest neighbours from the entities' latitude/longitude", intOption('--knn'))
    .addHelpText(
      'after',
      `
Examples:
  nqpf markov --data china-sim --value rd_intensity --classes 4 --json
  nqpf markov --data china-sim --value rd_intensity --spatial --json
  nqpf markov --data world-pwt --value y_per_worker --spatial --knn 5

--out DIR writes markov.csv (or spatial-markov.csv and homogeneity-test.csv), markov.xlsx, the transition
heatmaps (charts/*.svg, .png) and index.html.
--json prints {"k","breaks","counts","probabilities","ergodic",...}; with --spatial also
{"conditional":[{lagClass,counts,probabilities,ergodic}],"test":{LR,chi2,df,pLR,pChi2}}.`,
    )
    .action(async (opts: MarkovCliOptions) => {
      const panel = await loadData(opts);
      const run = runMarkov(panel, {
        value: opts.value,
        classes: opts.classes,
        breaks: opts.breaks,
        spatial: opts.spatial,
        knn: opts.knn,
        ...(await neighboursFor(opts)),
      });
      const notes = run.notes;
      if (run.kind === 'spatial') {
        const r = run.result;
        if (opts.out) {
          await writeMarkovOutputs(
            opts.out,
            run,
            {
              'spatial-markov': transitionRows([
                ['all', r.pooled] as const,
                ...r.conditional.map((m, l) => [`lag class ${l + 1}`, m] as const),
              ]),
              'homogeneity-test': [
                ['LR', 'chi2', 'df', 'p_LR', 'p_chi2'],
                [r.test.LR, r.test.chi2, r.test.df, r.test.pLR, r.test.pChi2],
              ],
            },
            reportLang(opts),
          );
        }
        if (opts.json) {
          printJson(markovJson(run));
          return;
        }
        printNotes(notes);
        const lines = [`spatial Markov chain of ${r.value} (${r.k} classes, ${r.nTransitions} transitions)`];
        r.conditional.forEach((m, l) => lines.push(`  neighbours in class ${l + 1}:`, `    ${fmt(m.probabilities)}`));
        lines.push(
          `  homogeneity: LR ${r.test.LR.toFixed(3)} (p ${r.test.pLR.toFixed(4)}), Q ${r.test.chi2.toFixed(3)} (p ${r.test.pChi2.toFixed(4)}), df ${r.test.df}`,
        );
        process.stdout.write(lines.join('\n') + '\n');
        return;
      }
      const r = run.result;
      if (opts.out)
        await writeMarkovOutputs(opts.out, run, { markov: transitionRows([['all', r.transitions]]) }, reportLang(opts));
      if (opts.json) {
        printJson(markovJson(run));
        return;
      }
      printNotes(notes);
      const lines = [
        `Markov chain of ${r.value} (${r.k} classes, ${r.classes} breaks, ${r.nTransitions} transitions)`,
        `    ${fmt(r.transitions.probabilities)}`,
      ];
      lines.push(`  ergodic: ${r.ergodic.map((p) => p.toFixed(3)).join(' ')}`);
      process.stdout.write(lines.join('\n') + '\n');
    });
}
