import type { Command } from 'commander';
import { Option } from 'commander';
import { forecastJson, runForecast } from '../../api/forecast.js';
import {
  intOption,
  list,
  loadData,
  printJson,
  printNotes,
  withDataOptions,
  type DataOptions,
  reportLang,
} from '../common.js';

interface ForecastCliOptions extends DataOptions {
  value: string;
  horizon: number;
  method: 'gm11';
  force?: boolean;
  ids?: string;
  rolling?: number;
  impute: 'linear' | 'none';
  last?: number;
}

/** `nqpf forecast`: GM(1,1) per entity with the class-ratio test, C/P grades and an optional rolling check. */
export function registerForecast(program: Command): void {
  const cmd = program.command('forecast');
  withDataOptions(cmd)
    .requiredOption('--value <column>', 'the series to forecast (positive values, e.g. an index score)')
    .option('--horizon <h>', 'periods to forecast after the last one', intOption('--horizon'), 3)
    .addOption(new Option('--method <m>', 'forecasting method').choices(['gm11']).default('gm11'))
    .option('--force', 'fit series that fail the class-ratio test anyway (a warning is recorded)')
    .option('--ids <list>', 'only these entities (comma-separated ids)')
    .option(
      '--last <k>',
      'use only the last k periods of each series (GM(1,1) suits short series, 4 to 10 periods)',
      intOption('--last'),
    )
    .option(
      '--rolling <t>',
      'also run a rolling-origin check: fit on the first t periods, forecast --horizon ahead, report MAPE',
      intOption('--rolling'),
    )
    .addOption(
      new Option(
        '--impute <method>',
        'missing values first: linear within entity (recorded as notes), or none (a gap is an error)',
      )
        .choices(['linear', 'none'])
        .default('none'),
    )
    .addHelpText(
      'after',
      `
Examples:
  nqpf forecast --data china-sim --value gdp --horizon 3 --ids Beijing,Shanghai --last 8
  nqpf forecast --data world-pwt --value rgdpna --ids CHN,IND --last 8 --horizon 3
  nqpf forecast --data examples/system-scores.csv --value U1 --horizon 5 --force --rolling 6 --json

--json prints {"series":[{"entity","periods","fitted":[...],"forecastPeriods","forecast":[...],"a","b","C","P","grade"}]}.
Each entity's series must be complete and positive (≥ 4 periods); a series failing the class-ratio
test is refused unless --force. Grades: good C<0.35 & P>0.95, qualified C<0.5 & P>0.8, barely
C<0.65 & P>0.7, else fail. Formulas: docs/spatial-forecast.md.`,
    )
    .action(async (opts: ForecastCliOptions) => {
      const run = runForecast(await loadData(opts), {
        value: opts.value,
        horizon: opts.horizon,
        method: opts.method,
        force: opts.force,
        ids: opts.ids ? list(opts.ids) : undefined,
        last: opts.last,
        rolling: opts.rolling,
        impute: opts.impute,
      });
      const { panel, series, notes } = run;
      if (opts.out) {
        // the report, charts and XLSX load only with --out (start-up)
        const [{ writeCommandOutputs }, { forecastSection }] = await Promise.all([
          import('../outputs.js'),
          import('../../report/sections/forecast.js'),
        ]);
        const lang = reportLang(opts);
        await writeCommandOutputs(opts.out, 'forecast', {
          panel,
          notes,
          lang,
          title: { en: `GM(1,1) forecasts of ${opts.value}`, zh: `${opts.value} 的 GM(1,1) 预测` },
          tables: {
            forecast: [
              ['entity', 'period', 'kind', 'value'],
              ...series.flatMap((s) => [
                ...s.periods.map((p, i) => [s.entity, p, 'fitted', s.fitted[i]]),
                ...s.forecastPeriods.map((p, i) => [s.entity, p, 'forecast', s.forecast[i]]),
              ]),
            ],
            'forecast-models': [
              [
                'entity',
                'a',
                'b',
                'C',
                'P',
                'grade',
                'grade_zh',
                'mean_relative_error',
                'class_ratio_pass',
                'forced',
                'rolling_mape',
              ],
              ...series.map((s) => [
                s.entity,
                s.a,
                s.b,
                s.C,
                s.P,
                s.grade,
                s.gradeZh,
                s.meanRelativeError,
                s.classRatio.pass,
                s.forced,
                s.rollingMape,
              ]),
            ],
          },
          sections: [
            forecastSection(
              panel,
              series.map((s, i) => ({
                entity: s.entity,
                periods: s.periods,
                model: run.models[i],
                forecastPeriods: s.forecastPeriods,
                forecast: s.forecast,
              })),
              { value: opts.value },
              { lang },
            ),
          ],
        });
      }
      if (opts.json) {
        printJson(forecastJson(run));
        return;
      }
      printNotes(notes);
      const lines = [
        `GM(1,1) forecasts of ${opts.value} on ${panel.meta.name}${panel.meta.simulated ? ' (SIMULATED data)' : ''}, horizon ${opts.horizon}`,
      ];
      for (const s of series) {
        lines.push(
          `  ${s.entity}: a = ${s.a.toFixed(5)}, b = ${s.b.toPrecision(6)}, C = ${s.C.toFixed(3)}, P = ${s.P.toFixed(3)}, ${s.grade} (${s.gradeZh})${s.forced ? ' [forced]' : ''}` +
            (s.rollingMape !== null ? `, rolling MAPE ${s.rollingMape.toFixed(2)}%` : '') +
            `; ${s.forecastPeriods.map((p, i) => `${p}: ${s.forecast[i].toPrecision(5)}`).join(', ')}`,
        );
      }
      if (panel.meta.citation) lines.push('', `Data: ${panel.meta.citation}`);
      process.stdout.write(lines.join('\n') + '\n');
    });
}
