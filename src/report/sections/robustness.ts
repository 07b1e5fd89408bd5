import type { Panel } from '../../data/panel.js';
import type { Framework } from '../../framework/types.js';
import type { SystemSensitivity } from '../../robustness/sensitivity.js';
import type { Block, ReportSection } from '../blocks.js';
import { barChart } from '../charts/bar.js';
import { txt } from '../charts/theme.js';
import { rankUncertaintyChart } from '../charts/uncertainty.js';
import { entityNamer } from '../entity-label.js';
import { registerTerms, t, tf } from '../i18n.js';
import { datasetSection, frameworkNames, type SectionOptions } from './section.js';

registerTerms({
  robustnessSection: { en: 'Robustness of the index', zh: '指数稳健性检验' },
  rob_intro: {
    en: 'How much do the ranks depend on the analyst’s choices? Each of {runs} runs recomputes the index exactly as nqpf measure does, with the choices drawn at random: {factors}. Discrete choices are drawn uniformly over their levels; the nominal run uses the first level of each. Following the JRC audits of composite indicators (OECD/JRC Handbook 2008; COINr), the section reports the uncertainty of each rank, variance-based sensitivity indices of the mean absolute rank shift (Saltelli 2010 first-order, Jansen 1999 total, N = {n}), the effect of leaving out each indicator and dimension, and the statistical coherence of the framework, for {year}.',
    zh: '排名在多大程度上取决于研究者的建模选择？共进行 {runs} 次运行，每次随机抽取以下选择并按 nqpf measure 的算法完整重算指数：{factors}。离散选择在各水平间等概率抽取；名义方案取每个因素的第一个水平。参照欧盟联合研究中心（JRC）对综合指数的审计方法（OECD/JRC《综合指数构建手册》2008；COINr），本节报告 {year} 年各地区排名的不确定性、以平均绝对排名变动为输出的方差分解敏感性指数（一阶指数用 Saltelli 2010 估计量，总效应指数用 Jansen 1999 估计量，N = {n}）、逐一剔除指标和维度的影响，以及指标体系的统计一致性。',
  },
  rob_system: { en: 'System: {system}', zh: '系统：{system}' },
  rob_uncertaintyCaption: {
    en: '{system}: rank in {year} over {runs} runs (nominal order)',
    zh: '{system}：{runs} 次运行下 {year} 年排名（按名义排名排序）',
  },
  rob_uncertaintyNote: {
    en: 'Bar: 5th–95th percentile of the rank over the runs; tick: median rank; dot: nominal rank (COINr plot_uncertainty).',
    zh: '条形：各次运行排名的第 5 至第 95 百分位；短横线：排名中位数；圆点：名义排名（同 COINr plot_uncertainty）。',
  },
  rob_band: { en: '5–95% of runs', zh: '5%–95% 区间' },
  rob_median: { en: 'Median rank', zh: '排名中位数' },
  rob_nominal: { en: 'Nominal rank', zh: '名义排名' },
  rob_rank: { en: 'Rank', zh: '排名' },
  rob_sobolCaption: {
    en: '{system}: sensitivity of the mean absolute rank shift to each choice',
    zh: '{system}：平均绝对排名变动对各建模选择的敏感性',
  },
  rob_sobolNote: {
    en: 'First-order index: share of the output variance due to the choice alone; total index: including its interactions. 95% bootstrap intervals in the table.',
    zh: '一阶指数：该选择单独解释的输出方差比例；总效应指数：包括其与其他选择的交互作用。95% 自助法置信区间见下表。',
  },
  rob_firstOrder: { en: 'First order', zh: '一阶指数' },
  rob_total: { en: 'Total', zh: '总效应指数' },
  rob_index: { en: 'Sensitivity index', zh: '敏感性指数' },
  rob_factor: { en: 'Choice', zh: '建模选择' },
  rob_levels: { en: 'Levels', zh: '水平' },
  rob_ci: { en: '95% CI', zh: '95% 置信区间' },
  rob_sobolTable: { en: '{system}: sensitivity indices', zh: '{system}：敏感性指数' },
  rob_removalTable: {
    en: '{system}: rank change when one element is left out ({year})',
    zh: '{system}：逐一剔除指标或维度后的排名变化（{year} 年）',
  },
  rob_removalNote: {
    en: 'Weights are recomputed without the element, the other choices at their nominal level (COINr remove_elements). Mean and largest absolute change in rank over the entities.',
    zh: '剔除后按名义方案重新计算权重及指数（同 COINr remove_elements）。表中为各地区排名绝对变化的均值和最大值。',
  },
  rob_removed: { en: 'Left out', zh: '剔除对象' },
  rob_level: { en: 'Level', zh: '层级' },
  rob_level_indicator: { en: 'indicator', zh: '指标' },
  rob_level_dimension: { en: 'dimension', zh: '维度' },
  rob_meanShift: { en: 'Mean |Δ rank|', zh: '平均 |排名变化|' },
  rob_maxShift: { en: 'Max |Δ rank|', zh: '最大 |排名变化|' },
  rob_mostMoved: { en: 'Most moved', zh: '变化最大的地区' },
  rob_coherenceTable: {
    en: '{system}: correlation of each normalised indicator with its dimension and the index ({year})',
    zh: '{system}：各标准化指标与所属维度及指数的相关系数（{year} 年）',
  },
  rob_coherenceNote: {
    en: 'Pearson r and Spearman ρ across entities. Weak or negative correlations flag indicators that pull against their dimension (JRC audit practice).',
    zh: '跨地区的 Pearson 相关系数 r 与 Spearman 秩相关系数 ρ。相关较弱或为负的指标与所属维度方向不一致（JRC 审计惯例）。',
  },
  rob_dimensionTable: {
    en: '{system}: internal consistency of each dimension ({year})',
    zh: '{system}：各维度的内部一致性（{year} 年）',
  },
  rob_dimensionNote: {
    en: 'Cronbach’s α of the dimension’s normalised indicators; eigenvalues of their correlation matrix (PCA) and the share of variance of the first component; correlation of the dimension score with the index.',
    zh: '维度内标准化指标的 Cronbach α 系数；指标相关矩阵的特征值（主成分分析）及第一主成分的方差贡献率；维度得分与指数的相关系数。',
  },
  rob_indicator: { en: 'Indicator', zh: '指标' },
  rob_dimension: { en: 'Dimension', zh: '维度' },
  rob_rDim: { en: 'r (dimension)', zh: 'r（维度）' },
  rob_rhoDim: { en: 'ρ (dimension)', zh: 'ρ（维度）' },
  rob_rIndex: { en: 'r (index)', zh: 'r（指数）' },
  rob_rhoIndex: { en: 'ρ (index)', zh: 'ρ（指数）' },
  rob_alpha: { en: 'Cronbach’s α', zh: 'Cronbach α' },
  rob_nInd: { en: 'Indicators', zh: '指标数' },
  rob_eigen: { en: 'Eigenvalues', zh: '特征值' },
  rob_pc1: { en: 'PC1 share', zh: '第一主成分贡献率' },
  factor_weights: { en: 'weighting method', zh: '赋权方法' },
  factor_normalize: { en: 'normalisation', zh: '标准化方法' },
  factor_aggregate: { en: 'aggregation', zh: '集成方法' },
  factor_impute: { en: 'imputation', zh: '缺失值插补' },
  'factor_per-period': { en: 'per-period normalisation', zh: '分年标准化' },
  'factor_perturb-weights': { en: 'weight perturbation', zh: '权重扰动' },
  'factor_drop-indicators': { en: 'one indicator left out', zh: '剔除单个指标' },
});

/**
 * The report's Robustness section (the JRC audit of a composite index) for the analysed systems of
 * one dataset: per system the rank-uncertainty chart, the first-order vs total sensitivity indices
 * (chart and table with intervals), the leave-one-out table and the coherence tables. Formats the
 * results of `sensitivity` only.
 */
export function robustnessSection(
  panel: Panel,
  framework: Framework,
  systems: readonly SystemSensitivity[],
  options: SectionOptions = {},
): ReportSection {
  const lang = options.lang ?? 'en';
  const names = { ...frameworkNames(framework), ...options.names };
  const label = (id: string) => txt(names[id] ?? id, lang);
  const entity = entityNamer(panel.entities, lang);
  const first = systems[0];
  const factorLabel = (f: string) => t(`factor_${f}`, lang);
  const levelText = (f: { name: string; levels: readonly (string | number)[] }) =>
    f.name === 'perturb-weights'
      ? `×U(${f.levels[0]}, ${f.levels[1]})`
      : f.name === 'drop-indicators'
        ? `none + ${f.levels.length - 1}`
        : f.levels.join(' / ');
  const blocks: Block[] = [];
  if (first) {
    blocks.push({
      kind: 'paragraph',
      text: tf('rob_intro', lang, {
        runs: first.runs,
        n: first.baseSample,
        year: first.year,
        factors: first.factors.map((f) => `${factorLabel(f.name)} (${levelText(f)})`).join(lang === 'zh' ? '；' : '; '),
      }),
    });
  }
  for (const s of systems) {
    const sys = label(s.system);
    const v = { system: sys, year: s.year, runs: s.runs };
    if (systems.length > 1) blocks.push({ kind: 'heading', text: tf('rob_system', lang, { system: sys }) });
    blocks.push(
      {
        kind: 'figure',
        caption: tf('rob_uncertaintyCaption', lang, v),
        note: t('rob_uncertaintyNote', lang),
        svg: rankUncertaintyChart({
          lang,
          entities: s.uncertainty.map((u) => ({
            label: entity(u.entity),
            nominal: u.nominalRank,
            median: u.medianRank,
            lo: u.q05,
            hi: u.q95,
          })),
          rankName: t('rob_rank', lang),
          names: [t('rob_band', lang), t('rob_median', lang), t('rob_nominal', lang)],
        }),
      },
      {
        kind: 'figure',
        caption: tf('rob_sobolCaption', lang, v),
        note: t('rob_sobolNote', lang),
        svg: barChart({
          lang,
          categories: s.sensitivity.map((x) => factorLabel(x.factor)),
          series: [
            { name: t('rob_firstOrder', lang), values: s.sensitivity.map((x) => Math.max(0, x.firstOrder)) },
            { name: t('rob_total', lang), values: s.sensitivity.map((x) => x.total) },
          ],
          valueName: t('rob_index', lang),
        }),
      },
      {
        kind: 'table',
        caption: tf('rob_sobolTable', lang, v),
        columns: [
          { key: 'factor', label: t('rob_factor', lang) },
          { key: 'levels', label: t('rob_levels', lang) },
          { key: 'first', label: t('rob_firstOrder', lang), align: 'right' },
          { key: 'firstCi', label: t('rob_ci', lang), align: 'right' },
          { key: 'total', label: t('rob_total', lang), align: 'right' },
          { key: 'totalCi', label: t('rob_ci', lang), align: 'right' },
        ],
        rows: s.sensitivity.map((x) => {
          const f = s.factors.find((g) => g.name === x.factor)!;
          return {
            factor: factorLabel(x.factor),
            levels: levelText(f),
            first: x.firstOrder,
            firstCi: ci(x.firstOrderCi),
            total: x.total,
            totalCi: ci(x.totalCi),
          };
        }),
      },
    );
    if (s.removal.length) {
      blocks.push({
        kind: 'table',
        caption: tf('rob_removalTable', lang, v),
        note: t('rob_removalNote', lang),
        columns: [
          { key: 'removed', label: t('rob_removed', lang) },
          { key: 'level', label: t('rob_level', lang) },
          { key: 'mean', label: t('rob_meanShift', lang), align: 'right', format: { digits: 2 } },
          { key: 'max', label: t('rob_maxShift', lang), align: 'right', format: { digits: 0 } },
          { key: 'moved', label: t('rob_mostMoved', lang) },
        ],
        rows: s.removal.map((r) => {
          const top = [...r.changes]
            .filter((c) => Number.isFinite(c.change))
            .sort((a, b) => Math.abs(b.change) - Math.abs(a.change))[0];
          return {
            removed: label(r.id),
            level: t(`rob_level_${r.level}`, lang),
            mean: r.meanAbsRankChange,
            max: r.maxAbsRankChange,
            moved: top && top.change !== 0 ? `${entity(top.entity)} (${top.change > 0 ? '+' : ''}${top.change})` : '—',
          };
        }),
      });
    }
    blocks.push(
      {
        kind: 'table',
        caption: tf('rob_coherenceTable', lang, v),
        note: t('rob_coherenceNote', lang),
        columns: [
          { key: 'indicator', label: t('rob_indicator', lang) },
          { key: 'dimension', label: t('rob_dimension', lang) },
          { key: 'rd', label: t('rob_rDim', lang), align: 'right', format: { digits: 2 } },
          { key: 'sd', label: t('rob_rhoDim', lang), align: 'right', format: { digits: 2 } },
          { key: 'ri', label: t('rob_rIndex', lang), align: 'right', format: { digits: 2 } },
          { key: 'si', label: t('rob_rhoIndex', lang), align: 'right', format: { digits: 2 } },
        ],
        rows: s.coherence.indicators.map((c) => ({
          indicator: label(c.id),
          dimension: label(c.dimension),
          rd: c.pearsonDimension,
          sd: c.spearmanDimension,
          ri: c.pearsonIndex,
          si: c.spearmanIndex,
        })),
      },
      {
        kind: 'table',
        caption: tf('rob_dimensionTable', lang, v),
        note: t('rob_dimensionNote', lang),
        columns: [
          { key: 'dimension', label: t('rob_dimension', lang) },
          { key: 'k', label: t('rob_nInd', lang), align: 'right', format: { digits: 0 } },
          { key: 'alpha', label: t('rob_alpha', lang), align: 'right', format: { digits: 2 } },
          { key: 'eigen', label: t('rob_eigen', lang), align: 'right' },
          { key: 'pc1', label: t('rob_pc1', lang), align: 'right', format: { digits: 1, percent: true } },
          { key: 'ri', label: t('rob_rIndex', lang), align: 'right', format: { digits: 2 } },
        ],
        rows: s.coherence.dimensions.map((d) => ({
          dimension: label(d.id),
          k: d.indicators,
          alpha: d.cronbachAlpha,
          eigen: d.eigenvalues.map((l) => (Number.isFinite(l) ? l.toFixed(2) : '—')).join(', '),
          pc1: d.varianceShare[0],
          ri: d.pearsonIndex,
        })),
      },
    );
  }
  return datasetSection('robustness', 'robustnessSection', panel, options, blocks);
}

const ci = ([lo, hi]: readonly [number, number]) =>
  Number.isFinite(lo) ? `[${lo.toFixed(3)}, ${hi.toFixed(3)}]` : '—';
