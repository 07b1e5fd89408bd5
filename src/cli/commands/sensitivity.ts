import path from 'node:path';
import type { Command } from 'commander';
import { InputError } from '../../core/errors.js';
import { writeFileAtomic } from '../../io/atomic.js';
import { runSensitivity } from '../../io/sensitivity-pool.js';
import { VARY_FLAGS, type VaryFlag, type VarySpec } from '../../robustness/factors.js';
import { systemsOf, type SensitivityOptions, type SystemSensitivity } from '../../robustness/sensitivity.js';
import {
  fixed,
  intOption,
  jsonReplacer,
  loadData,
  numberOption,
  printJson,
  printNotes,
  progress,
  reportLang,
  writeTables,
} from '../common.js';
import { frameworkFrom, measureOptionsFrom, withMeasureFlags, type MeasureCliOptions } from '../measure-flags.js';

interface SensitivityCliOptions extends MeasureCliOptions {
  vary: VarySpec[];
  perturbWeights?: number;
  dropIndicators?: boolean;
  runs: number;
  seed: number;
  year?: number;
  system?: string;
  bootstrap: number;
  perEntity?: boolean;
  threads?: number;
}

/** Parse one `--vary FLAG=L1,L2,...` and append it. */
function collectVary(value: string, previous: VarySpec[] = []): VarySpec[] {
  const m = /^([a-z-]+)=(.+)$/.exec(value.trim());
  if (!m || !VARY_FLAGS.includes(m[1] as VaryFlag)) {
    throw new InputError(`--vary takes FLAG=L1,L2,... with FLAG one of ${VARY_FLAGS.join(', ')} (got "${value}")`, {
      hint: 'e.g. --vary weights=entropy,equal',
    });
  }
  return [...previous, { flag: m[1] as VaryFlag, levels: m[2].split(',') }];
}

/** `nqpf sensitivity`: uncertainty and variance-based sensitivity analysis of the ranks (docs/robustness.md). */
export function registerSensitivity(program: Command): void {
  const cmd = program.command('sensitivity');
  withMeasureFlags(cmd, { scoresSystem: false })
    .option(
      '--vary <flag=levels>',
      `make a measurement flag uncertain (repeatable): ${VARY_FLAGS.join(', ')}; the first level is the nominal one`,
      collectVary,
      [],
    )
    .option(
      '--perturb-weights <p>',
      'multiply each weight by U(1−p, 1+p) and renormalise within its system',
      numberOption('--perturb-weights'),
    )
    .option('--drop-indicators', 'a factor: no indicator, or one indicator of the system, left out')
    .option(
      '--runs <n>',
      'base sample size N of the Saltelli design: N(d+2) runs for d factors',
      intOption('--runs'),
      1000,
    )
    .option('--seed <n>', 'seed of the design and the bootstrap', intOption('--seed'), 1)
    .option('--year <period>', 'the period ranked (default: the last)', numberOption('--year'))
    .option('--system <id>', 'analyse one system (default: every system)')
    .option('--bootstrap <n>', 'bootstrap replicates of the confidence intervals', intOption('--bootstrap'), 1000)
    .option('--per-entity', 'also the sensitivity indices of each entity’s rank')
    .option('--threads <n>', 'worker threads (default: the cores available; 0 = none)', intOption('--threads'))
    .addHelpText(
      'after',
      `
Examples:
  nqpf sensitivity --data china-sim --framework seed --impute linear --normalize minmax-shift \\
    --vary weights=entropy,equal,critic --vary aggregate=arithmetic,geometric --perturb-weights 0.2 --drop-indicators
  nqpf sensitivity --data my.csv --framework fw.yaml --vary weights=entropy,equal --runs 512 --system nqpf --json

--json prints, per system, {"system","runs","factors","nominal","uncertainty","sensitivity","removal","coherence","notes"}
({"systems":[...]} without --system). --out DIR writes sensitivity.json, CSV tables and the report index.html.
Every run is what "nqpf measure" computes with the drawn flags. Design and estimators: docs/robustness.md.`,
    )
    .action(async (opts: SensitivityCliOptions) => {
      // The normalisation stays unset when not given, so that each run normalises as measure would with its aggregation.
      const measure = { ...measureOptionsFrom(opts), normalize: opts.normalize, impute: opts.impute };
      const options: SensitivityOptions = {
        measure,
        vary: opts.vary,
        perturbWeights: opts.perturbWeights,
        dropIndicators: opts.dropIndicators ?? false,
        runs: opts.runs,
        seed: opts.seed,
        year: opts.year,
        system: opts.system,
        bootstrap: opts.bootstrap,
        perEntity: opts.perEntity ?? false,
      };
      const framework = await frameworkFrom(opts);
      // --system here names a framework system, not rows of a scores file
      const panel = await loadData({ ...opts, system: undefined });
      if (!opts.json) progress('running the sensitivity analysis');
      const result = await runSensitivity(
        panel,
        framework,
        options,
        opts.threads === undefined ? {} : { threads: opts.threads },
      );
      const systems = systemsOf(result);
      const notes = [...panel.notes, ...('systems' in result ? result.notes : []), ...systems.flatMap((s) => s.notes)];
      if (opts.out) {
        // The report (ECharts) loads only with --out: it costs most of a second at start-up.
        const [{ renderReport }, { robustnessSection }, { reportDataset }] = await Promise.all([
          import('../../report/document.js'),
          import('../../report/sections/robustness.js'),
          import('../../report/sections/measure.js'),
        ]);
        const dir = opts.out;
        await writeTables(dir, tables(systems));
        await writeFileAtomic(
          path.join(dir, 'sensitivity.json'),
          JSON.stringify({ ...result, data: panel.meta.name, simulated: panel.meta.simulated }, jsonReplacer) + '\n',
        );
        const html = renderReport({
          title: {
            en: `nqpf sensitivity: ${framework.name.en}`,
            zh: `nqpf 稳健性分析：${framework.name.zh ?? framework.name.en}`,
          },
          subtitle: panel.meta.title ?? panel.meta.name,
          lang: reportLang(opts),
          datasets: [reportDataset(panel)],
          sections: [robustnessSection(panel, framework, systems, { lang: reportLang(opts) })],
          footer: { en: 'Generated by nqpf sensitivity', zh: '由 nqpf sensitivity 生成' },
        });
        await writeFileAtomic(path.join(dir, 'index.html'), html);
      }
      if (opts.json) {
        printJson({
          ...result,
          ...('systems' in result ? { data: panel.meta.name, simulated: panel.meta.simulated } : {}),
        });
        return;
      }
      printNotes(notes);
      process.stdout.write(
        summary(systems, panel.meta.simulated ? `${panel.meta.name} (SIMULATED data)` : panel.meta.name, opts.out) +
          '\n',
      );
    });
}

function tables(systems: readonly SystemSensitivity[]): Record<string, unknown[][]> {
  return {
    uncertainty: [
      ['system', 'entity', 'nominal_rank', 'median_rank', 'q05', 'q95', 'min_rank', 'max_rank'],
      ...systems.flatMap((s) =>
        s.uncertainty.map((u) => [s.system, u.entity, u.nominalRank, u.medianRank, u.q05, u.q95, u.minRank, u.maxRank]),
      ),
    ],
    sensitivity: [
      ['system', 'factor', 'first_order', 'first_order_lo', 'first_order_hi', 'total', 'total_lo', 'total_hi'],
      ...systems.flatMap((s) =>
        s.sensitivity.map((x) => [
          s.system,
          x.factor,
          x.firstOrder,
          x.firstOrderCi[0],
          x.firstOrderCi[1],
          x.total,
          x.totalCi[0],
          x.totalCi[1],
        ]),
      ),
    ],
    removal: [
      ['system', 'level', 'removed', 'dimension', 'mean_abs_rank_change', 'max_abs_rank_change'],
      ...systems.flatMap((s) =>
        s.removal.map((r) => [s.system, r.level, r.id, r.dimension ?? '', r.meanAbsRankChange, r.maxAbsRankChange]),
      ),
    ],
    coherence: [
      [
        'system',
        'indicator',
        'dimension',
        'pearson_dimension',
        'spearman_dimension',
        'pearson_index',
        'spearman_index',
      ],
      ...systems.flatMap((s) =>
        s.coherence.indicators.map((c) => [
          s.system,
          c.id,
          c.dimension,
          c.pearsonDimension,
          c.spearmanDimension,
          c.pearsonIndex,
          c.spearmanIndex,
        ]),
      ),
    ],
  };
}

function summary(systems: readonly SystemSensitivity[], data: string, out?: string): string {
  const lines: string[] = [
    `${data}: ${systems[0].runs} runs (N = ${systems[0].baseSample}), ranks of ${systems[0].year}`,
  ];
  for (const s of systems) {
    lines.push('', `system ${s.system}: factors ${s.factors.map((f) => f.name).join(', ')}`);
    lines.push('  factor               first-order [95% CI]           total [95% CI]');
    for (const x of s.sensitivity) {
      lines.push(
        `  ${x.factor.padEnd(20)} ${fixed(x.firstOrder, 3).padStart(6)} [${fixed(x.firstOrderCi[0], 3)}, ${fixed(x.firstOrderCi[1], 3)}]   ${fixed(x.total, 3).padStart(6)} [${fixed(x.totalCi[0], 3)}, ${fixed(x.totalCi[1], 3)}]`,
      );
    }
    lines.push('  rank: nominal  median  [5%, 95%]  min–max  entity');
    for (const u of s.uncertainty.slice(0, 10))
      lines.push(
        `  ${String(u.nominalRank).padStart(13)}  ${String(u.medianRank).padStart(6)}  [${u.q05}, ${u.q95}]  ${u.minRank}–${u.maxRank}  ${u.entity}`,
      );
    const worst = [...s.removal].sort((a, b) => b.meanAbsRankChange - a.meanAbsRankChange)[0];
    if (worst)
      lines.push(
        `  leave-one-out: removing ${worst.level} ${worst.id} moves ranks most (mean |Δrank| ${fixed(worst.meanAbsRankChange, 2)})`,
      );
  }
  if (out)
    lines.push(
      '',
      `Wrote ${out}/sensitivity.json, uncertainty.csv, sensitivity.csv, removal.csv, coherence.csv and index.html`,
    );
  return lines.join('\n');
}
