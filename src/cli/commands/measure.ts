import path from 'node:path';
import type { Command } from 'commander';
import { Option } from 'commander';
import { InputError } from '../../core/errors.js';
import type { Note } from '../../core/notes.js';
import type { Panel } from '../../data/panel.js';
import type { ImputeMethod } from '../../data/impute.js';
import type { Framework } from '../../framework/types.js';
import { resolveFramework } from '../../io/framework-file.js';
import { writeFileAtomic } from '../../io/atomic.js';
import { writeXlsx } from '../../io/xlsx.js';
import { measureJson, runMeasure, scoreTable, weightTable, wideScoreTables } from '../../api/measure.js';
import { AGGREGATE_METHODS, NORMALIZE_METHODS, resolveMeasureOptions, type MeasureOptions } from '../../measure/options.js';
import type { MeasureResult } from '../../measure/types.js';
import type { Lang } from '../../core/label.js';
import { renderReport } from '../../report/document.js';
import { measureSections, reportDataset } from '../../report/sections/measure.js';
import { loadData, numberOption, printJson, printNotes, progress, reportLang, withDataOptions, withImputeOption, type DataOptions, writeTables } from '../common.js';

interface MeasureCliOptions extends DataOptions {
  framework: string;
  weights: string;
  normalize: MeasureOptions['normalize'];
  shift?: number;
  range?: [number, number];
  perPeriod?: boolean;
  aggregate: MeasureOptions['aggregate'];
  digits: number;
  impute: ImputeMethod;
}

function parseRange(value: string): [number, number] {
  const parts = value.split(',').map((s) => numberOption('--range')(s.trim()));
  if (parts.length !== 2) throw new InputError(`--range takes two numbers a,b (got "${value}")`, { hint: 'e.g. --range 0.01,0.99' });
  return [parts[0], parts[1]];
}

/** `nqpf measure`: composite indices of a framework on a panel. */
export function registerMeasure(program: Command): void {
  const cmd = program
    .command('measure')
    .description('composite index of each system of a framework: normalise, weight (entropy, CRITIC, ...), aggregate, rank');
  withImputeOption(
    withDataOptions(cmd)
    .requiredOption('--framework <file|builtin>', 'indicator framework: a YAML/JSON file, or a built-in (seed, pwt; see "nqpf frameworks")')
    .addOption(
      new Option('--weights <method>', 'weights within each system: entropy, critic, cv, equal, fixed, or two joined by "+" (e.g. entropy+critic)').default('entropy'),
    )
    .addOption(new Option('--normalize <method>', 'normalisation (direction applied)').choices([...NORMALIZE_METHODS]).default('minmax'))
    .option('--shift <x>', 'additive shift of --normalize minmax-shift (default 0.0001)', numberOption('--shift'))
    .option('--range <a,b>', 'target interval of --normalize minmax-range (default 0.01,0.99)', parseRange)
    .option('--per-period', 'normalise and compute entropy within each period (default: pooled over the panel, so periods compare)')
    .addOption(new Option('--aggregate <method>', 'aggregation up the tree').choices([...AGGREGATE_METHODS]).default('arithmetic'))
    .option('--digits <n>', 'significant digits of the scores in the CSV files written with --out (0 = all; the XLSX keeps full precision)', numberOption('--digits'), 6),
    'none',
  )
    .addHelpText(
      'after',
      `
Examples:
  nqpf measure --data world-pwt --framework pwt
  nqpf measure --data china-sim --framework seed --impute linear --aggregate topsis --out results
  nqpf measure --data examples/provinces.csv --entity province --period year --framework examples/framework.yaml --impute linear --weights entropy+critic --json

--json prints {"weights":[{id,dimension,system,weight}],"scores":[{entity,period,index,system,dimensions,rank}],"notes":[...]}.
--out DIR writes scores.csv (long: entity, period, system; data order, GB/T 2260 order for provinces;
6 significant digits, --digits), scores-wide-<system>.csv (entity × period, the table papers print),
weights.csv, scores.xlsx (full precision) and the HTML report index.html. Feed scores.csv back
with --system ID, e.g. nqpf moran --data results/scores.csv --system nqpf --value index. Formulas and conventions: docs/measure.md.`,
    )
    .action(async (opts: MeasureCliOptions) => {
      // Options are checked before the data is read, so a typo fails fast.
      const options = resolveMeasureOptions({
        weights: opts.weights as MeasureOptions['weights'],
        normalize: opts.normalize,
        shift: opts.shift,
        range: opts.range,
        perPeriod: opts.perPeriod ?? false,
        aggregate: opts.aggregate,
      });
      const framework = await resolveFramework(opts.framework);
      let panel = await loadData(opts);
      if (!opts.json && panel.entity.length > 20000) progress(`measuring ${panel.entity.length} rows`);
      const measured = runMeasure(panel, framework, { ...options, impute: opts.impute });
      panel = measured.panel;
      const { result, notes } = measured;
      if (opts.out) await writeOutputs(opts.out, result, panel, framework, notes, reportLang(opts), opts.digits);
      if (opts.json) {
        printJson(measureJson(result, notes));
        return;
      }
      printNotes(notes);
      printSummary(result, framework, panel, opts.out);
    });
}

async function writeOutputs(dir: string, result: MeasureResult, panel: Panel, framework: Framework, notes: readonly Note[], lang: Lang, digits: number): Promise<void> {
  const scores = scoreTable(result, panel, digits);
  const weights = weightTable(result, framework);
  const wide = wideScoreTables(result, panel, digits);
  await writeTables(dir, { scores, weights, ...Object.fromEntries(Object.entries(wide).map(([s, rows]) => [`scores-wide-${s}`, rows])) });
  await writeXlsx(path.join(dir, 'scores.xlsx'), [
    { name: 'scores', rows: scoreTable(result, panel, 0) },
    ...Object.entries(wide).map(([s]) => ({ name: `wide ${s}`.slice(0, 31), rows: wideScoreTables(result, panel, 0)[s] })),
    { name: 'weights', rows: weights },
    { name: 'dimension weights', rows: [['system', 'dimension', 'parent', 'weight'], ...result.dimensionWeights.map((d) => [d.system, d.id, d.parent ?? '', d.weight])] },
    { name: 'notes', rows: [['level', 'code', 'message'], ...notes.map((n) => [n.level, n.code, n.message])] },
  ]);
  const html = renderReport({
    title: { en: `nqpf measure: ${framework.name.en}`, zh: `nqpf 测度：${framework.name.zh ?? framework.name.en}` },
    subtitle: panel.meta.title ?? panel.meta.name,
    lang,
    datasets: [reportDataset(panel)],
    sections: measureSections(panel, framework, result, { lang }),
    footer: { en: 'Generated by nqpf measure', zh: '由 nqpf measure 生成' },
  });
  await writeFileAtomic(path.join(dir, 'index.html'), html);
}

function printSummary(result: MeasureResult, framework: Framework, panel: Panel, out?: string): void {
  const o = result.options as Record<string, unknown>;
  const lines = [
    `${framework.id} on ${panel.meta.name}${panel.meta.simulated ? ' (SIMULATED data)' : ''}: ${o.rows} rows, weights ${o.weights}, ${o.normalize}${o.perPeriod ? ' per period' : ''}, ${o.aggregate}`,
  ];
  const last = Math.max(...result.scores.map((s) => s.period));
  for (const s of framework.systems) {
    lines.push('', `system ${s.id}: weights`);
    for (const w of result.weights.filter((w) => w.system === s.id)) lines.push(`  ${w.dimension}/${w.id}  ${w.weight.toFixed(4)}`);
    const top = result.scores.filter((r) => r.system === s.id && r.period === last).sort((a, b) => a.rank - b.rank).slice(0, 10);
    lines.push(`system ${s.id}: top ${top.length} in ${last}`);
    for (const r of top) lines.push(`  ${String(r.rank).padStart(3)}  ${r.entity}  ${r.index.toFixed(4)}`);
  }
  if (panel.meta.citation) lines.push('', `Data: ${panel.meta.citation}`);
  if (out) lines.push('', `Wrote ${out}/scores.csv, scores-wide-*.csv, weights.csv, scores.xlsx and index.html (the report)`);
  process.stdout.write(lines.join('\n') + '\n');
}
