import type { Command } from 'commander';
import { Option } from 'commander';
import { InputError, isInputError } from '../../core/errors.js';
import type { Note } from '../../core/notes.js';
import { impute } from '../../data/impute.js';
import { column } from '../../data/panel.js';
import { GREY_GRADE_ZH, gm11, gm11Forecast, gm11RollingCheck } from '../../project/gm11.js';
import { intOption, list, loadData, printJson, printNotes, withDataOptions, type DataOptions, notesFor } from '../common.js';

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
  const cmd = program.command('forecast').description('grey forecast GM(1,1) per entity: class-ratio test, posterior variance ratio C, small-error probability P, grade');
  withDataOptions(cmd)
    .requiredOption('--value <column>', 'the series to forecast (positive values, e.g. an index score)')
    .option('--horizon <h>', 'periods to forecast after the last one', intOption('--horizon'), 3)
    .addOption(new Option('--method <m>', 'forecasting method').choices(['gm11']).default('gm11'))
    .option('--force', 'fit series that fail the class-ratio test anyway (a warning is recorded)')
    .option('--ids <list>', 'only these entities (comma-separated ids)')
    .option('--last <k>', 'use only the last k periods of each series (GM(1,1) suits short series, 4 to 10 periods)', intOption('--last'))
    .option('--rolling <t>', 'also run a rolling-origin check: fit on the first t periods, forecast --horizon ahead, report MAPE', intOption('--rolling'))
    .addOption(new Option('--impute <method>', 'missing values first: linear within entity (recorded as notes), or none (a gap is an error)').choices(['linear', 'none']).default('none'))
    .addHelpText(
      'after',
      `
Examples:
  nqpf forecast --data china-sim --value rd_intensity --horizon 3 --ids Beijing,Shanghai --impute linear
  nqpf forecast --data world-pwt --value rgdpna --ids CHN,IND --last 8 --horizon 3
  nqpf forecast --data scores.csv --value index --horizon 5 --force --rolling 6 --json

--json prints {"series":[{"entity","periods","fitted":[...],"forecastPeriods","forecast":[...],"a","b","C","P","grade"}]}.
Each entity's series must be complete and positive (≥ 4 periods); a series failing the class-ratio
test is refused unless --force. Grades: good C<0.35 & P>0.95, qualified C<0.5 & P>0.8, barely
C<0.65 & P>0.7, else fail. Formulas: docs/spatial-forecast.md.`,
    )
    .action(async (opts: ForecastCliOptions) => {
      let panel = await loadData(opts);
      column(panel, opts.value);
      const imputeNotes: Note[] = [];
      if (opts.impute === 'linear') {
        const r = impute(panel, { method: 'linear', columns: [opts.value] });
        panel = r.panel;
        imputeNotes.push(...r.notes);
      }
      const col = column(panel, opts.value);
      const wanted = opts.ids ? list(opts.ids) : undefined;
      if (wanted) {
        const known = new Set(panel.entities.map((e) => e.id));
        const unknown = wanted.filter((id) => !known.has(id));
        if (unknown.length) throw new InputError(`--ids names unknown entities: ${unknown.join(', ')}`, { hint: `entities look like ${panel.entities.slice(0, 3).map((e) => e.id).join(', ')}` });
      }
      const notes: Note[] = [...notesFor(panel.notes, [opts.value]).filter((n) => !imputeNotes.includes(n)), ...imputeNotes];
      const refused: string[] = [];
      const series = [];
      for (let e = 0; e < panel.entities.length; e++) {
        const id = panel.entities[e].id;
        if (wanted && !wanted.includes(id)) continue;
        const periods: number[] = [];
        const values: number[] = [];
        for (let r = 0; r < col.length; r++) {
          if (panel.entityIndex[r] !== e) continue;
          periods.push(panel.period[r]);
          values.push(col[r]);
        }
        if (opts.last !== undefined) {
          const drop = Math.max(0, periods.length - opts.last);
          periods.splice(0, drop);
          values.splice(0, drop);
        }
        const step = periods.length > 1 ? periods[1] - periods[0] : 1;
        let model;
        try {
          model = gm11(values, { force: opts.force, label: `${id} (${opts.value}, ${periods[0]}–${periods[periods.length - 1]})` });
        } catch (err) {
          if (isInputError(err) && err.message.startsWith('GM(1,1) refused') && !opts.force) {
            refused.push(err.message.replace('GM(1,1) refused: class-ratio test failed for ', ''));
            continue;
          }
          throw err;
        }
        notes.push(...model.notes);
        const forecast = gm11Forecast(model, opts.horizon);
        const rolling = opts.rolling !== undefined ? gm11RollingCheck(values, { minTrain: opts.rolling, horizon: Math.max(1, opts.horizon), label: `${id} (${opts.value})` }) : undefined;
        series.push({
          entity: id,
          periods,
          fitted: Array.from(model.fitted),
          forecastPeriods: Array.from({ length: opts.horizon }, (_, h) => periods[periods.length - 1] + step * (h + 1)),
          forecast: Array.from(forecast),
          a: model.a,
          b: model.b,
          C: model.C,
          P: model.P,
          grade: model.grade,
          gradeZh: GREY_GRADE_ZH[model.grade],
          meanRelativeError: model.meanRelativeError,
          classRatio: { lower: model.classRatio.lower, upper: model.classRatio.upper, pass: model.classRatio.pass },
          forced: model.forced,
          rollingMape: rolling?.mape ?? null,
        });
      }
      if (refused.length) {
        throw new InputError(`GM(1,1) refused for ${refused.length} series: the class-ratio test failed for ${refused.slice(0, 5).join('; ')}${refused.length > 5 ? '; …' : ''}`, {
          hint: 'these series are not quasi-exponential; pass --force to fit them anyway (flagged in the output), or choose other entities with --ids',
        });
      }
      if (opts.json) {
        printJson({ value: opts.value, method: opts.method, horizon: opts.horizon, simulated: panel.meta.simulated, series, notes });
        return;
      }
      printNotes(notes);
      const lines = [`GM(1,1) forecasts of ${opts.value} on ${panel.meta.name}${panel.meta.simulated ? ' (SIMULATED data)' : ''}, horizon ${opts.horizon}`];
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
