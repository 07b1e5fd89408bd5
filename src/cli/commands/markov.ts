import type { Command } from 'commander';
import { Option } from 'commander';
import type { Panel } from '../../data/panel.js';
import { markovChain, spatialMarkov, type TransitionMatrix } from '../../dynamics/index.js';
import { resolveContiguity } from '../../spatial/resolve-weights.js';
import type { SpatialWeights } from '../../spatial/weights.js';
import { loadChinaProvinceBorders } from '../../io/builtin.js';
import { readNeighbourFile } from '../../io/neighbours.js';
import { intOption, loadData, printJson, printNotes, withDataOptions, type DataOptions, notesFor, writeTables } from '../common.js';

interface MarkovCliOptions extends DataOptions {
  value: string;
  classes: number;
  breaks: 'pooled' | 'per-period';
  spatial?: boolean;
  neighbors?: string;
  knn?: number;
}

async function weightsFor(panel: Panel, opts: MarkovCliOptions): Promise<SpatialWeights> {
  return resolveContiguity({
    entities: panel.entities,
    pairs: opts.neighbors ? await readNeighbourFile(opts.neighbors, opts.encoding) : undefined,
    file: opts.neighbors,
    knn: opts.knn,
    builtinBorders: loadChinaProvinceBorders,
  });
}

/** JSON fields shared by the classical and the spatial chain (classes 1-based). */
function chainJson(r: { value: string; k: number; classes: string; breaks: readonly (readonly number[])[]; nTransitions: number }, m: TransitionMatrix) {
  return { value: r.value, k: r.k, classes: r.classes, breaks: r.breaks, nTransitions: r.nTransitions, counts: m.counts, probabilities: m.probabilities, emptyRows: m.emptyRows.map((c) => c + 1) };
}

/** Long table of one or more transition matrices: condition, from, to, count, probability. */
function transitionRows(mats: ReadonlyArray<readonly [string, TransitionMatrix]>): unknown[][] {
  const rows: unknown[][] = [['condition', 'from_class', 'to_class', 'count', 'probability']];
  for (const [label, m] of mats) m.counts.forEach((row, i) => row.forEach((c, j) => rows.push([label, i + 1, j + 1, c, m.probabilities[i][j]])));
  return rows;
}

const fmt = (m: number[][]) => m.map((r) => r.map((p) => p.toFixed(3).padStart(6)).join(' ')).join('\n    ');

/** `nqpf markov`: classical and spatial Markov chains of quantile classes. */
export function registerMarkov(program: Command): void {
  const cmd = program.command('markov').description('Markov transition matrix of quantile classes; with --spatial, conditioned on the neighbours\' class (Rey 2001) with the homogeneity test');
  withDataOptions(cmd)
    .requiredOption('--value <col>', 'the variable')
    .option('--classes <k>', 'number of quantile classes', intOption('--classes'), 4)
    .addOption(new Option('--breaks <mode>', 'quantile breaks pooled over all periods (absolute levels) or per period (relative positions)').choices(['pooled', 'per-period']).default('pooled'))
    .option('--spatial', 'spatial Markov chain (weights: --neighbors, --knn, or the built-in borders when the entities are Chinese provinces)')
    .option('--neighbors <file>', 'neighbour pairs, a CSV with columns a,b (contiguity, row-standardised)')
    .option('--knn <k>', 'k nearest neighbours from the entities\' latitude/longitude', intOption('--knn'))
    .addHelpText(
      'after',
      `
Examples:
  nqpf markov --data china-sim --value rd_intensity --classes 4 --json
  nqpf markov --data china-sim --value rd_intensity --spatial --json
  nqpf markov --data world-pwt --value y_per_worker --spatial --knn 5

--out DIR writes markov.csv (or spatial-markov.csv and homogeneity-test.csv).
--json prints {"k","breaks","counts","probabilities","ergodic",...}; with --spatial also
{"conditional":[{lagClass,counts,probabilities,ergodic}],"test":{LR,chi2,df,pLR,pChi2}}.`,
    )
    .action(async (opts: MarkovCliOptions) => {
      const panel = await loadData(opts);
      const options = { k: opts.classes, classes: opts.breaks };
      if (opts.spatial || opts.neighbors || opts.knn !== undefined) {
        const w = await weightsFor(panel, opts);
        const r = spatialMarkov(panel, opts.value, w, options);
        const notes = [...notesFor(panel.notes, [opts.value]), ...w.notes, ...r.notes];
        if (opts.out) {
          await writeTables(opts.out, {
            'spatial-markov': transitionRows([['all', r.pooled] as const, ...r.conditional.map((m, l) => [`lag class ${l + 1}`, m] as const)]),
            'homogeneity-test': [['LR', 'chi2', 'df', 'p_LR', 'p_chi2'], [r.test.LR, r.test.chi2, r.test.df, r.test.pLR, r.test.pChi2]],
          });
        }
        if (opts.json) {
          printJson({
            ...chainJson(r, r.pooled),
            lagBreaks: r.lagBreaks,
            conditional: r.conditional.map((m, l) => ({ lagClass: l + 1, counts: m.counts, probabilities: m.probabilities, emptyRows: m.emptyRows.map((c) => c + 1), ergodic: r.ergodic[l] })),
            test: r.test,
            simulated: panel.meta.simulated,
            notes,
          });
          return;
        }
        printNotes(notes);
        const lines = [`spatial Markov chain of ${r.value} (${r.k} classes, ${r.nTransitions} transitions)`];
        r.conditional.forEach((m, l) => lines.push(`  neighbours in class ${l + 1}:`, `    ${fmt(m.probabilities)}`));
        lines.push(`  homogeneity: LR ${r.test.LR.toFixed(3)} (p ${r.test.pLR.toFixed(4)}), Q ${r.test.chi2.toFixed(3)} (p ${r.test.pChi2.toFixed(4)}), df ${r.test.df}`);
        process.stdout.write(lines.join('\n') + '\n');
        return;
      }
      const r = markovChain(panel, opts.value, options);
      const notes = [...notesFor(panel.notes, [opts.value]), ...r.notes];
      if (opts.out) await writeTables(opts.out, { markov: transitionRows([['all', r.transitions]]) });
      if (opts.json) {
        printJson({
          ...chainJson(r, r.transitions),
          initial: r.initial,
          final: r.final,
          ergodic: r.ergodic,
          simulated: panel.meta.simulated,
          notes,
        });
        return;
      }
      printNotes(notes);
      const lines = [`Markov chain of ${r.value} (${r.k} classes, ${r.classes} breaks, ${r.nTransitions} transitions)`, `    ${fmt(r.transitions.probabilities)}`];
      lines.push(`  ergodic: ${r.ergodic.map((p) => p.toFixed(3)).join(' ')}`);
      process.stdout.write(lines.join('\n') + '\n');
    });
}
