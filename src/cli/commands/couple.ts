import type { Command } from 'commander';
import { Option } from 'commander';
import { InputError } from '../../core/errors.js';
import { isBuiltinDataset } from '../../io/builtin.js';
import type { MeasureOptions } from '../../measure/options.js';
import { COUPLING_METHODS, type CouplingMethod } from '../../couple/index.js';
import { coupleJson, runCouple } from '../../api/couple.js';
import { list, loadData, printJson, printNotes, withDataOptions, reportLang } from '../common.js';
import { measureFramework, withMeasureStep, type MeasureStepOptions } from '../measure-step.js';

function parseNumbers(flag: string, value: string): number[] {
  const v = list(value).map(Number);
  if (!v.length || v.some((x) => !Number.isFinite(x)))
    throw new InputError(`${flag} takes comma-separated numbers (got "${value}")`);
  return v;
}

interface CoupleCliOptions extends MeasureStepOptions {
  systems: string;
  method: CouplingMethod;
  alpha?: string;
  thresholds?: string;
}

/** `nqpf couple`: coupling coordination degree of two or more systems. */
export function registerCouple(program: Command): void {
  const cmd = program.command('couple');
  withMeasureStep(withDataOptions(cmd))
    .requiredOption(
      '--systems <a,b[,c]>',
      'system score columns (a CSV of scores), or system or dimension ids of the framework (built-in data)',
    )
    .addOption(
      new Option('--method <method>', 'coupling degree formula').choices([...COUPLING_METHODS]).default('wang'),
    )
    .option('--alpha <w1,w2,...>', 'weights of T, one per system, summing to 1 (default equal)')
    .option('--thresholds <lo,hi>', 'relative development cut-offs: E ≤ lo lagging, E > hi leading (default 0.8,1.2)')
    .addHelpText(
      'after',
      `
Examples:
  nqpf couple --data china-sim --systems innovation,nqpf --method wang --json
  nqpf couple --data world-pwt --systems laborers,means_of_labor,productivity
  nqpf couple --data examples/system-scores.csv --entity province --period year --systems U1,U2,U3 --alpha 0.4,0.3,0.3

Scores must lie in [0, 1]. With built-in data (or --framework) the systems are measured first and
their composite indices coupled; a warning is given when the systems share indicators.
--out DIR writes coupling.csv (UTF-8 with BOM).
--json prints {"rows":[{entity,period,C,T,D,level,levelZh,...}],"notes":[...]}. Formulas: docs/couple-disparity.md.`,
    )
    .action(async (opts: CoupleCliOptions) => {
      const raw = await loadData(opts);
      const framework = opts.framework || isBuiltinDataset(opts.data) ? await measureFramework(opts) : undefined;
      const run = runCouple(raw, framework, {
        systems: list(opts.systems),
        method: opts.method,
        thresholds: opts.thresholds ? parseNumbers('--thresholds', opts.thresholds) : undefined,
        alpha: opts.alpha ? parseNumbers('--alpha', opts.alpha) : undefined,
        weights: opts.weights as MeasureOptions['weights'],
        normalize: opts.normalize,
        impute: opts.impute,
      });
      const { panel, result: r, notes } = run;
      if (opts.out) {
        // the report, charts and XLSX load only with --out (start-up)
        const [{ writeCommandOutputs }, { couplingSection }] = await Promise.all([
          import('../outputs.js'),
          import('../../report/sections/coupling.js'),
        ]);
        const lang = reportLang(opts);
        await writeCommandOutputs(opts.out, 'couple', {
          panel: panel,
          notes,
          lang,
          title: { en: 'coupling coordination', zh: '耦合协调度' },
          sections: [couplingSection(panel, r, { lang })],
          tables: {
            coupling: [
              [
                panel.entityColumn,
                panel.periodColumn,
                ...r.systems,
                'C',
                'T',
                'D',
                'level',
                'level_zh',
                'coupling_level',
                ...r.systems.map((s) => `E_${s}`),
                ...r.systems.map((s) => `status_${s}`),
              ],
              ...r.rows.map((x) => {
                const rel = new Map(x.relative.map((e) => [e.system, e]));
                return [
                  x.entity,
                  x.period,
                  ...x.U,
                  x.C,
                  x.T,
                  x.D,
                  x.level ?? '',
                  x.levelZh ?? '',
                  x.couplingLevel ?? '',
                  ...r.systems.map((s) => rel.get(s)?.E ?? ''),
                  ...r.systems.map((s) => rel.get(s)?.status ?? ''),
                ];
              }),
            ],
          },
        });
      }
      if (opts.json) {
        printJson(coupleJson(run));
        return;
      }
      printNotes(notes);
      const last = Math.max(...r.rows.map((x) => x.period));
      const rows = r.rows.filter((x) => x.period === last).sort((a, b) => b.D - a.D);
      const lines = [
        `coupling coordination of ${r.systems.join(' × ')} (${r.method}) on ${panel.meta.name}${panel.meta.simulated ? ' (SIMULATED data)' : ''}, ${last}:`,
      ];
      for (const x of rows)
        lines.push(
          `  ${x.entity.padEnd(24)} C ${x.C.toFixed(4)}  T ${x.T.toFixed(4)}  D ${x.D.toFixed(4)}  ${x.level ?? ''} ${x.levelZh ?? ''}`,
        );
      process.stdout.write(lines.join('\n') + '\n');
    });
}
