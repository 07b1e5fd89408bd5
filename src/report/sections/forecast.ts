import type { Panel } from '../../data/panel.js';
import { GREY_GRADE_ZH } from '../../project/gm11.js';
import type { Gm11Model } from '../../project/gm11.js';
import type { Block, ReportSection } from '../blocks.js';
import { fanChart, type FanBand } from '../charts/fan.js';
import { txt } from '../charts/theme.js';
import { entityNamer } from '../entity-label.js';
import { registerTerms, t, term, tf } from '../i18n.js';
import { datasetSection, type SectionOptions } from './section.js';

registerTerms({
  forecastSection: { en: 'Forecast (GM(1,1))', zh: '灰色预测 GM(1,1)' },
  forecastCaption: {
    en: '{entity}: {value}, observed, fitted and forecast',
    zh: '{entity}：{value}的实际值、拟合值与预测值',
  },
  forecastTable: { en: 'GM(1,1) models and their accuracy grades', zh: 'GM(1,1) 模型参数与精度等级' },
  meanRelativeError: { en: 'Mean relative error', zh: '平均相对误差' },
  grade: { en: 'Grade', zh: '等级' },
  forced: { en: 'forced', zh: '强制' },
});

/** One forecast series for {@link forecastSection}. */
export interface ForecastSeries {
  readonly entity: string;
  readonly periods: readonly number[];
  readonly model: Gm11Model;
  readonly forecastPeriods: readonly number[];
  readonly forecast: ArrayLike<number>;
  /** Optional intervals (e.g. from a rolling out-of-sample check), widest first. */
  readonly bands?: readonly FanBand[];
}

/** Fan charts of GM(1,1) forecasts (history, fitted path, forecast) and a table of a, b, C, P and grade. */
export function forecastSection(
  panel: Panel,
  series: readonly ForecastSeries[],
  meta: { readonly value: string },
  options: SectionOptions = {},
): ReportSection {
  const lang = options.lang ?? 'en';
  const name = entityNamer(panel.entities, lang);
  const value = txt(options.names?.[meta.value] ?? meta.value, lang);
  const blocks: Block[] = series.map((s) => ({
    kind: 'figure' as const,
    caption: tf('forecastCaption', lang, { entity: name(s.entity), value }),
    svg: fanChart({
      lang,
      history: { periods: s.periods, values: s.model.x0 },
      fitted: s.model.fitted,
      forecast: { periods: s.forecastPeriods, values: s.forecast },
      bands: s.bands,
      xName: term('year'),
      yName: value,
    }),
  }));
  blocks.push(
    {
      kind: 'table',
      caption: t('forecastTable', lang),
      columns: [
        { key: 'entity', label: { en: 'Entity', zh: '地区' } },
        { key: 'a', label: 'a', format: { digits: 5 } },
        { key: 'b', label: 'b', format: { digits: 5 } },
        { key: 'C', label: 'C', format: { digits: 4 } },
        { key: 'P', label: 'P', format: { digits: 4 } },
        { key: 'mre', label: term('meanRelativeError'), format: { digits: 2, percent: true } },
        { key: 'grade', label: term('grade') },
      ],
      rows: series.map((s) => ({
        entity: name(s.entity),
        a: s.model.a,
        b: s.model.b,
        C: s.model.C,
        P: s.model.P,
        mre: s.model.meanRelativeError,
        grade: `${lang === 'zh' ? GREY_GRADE_ZH[s.model.grade] : s.model.grade}${s.model.forced ? ` (${t('forced', lang)})` : ''}`,
      })),
    },
    { kind: 'notes', notes: series.flatMap((s) => s.model.notes) },
  );
  return datasetSection('forecast', 'forecastSection', panel, options, blocks);
}
