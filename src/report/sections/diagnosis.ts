import type { Panel } from '../../data/panel.js';
import type { DormancyResult } from '../../diagnose/dormancy.js';
import type { DisorderResult } from '../../diagnose/disorder.js';
import type { IsolationResult } from '../../diagnose/isolation.js';
import type { Block, ReportSection } from '../blocks.js';
import { barChart } from '../charts/bar.js';
import { txt } from '../charts/theme.js';
import { entityNamer } from '../entity-label.js';
import { registerTerms, t, tf } from '../i18n.js';
import { datasetSection, type SectionOptions } from './section.js';

registerTerms({
  diagnosisSection: { en: 'Diagnosis: the three problems', zh: '问题诊断：三大问题' },
  diagnosisIntro: {
    en: 'Zhao and Chen (Dalian University of Technology), in their study of how science and technology innovation empowers new quality productive forces, name three problems that slow them: data dormancy (low data utilisation), structural disorder (imbalance between systems) and ecological isolation (regions cut off from each other). Each is read here from results computed in the earlier sections.',
    zh: 'Zhao 与 Chen（大连理工大学马克思主义学院）在关于科技创新赋能新质生产力发展的基本逻辑与作用机制的研究中，指出制约新质生产力发展的三大问题：数据沉睡（数据利用率低）、结构失序（系统间失衡）与生态孤立（区域间联系中断）。本节依据前文结果逐一诊断。',
  },
  dormancyHead: { en: 'Data dormancy', zh: '数据沉睡' },
  dormancyText: {
    en: '{observed}% of indicator cells were observed and {imputed}% were imputed by linear interpolation within entities. {nInd} of {totInd} indicators and {nEnt} of {totEnt} entities have less than {threshold}% of their cells observed (JRC COIN rule of thumb).',
    zh: '指标单元格观测比例为 {observed}%，经个体内线性插值补齐 {imputed}%。{totInd} 个指标中有 {nInd} 个、{totEnt} 个个体中有 {nEnt} 个的观测比例低于 {threshold}%（JRC COIN 经验规则）。',
  },
  dormantIndicators: {
    en: 'Dormant indicators (see the data coverage section): {list}',
    zh: '沉睡指标（见数据覆盖一节）：{list}',
  },
  dormantEntities: { en: 'Dormant entities: {list}', zh: '沉睡个体：{list}' },
  disorderHead: { en: 'Structural disorder', zh: '结构失序' },
  disorderText: {
    en: 'In {period}, the mean coordination degree D is {meanD}; {imbalanced}% of entities are imbalanced (D < {dThreshold}) and {disordered}% are imbalanced or have a lagging or leading system.',
    zh: '{period}年平均协调度 D 为 {meanD}；{imbalanced}% 的个体处于失调状态（D < {dThreshold}），{disordered}% 的个体失调或存在滞后、超前子系统。',
  },
  disorderChart: { en: 'Share of entities imbalanced or disordered, by period', zh: '失调与失序个体占比（按年份）' },
  diag_imbalancedShare: { en: 'Imbalanced (D < threshold)', zh: '失调（D 低于阈值）' },
  diag_disorderedShare: {
    en: 'Disordered (imbalanced or a system lagging/leading)',
    zh: '失序（失调或子系统滞后/超前）',
  },
  diag_shareAxis: { en: 'Share of entities (%)', zh: '个体占比（%）' },
  diag_laggingTable: { en: 'How often each system lags, {period}', zh: '{period}年各子系统滞后次数' },
  diag_system: { en: 'System', zh: '子系统' },
  diag_laggingCount: { en: 'Entities where it lags', zh: '滞后个体数' },
  isolationHead: { en: 'Ecological isolation', zh: '生态孤立' },
  isolationText: {
    en: 'In the local spatial association of {period}, {lowLow} entities sit in significant low-low clusters, {islands} have no neighbour, and {noTie} show no significant spatial tie: {share}% are isolated (low-low or without neighbours).',
    zh: '{period}年局部空间关联中，{lowLow} 个个体位于显著的低-低集聚区，{islands} 个没有邻接个体，{noTie} 个无显著空间关联：{share}% 的个体处于孤立状态（低-低或无邻接）。',
  },
  isolationTable: { en: 'Entities by isolation status', zh: '按孤立状态分列的个体' },
  diag_status: { en: 'Status', zh: '状态' },
  diag_entities: { en: 'Entities', zh: '个体' },
  diag_statusLowLow: { en: 'Low-low cluster', zh: '低-低集聚' },
  diag_statusIsland: { en: 'No neighbour', zh: '无邻接' },
  diag_statusNoTie: { en: 'No significant tie', zh: '无显著关联' },
});

/** The diagnosis results of one dataset, computed elsewhere (src/diagnose). */
export interface DiagnosisInput {
  readonly dormancy: DormancyResult;
  readonly disorder: DisorderResult;
  readonly isolation: IsolationResult;
  /** The period of the LISA result the isolation was read from. */
  readonly isolationPeriod: number;
}

const pct = (x: number) => (Number.isFinite(x) ? (100 * x).toFixed(1) : '—');

/**
 * Zhao and Chen's three problems (data dormancy, structural disorder, ecological isolation) as one report section: data dormancy (observed and imputed shares,
 * dormant indicators), structural disorder (coordination degree and relative development by period)
 * and ecological isolation (low-low clusters, islands, no significant tie). Formats results only.
 */
export function diagnosisSection(panel: Panel, input: DiagnosisInput, options: SectionOptions = {}): ReportSection {
  const lang = options.lang ?? 'en';
  const name = entityNamer(panel.entities, lang);
  const { dormancy, disorder, isolation } = input;
  const lastPeriod = disorder.periods[disorder.periods.length - 1];
  const blocks: Block[] = [
    { kind: 'paragraph', text: t('diagnosisIntro', lang) },
    { kind: 'heading', text: t('dormancyHead', lang) },
    {
      kind: 'paragraph',
      text: tf('dormancyText', lang, {
        observed: pct(dormancy.overallObservedShare),
        imputed: pct(dormancy.overallImputedShare),
        nInd: dormancy.dormantIndicators.length,
        totInd: dormancy.indicators.length,
        nEnt: dormancy.dormantEntities.length,
        totEnt: dormancy.entities.length,
        threshold: Math.round(100 * dormancy.threshold),
      }),
    },
    {
      kind: 'list',
      items: [
        tf('dormantIndicators', lang, { list: dormancy.dormantIndicators.join(', ') || '—' }),
        tf('dormantEntities', lang, { list: dormancy.dormantEntities.map(name).join(', ') || '—' }),
      ],
    },
    { kind: 'heading', text: t('disorderHead', lang) },
  ];
  if (lastPeriod) {
    blocks.push(
      {
        kind: 'paragraph',
        text: tf('disorderText', lang, {
          period: lastPeriod.period,
          meanD: lastPeriod.meanD.toFixed(3),
          imbalanced: pct(lastPeriod.imbalancedShare),
          disordered: pct(lastPeriod.disorderedShare),
          dThreshold: disorder.dThreshold,
        }),
      },
      {
        kind: 'figure',
        caption: t('disorderChart', lang),
        svg: barChart({
          lang,
          orientation: 'vertical',
          categories: disorder.periods.map((p) => String(p.period)),
          series: [
            { name: t('diag_imbalancedShare', lang), values: disorder.periods.map((p) => 100 * p.imbalancedShare) },
            { name: t('diag_disorderedShare', lang), values: disorder.periods.map((p) => 100 * p.disorderedShare) },
          ],
          valueName: t('diag_shareAxis', lang),
        }),
      },
      {
        kind: 'table',
        caption: tf('diag_laggingTable', lang, { period: lastPeriod.period }),
        columns: [
          { key: 'system', label: t('diag_system', lang) },
          { key: 'count', label: t('diag_laggingCount', lang), align: 'right', format: { digits: 0 } },
        ],
        rows: Object.entries(lastPeriod.laggingCount).map(([system, count]) => ({
          system: txt(options.names?.[system] ?? system, lang),
          count,
        })),
      },
    );
  }
  const list = (ids: readonly string[]) => ids.map(name).join(', ') || '—';
  blocks.push(
    { kind: 'heading', text: t('isolationHead', lang) },
    {
      kind: 'paragraph',
      text: tf('isolationText', lang, {
        period: input.isolationPeriod,
        lowLow: isolation.lowLow.length,
        islands: isolation.islands.length,
        noTie: isolation.noSignificantTie.length,
        share: pct(isolation.isolatedShare),
      }),
    },
    {
      kind: 'table',
      caption: t('isolationTable', lang),
      columns: [
        { key: 'status', label: t('diag_status', lang) },
        { key: 'n', label: 'N', align: 'right', format: { digits: 0 } },
        { key: 'entities', label: t('diag_entities', lang) },
      ],
      rows: [
        { status: t('diag_statusLowLow', lang), n: isolation.lowLow.length, entities: list(isolation.lowLow) },
        { status: t('diag_statusIsland', lang), n: isolation.islands.length, entities: list(isolation.islands) },
        {
          status: t('diag_statusNoTie', lang),
          n: isolation.noSignificantTie.length,
          entities: list(isolation.noSignificantTie),
        },
      ],
    },
  );
  return datasetSection('diagnosis', 'diagnosisSection', panel, options, blocks);
}
