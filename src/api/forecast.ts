/** `forecast`: GM(1,1) per entity, as `nqpf forecast --json`. */
import { InputError, isInputError } from '../core/errors.js';
import type { Note } from '../core/notes.js';
import { impute } from '../data/impute.js';
import { column, type Panel } from '../data/panel.js';
import { GREY_GRADE_ZH, gm11, gm11Forecast, gm11RollingCheck, type Gm11Model } from '../project/gm11.js';
import { listOf, notesFor } from './common.js';

/** Options of {@link forecast}. */
export interface ForecastStageOptions {
  /** The series to forecast (positive values, e.g. an index score). */
  readonly value: string;
  /** Periods to forecast after the last one; default 3. */
  readonly horizon?: number;
  /** Forecasting method; `gm11` (the only one). */
  readonly method?: 'gm11';
  /** Fit series that fail the class-ratio test anyway (a warning is recorded); default false. */
  readonly force?: boolean;
  /** Only these entities. */
  readonly ids?: string | readonly string[];
  /** Use only the last k periods of each series. */
  readonly last?: number;
  /** Rolling-origin check: fit on the first t periods, forecast `horizon` ahead, report MAPE. */
  readonly rolling?: number;
  /** Missing values first: `linear` within entity, or `none` (default; a gap is an error). */
  readonly impute?: 'linear' | 'none';
}

/** GM(1,1) of each selected entity's series; InputError listing the series the class-ratio test refuses (unless `force`). */
export function runForecast(raw: Panel, options: ForecastStageOptions) {
  const horizon = options.horizon ?? 3;
  let panel = raw;
  column(panel, options.value);
  const imputeNotes: Note[] = [];
  if (options.impute === 'linear') {
    const r = impute(panel, { method: 'linear', columns: [options.value] });
    panel = r.panel;
    imputeNotes.push(...r.notes);
  }
  const col = column(panel, options.value);
  const wanted = options.ids === undefined ? undefined : listOf(options.ids);
  if (wanted) {
    const known = new Set(panel.entities.map((e) => e.id));
    const unknown = wanted.filter((id) => !known.has(id));
    if (unknown.length)
      throw new InputError(`--ids names unknown entities: ${unknown.join(', ')}`, {
        hint: `entities look like ${panel.entities
          .slice(0, 3)
          .map((e) => e.id)
          .join(', ')}`,
      });
  }
  const notes: Note[] = [
    ...notesFor(panel.notes, [options.value]).filter((n) => !imputeNotes.includes(n)),
    ...imputeNotes,
  ];
  const refused: string[] = [];
  const series = [];
  /** The fitted models, aligned with `series` (for report sections; not part of the JSON). */
  const models: Gm11Model[] = [];
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
    if (options.last !== undefined) {
      const drop = Math.max(0, periods.length - options.last);
      periods.splice(0, drop);
      values.splice(0, drop);
    }
    const step = periods.length > 1 ? periods[1] - periods[0] : 1;
    let model;
    try {
      model = gm11(values, {
        force: options.force,
        label: `${id} (${options.value}, ${periods[0]}–${periods[periods.length - 1]})`,
      });
    } catch (err) {
      if (isInputError(err) && err.message.startsWith('GM(1,1) refused') && !options.force) {
        refused.push(err.message.replace('GM(1,1) refused: class-ratio test failed for ', ''));
        continue;
      }
      throw err;
    }
    notes.push(...model.notes);
    models.push(model);
    const forecast = gm11Forecast(model, horizon);
    const rolling =
      options.rolling !== undefined
        ? gm11RollingCheck(values, {
            minTrain: options.rolling,
            horizon: Math.max(1, horizon),
            label: `${id} (${options.value})`,
          })
        : undefined;
    series.push({
      entity: id,
      periods,
      fitted: Array.from(model.fitted),
      forecastPeriods: Array.from({ length: horizon }, (_, h) => periods[periods.length - 1] + step * (h + 1)),
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
    throw new InputError(
      `GM(1,1) refused for ${refused.length} series: the class-ratio test failed for ${refused.slice(0, 5).join('; ')}${refused.length > 5 ? '; …' : ''}`,
      {
        hint: 'these series are not quasi-exponential; pass --force to fit them anyway (flagged in the output), or choose other entities with --ids',
      },
    );
  }
  return { panel, value: options.value, method: options.method ?? ('gm11' as const), horizon, series, models, notes };
}

/** What {@link runForecast} computed. */
export type ForecastRun = ReturnType<typeof runForecast>;

/** The `--json` object of `nqpf forecast`. */
export function forecastJson(r: ForecastRun) {
  return {
    value: r.value,
    method: r.method,
    horizon: r.horizon,
    simulated: r.panel.meta.simulated,
    series: r.series,
    notes: r.notes,
  };
}

/**
 * Grey forecast GM(1,1) per entity with the class-ratio test, posterior variance ratio C,
 * small-error probability P and grade (Deng 1982; Liu et al., Grey Systems); as `nqpf forecast --json`.
 */
export function forecast(panel: Panel, options: ForecastStageOptions) {
  return forecastJson(runForecast(panel, options));
}
