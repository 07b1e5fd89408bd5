import type { Command } from 'commander';
import type { MeasureOptions } from '../../measure/options.js';
import { obstacleJson, runObstacle } from '../../api/couple.js';
import { intOption, list, loadData, printJson, printNotes, reportLang, withDataOptions } from '../common.js';
import { measureFramework, withMeasureStep, type MeasureStepOptions } from '../measure-step.js';

interface ObstacleCliOptions extends MeasureStepOptions {
  system?: string;
  top: number;
}

/** `nqpf obstacle`: obstacle degree of indicators and dimensions. */
export function registerObstacle(program: Command): void {
  const cmd = program.command('obstacle');
  withMeasureStep(withDataOptions(cmd, { scoresSystem: false }))
    .option('--system <ids>', 'systems to diagnose, comma-separated (default all)')
    .option('--top <k>', 'top obstacles per entity-period and in the summary', intOption('--top'), 3)
    .addHelpText(
      'after',
      `
Examples:
  nqpf obstacle --data china-sim --system nqpf --top 3 --json
  nqpf obstacle --data examples/provinces.csv --framework examples/framework.yaml --impute linear

O_ij = w_j(1 − x'_ij) / Σ_j w_j(1 − x'_ij) × 100 within each system (x' the normalised value).
--out DIR writes obstacle.csv, obstacle-summary.csv, obstacle.xlsx, a bar chart of the top obstacles
(charts/*.svg, .png) and index.html.
--json prints {"rows":[{entity,period,system,indicators,dimensions,top}],"summary":[{period,system,indicators,dimensions}],"notes":[...]}.`,
    )
    .action(async (opts: ObstacleCliOptions) => {
      // --system here names framework systems, not rows of a scores file
      const panel = await loadData({ ...opts, system: undefined });
      const framework = await measureFramework(opts);
      const run = runObstacle(panel, framework, {
        systems: opts.system ? list(opts.system) : undefined,
        top: opts.top,
        weights: opts.weights as MeasureOptions['weights'],
        normalize: opts.normalize,
        impute: opts.impute,
      });
      const { result: r, notes } = run;
      if (opts.out) {
        const ids = [...new Set(r.rows.flatMap((x) => Object.keys(x.indicators)))];
        const dims = [...new Set(r.rows.flatMap((x) => Object.keys(x.dimensions)))];
        // the report, charts and XLSX load only with --out (start-up)
        const [{ writeCommandOutputs }, { obstacleSection }, { frameworkNames }] = await Promise.all([
          import('../outputs.js'),
          import('../../report/sections/obstacle.js'),
          import('../../report/sections/section.js'),
        ]);
        const lang = reportLang(opts);
        await writeCommandOutputs(opts.out, 'obstacle', {
          panel,
          notes,
          lang,
          title: { en: 'obstacle degree diagnosis', zh: '障碍度诊断' },
          sections: [obstacleSection(panel, r, { lang, names: frameworkNames(framework) })],
          tables: {
            obstacle: [
              [panel.entityColumn, panel.periodColumn, 'system', ...ids, ...dims.map((d) => `dim_${d}`), 'top'],
              ...r.rows.map((x) => [
                x.entity,
                x.period,
                x.system,
                ...ids.map((i) => x.indicators[i] ?? ''),
                ...dims.map((d) => x.dimensions[d] ?? ''),
                x.top.map((t) => t.id).join(' '),
              ]),
            ],
            'obstacle-summary': [
              ['period', 'system', 'indicator', 'dimension', 'top_count', 'mean_obstacle'],
              ...r.summary.flatMap((s) =>
                s.indicators.map((i) => [s.period, s.system, i.id, i.dimension, i.topCount, i.meanObstacle]),
              ),
            ],
          },
        });
      }
      if (opts.json) {
        printJson(obstacleJson(run));
        return;
      }
      printNotes(notes);
      const last = Math.max(...r.summary.map((s) => s.period));
      const lines: string[] = [];
      for (const s of r.summary.filter((x) => x.period === last)) {
        lines.push(`${s.system}, ${last}: most frequent top-${r.topK} obstacles over ${s.entities} entities`);
        for (const i of s.indicators.slice(0, 8))
          lines.push(`  ${i.id.padEnd(28)} ${String(i.topCount).padStart(4)}×  mean ${i.meanObstacle.toFixed(2)}%`);
        lines.push(`  dimensions: ${s.dimensions.map((d) => `${d.id} ${d.meanObstacle.toFixed(1)}%`).join(', ')}`);
      }
      process.stdout.write(lines.join('\n') + '\n');
    });
}
