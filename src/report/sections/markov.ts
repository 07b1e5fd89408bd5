import type { Panel } from '../../data/panel.js';
import type { MarkovResult, TransitionMatrix } from '../../dynamics/markov-chain.js';
import type { SpatialMarkovResult } from '../../dynamics/spatial-markov.js';
import type { Block, ReportSection } from '../blocks.js';
import { heatmapChart } from '../charts/heatmap.js';
import { txt } from '../charts/theme.js';
import { registerTerms, t, term, tf } from '../i18n.js';
import { datasetSection, type SectionOptions } from './section.js';

registerTerms({
  markovSection: { en: 'Markov chain of quantile classes', zh: '分位数类型的马尔可夫链' },
  spatialMarkovSection: { en: 'Spatial Markov chain of quantile classes', zh: '分位数类型的空间马尔可夫链' },
  markovIntro: {
    en: '{value} in {k} quantile classes (breaks {breaks}); {n} transitions between consecutive periods. Cell (i, j): the probability that an entity in class i moves to class j in the next period (class 1 = lowest).',
    zh: '{value}分为 {k} 个分位数类型（断点{breaks}），相邻两期共 {n} 次转移。单元格 (i, j)：本期处于类型 i 的地区下一期转为类型 j 的概率（类型 1 最低）。',
  },
  breaksPooled: { en: 'pooled over all periods', zh: '按全部时期合并计算' },
  breaksPerPeriod: { en: 'per period', zh: '逐期计算' },
  transitionMatrix: { en: 'Transition probabilities', zh: '转移概率矩阵' },
  conditionalMatrix: {
    en: 'Transition probabilities, neighbours in class {lag}',
    zh: '转移概率矩阵：邻域处于类型 {lag}',
  },
  fromClass: { en: 'From class', zh: '期初类型' },
  classN: { en: 'Class {i}', zh: '类型 {i}' },
  probability: { en: 'Probability', zh: '概率' },
  ergodicRow: { en: 'Ergodic distribution', zh: '稳态分布' },
  transitionsN: { en: 'n', zh: '转移数' },
  homogeneity: {
    en: 'Homogeneity test (the conditional matrices equal the pooled one): LR = {lr} (p = {plr}), Q = {q} (p = {pq}), df = {df}.',
    zh: '同质性检验（各条件矩阵与总体矩阵相同）：LR = {lr}（p = {plr}），Q = {q}（p = {pq}），自由度 {df}。',
  },
});

const classLabels = (k: number) =>
  Array.from({ length: k }, (_, i) => ({ en: tf('classN', 'en', { i: i + 1 }), zh: tf('classN', 'zh', { i: i + 1 }) }));

function matrixBlocks(
  m: TransitionMatrix,
  ergodic: readonly number[],
  k: number,
  caption: string,
  lang: 'en' | 'zh',
): Block[] {
  const labels = classLabels(k);
  const cols = labels.map((_, j) => ({ key: `c${j}`, label: labels[j], format: { digits: 3 } }));
  return [
    {
      kind: 'figure',
      caption,
      svg: heatmapChart({
        lang,
        rows: labels,
        columns: labels,
        values: m.probabilities,
        min: 0,
        max: 1,
        valueName: term('probability'),
        cellLabels: true,
        digits: 3,
      }),
    },
    {
      kind: 'table',
      caption,
      columns: [{ key: 'from', label: term('fromClass') }, { key: 'n', label: term('transitionsN') }, ...cols],
      rows: [
        ...m.probabilities.map((row, i) => ({
          from: txt(labels[i], lang),
          n: m.rowTotals[i],
          ...Object.fromEntries(row.map((p, j) => [`c${j}`, p])),
        })),
        {
          from: t('ergodicRow', lang),
          n: '',
          ...Object.fromEntries(ergodic.map((p, j) => [`c${j}`, p])),
        },
      ],
    },
  ];
}

/**
 * Markov chain of quantile classes (Quah's distribution dynamics): the transition matrix as a
 * heatmap and a table with the ergodic distribution; for a spatial Markov chain (Rey 2001) one
 * matrix per neighbourhood class and the homogeneity test.
 */
export function markovSection(
  panel: Panel,
  result:
    | { readonly kind: 'classical'; readonly result: MarkovResult }
    | { readonly kind: 'spatial'; readonly result: SpatialMarkovResult },
  options: SectionOptions = {},
): ReportSection {
  const lang = options.lang ?? 'en';
  const r = result.result;
  const blocks: Block[] = [
    {
      kind: 'paragraph',
      text: tf('markovIntro', lang, {
        value: txt(options.names?.[r.value] ?? r.value, lang),
        k: r.k,
        breaks: t(r.classes === 'pooled' ? 'breaksPooled' : 'breaksPerPeriod', lang),
        n: r.nTransitions,
      }),
    },
  ];
  if (result.kind === 'classical') {
    const m = result.result;
    blocks.push(...matrixBlocks(m.transitions, m.ergodic, m.k, t('transitionMatrix', lang), lang));
    return datasetSection('markov', 'markovSection', panel, options, blocks);
  }
  const s = result.result;
  s.conditional.forEach((m, l) =>
    blocks.push(...matrixBlocks(m, s.ergodic[l], s.k, tf('conditionalMatrix', lang, { lag: l + 1 }), lang)),
  );
  blocks.push({
    kind: 'paragraph',
    text: tf('homogeneity', lang, {
      lr: s.test.LR.toFixed(3),
      plr: s.test.pLR.toFixed(4),
      q: s.test.chi2.toFixed(3),
      pq: s.test.pChi2.toFixed(4),
      df: s.test.df,
    }),
  });
  return datasetSection('markov', 'spatialMarkovSection', panel, options, blocks);
}
