import type { Panel } from '../../data/panel.js';
import type { ObstacleResult } from '../../measure/obstacle.js';
import type { Block, ReportSection } from '../blocks.js';
import { barChart } from '../charts/bar.js';
import { txt } from '../charts/theme.js';
import { registerTerms, t, term, tf } from '../i18n.js';
import { datasetSection, type SectionOptions } from './section.js';

registerTerms({
  obstacleSection: { en: 'Obstacle degree diagnosis', zh: '障碍度诊断' },
  obstacleIntro: {
    en: 'Obstacle degree O_ij = w_j(1 − x′_ij) / Σ_j w_j(1 − x′_ij) × 100 of each indicator within its system (x′ the normalised value, w the weight). Shown for {period}: the indicators most often among an entity’s top {k} obstacles, with their mean obstacle degree over {n} entities.',
    zh: '障碍度 O_ij = w_j(1 − x′_ij) / Σ_j w_j(1 − x′_ij) × 100，在各系统内计算（x′ 为标准化值，w 为权重）。下列为 {period} 年各地区前 {k} 位障碍因子中出现最多的指标及其在 {n} 个地区上的平均障碍度。',
  },
  topObstacles: { en: 'Top obstacles, {system}, {period}', zh: '主要障碍因子：{system}，{period} 年' },
  meanObstacleAxis: { en: 'Mean obstacle degree (%)', zh: '平均障碍度 (%)' },
  obstacleIndicator: { en: 'Indicator', zh: '指标' },
  obstacleDimension: { en: 'Dimension', zh: '维度' },
  obstacleTopCount: { en: 'Times in top {k}', zh: '进入前 {k} 位次数' },
  obstacleMean: { en: 'Mean obstacle (%)', zh: '平均障碍度 (%)' },
  dimensionObstacles: { en: 'Dimension obstacle degrees (%)', zh: '维度障碍度 (%)' },
});

/** Indicators a bar chart shows (the rest are in the table and the CSV). */
const CHART_INDICATORS = 10;

/**
 * Obstacle degree diagnosis at the last period of each system: a bar chart of the mean obstacle
 * degree of the indicators most often among the entities' top-k obstacles, and the summary table.
 */
export function obstacleSection(panel: Panel, result: ObstacleResult, options: SectionOptions = {}): ReportSection {
  const lang = options.lang ?? 'en';
  const last = Math.max(...result.summary.map((s) => s.period));
  const current = result.summary.filter((s) => s.period === last);
  const label = (id: string) => options.names?.[id] ?? id;
  const blocks: Block[] = [
    {
      kind: 'paragraph',
      text: tf('obstacleIntro', lang, { period: last, k: result.topK, n: current[0]?.entities ?? 0 }),
    },
  ];
  for (const s of current) {
    const shown = s.indicators.slice(0, CHART_INDICATORS);
    const caption = tf('topObstacles', lang, { system: txt(label(s.system), lang), period: last });
    blocks.push(
      {
        kind: 'figure',
        caption,
        svg: barChart({
          lang,
          orientation: 'horizontal',
          categories: shown.map((i) => label(i.id)),
          valueName: term('meanObstacleAxis'),
          series: [{ name: term('meanObstacleAxis'), values: shown.map((i) => i.meanObstacle) }],
          labels: true,
          digits: 2,
        }),
      },
      {
        kind: 'table',
        caption,
        columns: [
          { key: 'id', label: term('obstacleIndicator') },
          { key: 'dimension', label: term('obstacleDimension') },
          {
            key: 'count',
            label: {
              en: tf('obstacleTopCount', 'en', { k: result.topK }),
              zh: tf('obstacleTopCount', 'zh', { k: result.topK }),
            },
          },
          { key: 'mean', label: term('obstacleMean'), format: { digits: 2 } },
        ],
        rows: s.indicators.map((i) => ({
          id: txt(label(i.id), lang),
          dimension: txt(label(i.dimension), lang),
          count: i.topCount,
          mean: i.meanObstacle,
        })),
        note: `${t('dimensionObstacles', lang)}: ${s.dimensions.map((d) => `${txt(label(d.id), lang)} ${d.meanObstacle.toFixed(1)}`).join(', ')}`,
      },
    );
  }
  return datasetSection('obstacle', 'obstacleSection', panel, options, blocks);
}
