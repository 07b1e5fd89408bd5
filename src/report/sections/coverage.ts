import type { Coverage } from '../../data/coverage.js';
import type { ImputeResult } from '../../data/impute.js';
import type { Panel } from '../../data/panel.js';
import type { Block, ReportSection } from '../blocks.js';
import { barChart } from '../charts/bar.js';
import { lineChart } from '../charts/line.js';
import { entityNamer } from '../entity-label.js';
import { registerTerms, t, term, tf } from '../i18n.js';
import { formatNumber } from '../html.js';
import { datasetSection, type SectionOptions } from './section.js';

registerTerms({
  coverageSection: { en: 'Data coverage ("data dormancy")', zh: '数据覆盖（"数据沉睡"）' },
  coverageIntro: {
    en: '{observed} of {total} indicator cells are observed ({share}); {missingRows} entity-years have no row at all.',
    zh: '指标单元格共 {total} 个，其中观测到 {observed} 个（{share}）；另有 {missingRows} 个地区-年份完全缺行。',
  },
  imputedIntro: {
    en: 'Missing cells treated by "{method}": {imputed} imputed, {dropped} rows dropped; every imputed cell is listed in the notes.',
    zh: '缺失值处理方法 "{method}"：插补 {imputed} 个单元格，删除 {dropped} 行；插补的单元格逐一记录于说明中。',
  },
  coverageByColumn: { en: 'Share of observed values by indicator', zh: '各指标的观测值占比' },
  coverageByPeriod: { en: 'Share of observed values by year', zh: '各年份的观测值占比' },
  coverageWorst: { en: 'Entities with the lowest coverage', zh: '覆盖率最低的地区' },
  coverageAxis: { en: 'Observed (%)', zh: '观测占比 (%)' },
  observed: { en: 'Observed', zh: '观测数' },
  cells: { en: 'Cells', zh: '单元格数' },
  share: { en: 'Share', zh: '占比' },
});

/**
 * Data coverage before treatment (the seed's "data dormancy"): overall share observed, coverage by
 * indicator and by year, the entities with the least data, and what imputation did.
 */
export function coverageSection(
  panel: Panel,
  coverage: Coverage,
  imputation?: ImputeResult,
  options: SectionOptions & { readonly worst?: number } = {},
): ReportSection {
  const lang = options.lang ?? 'en';
  const name = entityNamer(panel.entities, lang);
  const pct = (x: number) => formatNumber(x, { digits: 1, percent: true });
  const blocks: Block[] = [
    {
      kind: 'paragraph',
      text: tf('coverageIntro', lang, {
        observed: coverage.overall.observed,
        total: coverage.overall.total,
        share: pct(coverage.overall.share),
        missingRows: coverage.missingRows,
      }),
    },
  ];
  if (imputation)
    blocks.push({
      kind: 'paragraph',
      text: tf('imputedIntro', lang, {
        method: imputation.method,
        imputed: imputation.imputed.length,
        dropped: imputation.dropped.length,
      }),
    });
  const cols = [...coverage.byColumn].sort((a, b) => a.share - b.share);
  blocks.push({
    kind: 'figure',
    caption: t('coverageByColumn', lang),
    svg: barChart({
      lang,
      categories: cols.map((c) => options.names?.[c.column] ?? c.column),
      series: [{ name: term('share'), values: cols.map((c) => 100 * c.share) }],
      valueName: term('coverageAxis'),
      digits: 1,
    }),
  });
  blocks.push({
    kind: 'figure',
    caption: t('coverageByPeriod', lang),
    svg: lineChart({
      lang,
      periods: coverage.byPeriod.map((p) => p.period),
      series: [{ name: term('share'), values: coverage.byPeriod.map((p) => 100 * p.share) }],
      xName: term('year'),
      yName: term('coverageAxis'),
    }),
  });
  const worst = [...coverage.byEntity].sort((a, b) => a.share - b.share).slice(0, options.worst ?? 10);
  blocks.push({
    kind: 'table',
    caption: t('coverageWorst', lang),
    columns: [
      { key: 'entity', label: term('entity') },
      { key: 'observed', label: term('observed'), format: { digits: 0 } },
      { key: 'total', label: term('cells'), format: { digits: 0 } },
      { key: 'share', label: term('share'), format: { digits: 1, percent: true } },
    ],
    rows: worst.map((e) => ({ entity: name(e.entity), observed: e.observed, total: e.total, share: e.share })),
  });
  if (imputation) blocks.push({ kind: 'notes', notes: imputation.notes });
  return datasetSection('coverage', 'coverageSection', panel, options, blocks);
}
