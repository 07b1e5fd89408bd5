import type { Command } from 'commander';
import { Option } from 'commander';
import { InputError } from '../../core/errors.js';
import type { Note } from '../../core/notes.js';
import type { Panel } from '../../data/panel.js';
import type { ImputeMethod } from '../../data/impute.js';
import type { Framework } from '../../framework/types.js';
import { resolveFramework } from '../../io/framework-file.js';
import { isBuiltinDataset } from '../../io/builtin.js';
import { measurePanel } from '../../measure/pipeline.js';
import { scoresPanel } from '../../measure/scores-panel.js';
import type { MeasureOptions } from '../../measure/options.js';
import type { MeasureResult } from '../../measure/types.js';
import { COUPLING_METHODS, couplingCoordination, type CouplingMethod } from '../../couple/index.js';
import { list, loadData, printJson, printNotes, withDataOptions, withImputeOption, type DataOptions, writeTables } from '../common.js';

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
    .option('--framework <file|builtin>', 'indicator framework to measure first (default for built-in data: seed for china-sim, pwt for world-pwt)')
    .option('--weights <method>', 'weights of the measure step (entropy, critic, cv, equal, fixed, or a+b)', 'entropy')
    .addOption(new Option('--normalize <method>', 'normalisation of the measure step').choices(['minmax', 'minmax-shift', 'minmax-range']).default('minmax'));
}

const DEFAULT_FRAMEWORK: Record<string, string> = { 'china-sim': 'seed', 'world-pwt': 'pwt' };

/** Measure the panel with the framework (the `measure` step of the pipeline, {@link measurePanel}). */
export async function measureStep(panel: Panel, opts: MeasureStepOptions): Promise<{ framework: Framework; result: MeasureResult; panel: Panel; notes: readonly Note[] }> {
  const spec = opts.framework ?? DEFAULT_FRAMEWORK[opts.data];
  if (!spec) throw new InputError('no framework to measure with', { hint: 'give --framework FILE, or pass a CSV of system scores' });
  const framework = await resolveFramework(spec);
  const m = measurePanel(panel, framework, { impute: opts.impute, weights: opts.weights as MeasureOptions['weights'], normalize: opts.normalize });
  return { framework, result: m.result, panel: m.panel, notes: m.notes };
}


function parseNumbers(flag: string, value: string): number[] {
  const v = list(value).map(Number);
  if (!v.length || v.some((x) => !Number.isFinite(x))) throw new InputError(`${flag} takes comma-separated numbers (got "${value}")`);
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
  const cmd = program.command('couple').description('coupling coordination degree (C, T, D, ten levels) and relative development of two or more systems');
  withMeasureStep(withDataOptions(cmd))
    .requiredOption('--systems <a,b[,c]>', 'system score columns (a CSV of scores), or system or dimension ids of the framework (built-in data)')
    .addOption(new Option('--method <method>', 'coupling degree formula').choices([...COUPLING_METHODS]).default('wang'))
    .option('--alpha <w1,w2,...>', 'weights of T, one per system, summing to 1 (default equal)')
    .option('--thresholds <lo,hi>', 'relative development cut-offs: E ≤ lo lagging, E > hi leading (default 0.8,1.2)')
    .addHelpText(
      'after',
      `
Examples:
  nqpf couple --data china-sim --systems innovation,nqpf --method wang --json
  nqpf couple --data world-pwt --systems laborers,means_of_labor,productivity
  nqpf couple --data scores.csv --entity province --period year --systems U1,U2,U3 --alpha 0.4,0.3,0.3

Scores must lie in [0, 1]. With built-in data (or --framework) the systems are measured first and
their composite indices coupled; a warning is given when the systems share indicators.
--out DIR writes coupling.csv (UTF-8 with BOM).
--json prints {"rows":[{entity,period,C,T,D,level,levelZh,...}],"notes":[...]}. Formulas: docs/couple-disparity.md.`,
    )
    .action(async (opts: CoupleCliOptions) => {
      let panel = await loadData(opts);
      const systems = list(opts.systems);
      // Reading, imputation and measurement notes (a column shared by two systems is warned about when
      // the framework is loaded: their coupling would be partly mechanical).
      let notes: Note[] = [...panel.notes];
      if (opts.framework || isBuiltinDataset(opts.data)) {
        const m = await measureStep(panel, opts);
        notes = [...m.notes];
        panel = scoresPanel(m.panel, m.result);
      }
      const t = opts.thresholds ? parseNumbers('--thresholds', opts.thresholds) : undefined;
      if (t && t.length !== 2) throw new InputError(`--thresholds takes two numbers lo,hi (got "${opts.thresholds}")`, { hint: 'e.g. --thresholds 0.8,1.2' });
      const r = couplingCoordination(panel, systems, {
        method: opts.method,
        alpha: opts.alpha ? parseNumbers('--alpha', opts.alpha) : undefined,
        thresholds: t ? { lagging: t[0], leading: t[1] } : undefined,
        file: panel.meta.file,
      });
      notes.push(...r.notes);
      if (opts.out) {
        await writeTables(opts.out, {
          coupling: [
            [panel.entityColumn, panel.periodColumn, ...r.systems, 'C', 'T', 'D', 'level', 'level_zh', 'coupling_level', ...r.systems.map((s) => `E_${s}`), ...r.systems.map((s) => `status_${s}`)],
            ...r.rows.map((x) => {
              const rel = new Map(x.relative.map((e) => [e.system, e]));
              return [x.entity, x.period, ...x.U, x.C, x.T, x.D, x.level ?? '', x.levelZh ?? '', x.couplingLevel ?? '', ...r.systems.map((s) => rel.get(s)?.E ?? ''), ...r.systems.map((s) => rel.get(s)?.status ?? '')];
            }),
          ],
        });
      }
      if (opts.json) {
        printJson({
          method: r.method,
          systems: r.systems,
          alpha: r.alpha,
          rows: r.rows.map((x) => ({
            entity: x.entity,
            period: x.period,
            C: x.C,
            T: x.T,
            D: x.D,
            level: x.level ?? null,
            levelZh: x.levelZh ?? null,
            couplingLevel: x.couplingLevel ?? null,
            U: Object.fromEntries(r.systems.map((s, i) => [s, x.U[i]])),
            relative: x.relative,
          })),
          simulated: panel.meta.simulated,
          notes,
        });
        return;
      }
      printNotes(notes);
      const last = Math.max(...r.rows.map((x) => x.period));
      const rows = r.rows.filter((x) => x.period === last).sort((a, b) => b.D - a.D);
      const lines = [`coupling coordination of ${r.systems.join(' × ')} (${r.method}) on ${panel.meta.name}${panel.meta.simulated ? ' (SIMULATED data)' : ''}, ${last}:`];
      for (const x of rows) lines.push(`  ${x.entity.padEnd(24)} C ${x.C.toFixed(4)}  T ${x.T.toFixed(4)}  D ${x.D.toFixed(4)}  ${x.level ?? ''} ${x.levelZh ?? ''}`);
      process.stdout.write(lines.join('\n') + '\n');
    });
}
