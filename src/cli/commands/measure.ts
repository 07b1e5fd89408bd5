import path from 'node:path';
import type { Command } from 'commander';
import { InputError } from '../../core/errors.js';
import type { Note } from '../../core/notes.js';
import type { Panel } from '../../data/panel.js';
import type { Framework } from '../../framework/types.js';
import { writeFileAtomic } from '../../io/atomic.js';
import { measureJson, runMeasure, scoreTable, weightTable, wideScoreTables } from '../../api/measure.js';
import { measureSheets } from '../../run/measure-tables.js';
import type { MeasureResult } from '../../measure/types.js';
import type { Lang } from '../../core/label.js';
import type { SystemSensitivity } from '../../robustness/sensitivity.js';
import { loadData, printJson, printNotes, progress, reportLang, writeTables } from '../common.js';
import { isBuiltinDataset } from '../../io/builtin.js';
import type { AppendedFile } from '../../io/append-file.js';
import { frameworkFrom, measureOptionsFrom, methodsHelp } from '../measure-flags.js';
import { MEASURE_COMMAND } from '../../options/commands.js';
import { addOptions, cliValues } from '../options.js';

/** `nqpf measure`: composite indices of a framework on a panel. */
export function registerMeasure(program: Command): void {
  addOptions(program.command('measure'), MEASURE_COMMAND)
    .addHelpText(
      'after',
      `
Examples:
  nqpf measure --data world-pwt --framework pwt
  nqpf measure --data china-sim --indicators rd_intensity,invention_patents_per10k,-energy_intensity
  nqpf measure --data china-sim --framework seed --impute linear --aggregate topsis --out results
  nqpf measure --data examples/provinces.csv --entity province --period year --framework examples/framework.yaml --impute linear --weights entropy+critic --json
  nqpf measure --data examples/provinces.csv --entity province --period year --framework examples/framework.yaml --impute linear --append provinces-with-index.csv --dimensions

--json prints {"weights":[{id,dimension,system,weight}],"scores":[{entity,period,index,system,dimensions,rank}],"notes":[...]}.
--out DIR writes scores.csv (long: entity, period, system; data order, GB/T 2260 order for provinces;
6 significant digits, --digits), scores-wide-<system>.csv (entity × period, the table papers print),
weights.csv, scores.xlsx (full precision) and the HTML report index.html. Feed scores.csv back
with --system ID, e.g. nqpf moran --data results/scores.csv --system nqpf --value index.
--append FILE writes your data with the index as columns <system>_index (and <system>_<dimension>
with --dimensions), your rows and columns in their order, so that e.g.
nqpf regress --data FILE --formula "nqpf_index ~ rd | province + year" needs no merge.
Formulas and conventions: docs/measure.md.

${methodsHelp()}`,
    )
    .action(async (given: Record<string, unknown>) => {
      // Options are checked as they are parsed, before the data is read, so a typo fails fast.
      const opts = cliValues(MEASURE_COMMAND, given);
      const options = measureOptionsFrom(opts);
      if (opts.robustness && !opts.out)
        throw new InputError('{{robustness}} adds a section to the report: give {{out=DIR}} too', {
          hint: 'or run nqpf sensitivity for the analysis on its own',
        });
      const framework = await frameworkFrom(opts);
      const raw = await loadData(opts);
      let panel = raw;
      if (!opts.json && panel.entity.length > 20000) progress(`measuring ${panel.entity.length} rows`);
      const measured = runMeasure(panel, framework, { ...options, impute: opts.impute });
      panel = measured.panel;
      const { result, notes } = measured;
      // The analysis starts from the data as read (each run imputes as measure does).
      let robustness: readonly SystemSensitivity[] | undefined;
      if (opts.robustness) {
        const [{ runSensitivity }, { defaultRobustness }, { systemsOf }] = await Promise.all([
          import('../../io/sensitivity-pool.js'),
          import('../../robustness/defaults.js'),
          import('../../robustness/sensitivity.js'),
        ]);
        robustness = systemsOf(
          await runSensitivity(raw, framework, defaultRobustness({ ...options, impute: opts.impute })),
        );
      }
      if (opts.out)
        await writeOutputs(opts.out, result, panel, framework, notes, reportLang(opts), robustness, opts.digits);
      let appended: AppendedFile | undefined;
      if (opts.append) {
        const [{ writeAppended }, { scoreColumns }] = await Promise.all([
          import('../../io/append-file.js'),
          import('../../measure/scores-panel.js'),
        ]);
        // The columns line up with the data as read (`raw`, which records each row's line in the file).
        appended = await writeAppended(
          opts.append,
          raw,
          scoreColumns(raw, result, { dimensions: opts.dimensions }),
          isBuiltinDataset(opts.data)
            ? undefined
            : {
                file: opts.data,
                options: {
                  system: opts.system,
                  entity: opts.entity,
                  period: opts.period,
                  encoding: opts.encoding,
                  sheet: opts.sheet,
                  layout: opts.layout,
                  skipRows: opts.skipRows,
                  headerRows: opts.headerRows,
                  frequency: opts.frequency,
                },
              },
        );
      } else if (opts.dimensions) {
        throw new InputError('{{dimensions}} adds the dimension scores to the file written by {{append}}', {
          hint: 'give {{append=FILE}} too, e.g. {{append=data-with-index.csv}} {{dimensions}}',
        });
      }
      if (opts.json) {
        printJson({ ...measureJson(result, notes), ...(appended ? { appended } : {}) });
        return;
      }
      printNotes(notes);
      printSummary(result, framework, panel, opts.out);
      if (appended)
        process.stdout.write(
          `Wrote ${appended.file}: ${appended.rows} rows, ${appended.layout === 'file' ? "the data's own columns" : 'the panel in long layout'} and ${appended.added.join(', ')}\n`,
        );
    });
}

async function writeOutputs(
  dir: string,
  result: MeasureResult,
  panel: Panel,
  framework: Framework,
  notes: readonly Note[],
  lang: Lang,
  robustness?: readonly SystemSensitivity[],
  digits = 6,
): Promise<void> {
  // The writers and the report (ECharts) load only with --out: they cost most of a second at start-up.
  const [{ writeXlsx }, { renderReport }, { measureSections, reportDataset }, { robustnessSection }] =
    await Promise.all([
      import('../../io/xlsx.js'),
      import('../../report/document.js'),
      import('../../report/sections/measure.js'),
      import('../../report/sections/robustness.js'),
    ]);
  const wide = wideScoreTables(result, panel, digits);
  const sections = [
    ...measureSections(panel, framework, result, { lang }),
    ...(robustness ? [robustnessSection(panel, framework, robustness, { lang })] : []),
  ];
  await writeTables(dir, {
    scores: scoreTable(result, panel, digits),
    weights: weightTable(result, framework),
    ...Object.fromEntries(Object.entries(wide).map(([s, rows]) => [`scores-wide-${s}`, rows])),
  });
  await writeXlsx(path.join(dir, 'scores.xlsx'), measureSheets(result, panel, framework, notes));
  const html = renderReport({
    title: { en: `nqpf measure: ${framework.name.en}`, zh: `nqpf 测度：${framework.name.zh ?? framework.name.en}` },
    subtitle: panel.meta.title ?? panel.meta.name,
    lang,
    datasets: [reportDataset(panel)],
    sections,
    footer: { en: 'Generated by nqpf measure', zh: '由 nqpf measure 生成' },
  });
  await writeFileAtomic(path.join(dir, 'index.html'), html);
  // tables.docx: the weights (framework tree), the ranking, and each system's index by period.
  const [{ sectionPaperTables, writeTablesDocx }, { paperTableFromRows }] = await Promise.all([
    import('../outputs.js'),
    import('../../report/paper-table.js'),
  ]);
  const names = Object.fromEntries(
    framework.systems.map((s) => [s.id, lang === 'zh' ? (s.name.zh ?? s.name.en) : s.name.en]),
  );
  await writeTablesDocx(
    dir,
    [
      ...sectionPaperTables(sections, panel, lang),
      ...Object.entries(wide).map(([s, rows]) =>
        paperTableFromRows(lang === 'zh' ? `${names[s] ?? s}指数（按期）` : `${names[s] ?? s} index by period`, rows),
      ),
    ],
    lang,
    lang === 'zh' ? `nqpf 测度：${framework.name.zh ?? framework.name.en}` : `nqpf measure: ${framework.name.en}`,
    'scores.xlsx',
  );
}

function printSummary(result: MeasureResult, framework: Framework, panel: Panel, out?: string): void {
  const o = result.options as Record<string, unknown>;
  const lines = [
    `${framework.id} on ${panel.meta.name}${panel.meta.simulated ? ' (SIMULATED data)' : ''}: ${o.rows} rows, weights ${o.weights}, ${o.normalize}${o.perPeriod ? ' per period' : ''}, ${o.aggregate}`,
  ];
  const last = Math.max(...result.scores.map((s) => s.period));
  for (const s of framework.systems) {
    lines.push('', `system ${s.id}: weights`);
    for (const w of result.weights.filter((w) => w.system === s.id))
      lines.push(`  ${w.dimension}/${w.id}  ${w.weight.toFixed(4)}`);
    const top = result.scores
      .filter((r) => r.system === s.id && r.period === last)
      .sort((a, b) => a.rank - b.rank)
      .slice(0, 10);
    lines.push(`system ${s.id}: top ${top.length} in ${last}`);
    for (const r of top) lines.push(`  ${String(r.rank).padStart(3)}  ${r.entity}  ${r.index.toFixed(4)}`);
  }
  if (panel.meta.citation) lines.push('', `Data: ${panel.meta.citation}`);
  if (out)
    lines.push(
      '',
      `Wrote ${out}/scores.csv, scores-wide-*.csv, weights.csv, scores.xlsx, tables.docx (Word) and index.html (the report)`,
    );
  process.stdout.write(lines.join('\n') + '\n');
}
