import type { Label, Lang } from '../../core/label.js';
import type { MeasureResult } from '../../measure/types.js';
import type { Block } from '../blocks.js';
import { txt } from '../charts/theme.js';
import { t } from '../i18n.js';

const L = (en: string, zh: string): Label => ({ en, zh });

const NORMALIZE: Record<string, { name: Label; benefit: string; cost: string; where?: Label }> = {
  minmax: {
    name: L('Min–max normalisation with direction, values in [0, 1]', '带方向的极差标准化，取值 [0, 1]'),
    benefit: "x'_{ij} = \\frac{x_{ij} - m_j}{M_j - m_j}",
    cost: "x'_{ij} = \\frac{M_j - x_{ij}}{M_j - m_j}",
  },
  'minmax-shift': {
    name: L('Min–max normalisation with direction plus a shift $s$, so that no value is 0', '带方向的极差标准化后平移 $s$，避免取值为 0'),
    benefit: "x'_{ij} = \\frac{x_{ij} - m_j}{M_j - m_j} + s",
    cost: "x'_{ij} = \\frac{M_j - x_{ij}}{M_j - m_j} + s",
  },
  'minmax-range': {
    name: L('Min–max normalisation with direction, rescaled to [$a$, $b$]', '带方向的极差标准化并缩放至 [$a$, $b$]'),
    benefit: "x'_{ij} = a + (b - a)\\frac{x_{ij} - m_j}{M_j - m_j}",
    cost: "x'_{ij} = a + (b - a)\\frac{M_j - x_{ij}}{M_j - m_j}",
  },
  zscore: {
    name: L('z-score with direction', '带方向的 Z 分数标准化'),
    benefit: "x'_{ij} = \\frac{x_{ij} - \\bar{x}_j}{s_j}",
    cost: "x'_{ij} = -\\frac{x_{ij} - \\bar{x}_j}{s_j}",
    where: L('$\\bar{x}_j$ and $s_j$ are the mean and sample standard deviation ($n - 1$) of indicator $j$.', '$\\bar{x}_j$ 与 $s_j$ 为指标 $j$ 的均值与样本标准差（$n - 1$）。'),
  },
  ratio: {
    name: L('Ratio to the maximum (benefit) or from the minimum (cost)', '比值标准化：正向指标除以最大值，负向指标为最小值除以该值'),
    benefit: "x'_{ij} = \\frac{x_{ij}}{M_j}",
    cost: "x'_{ij} = \\frac{m_j}{x_{ij}}",
  },
};

const WEIGHTS: Record<string, { name: Label; tex: string[]; where: Label }> = {
  entropy: {
    name: L('Entropy weights', '熵值法权重'),
    tex: ["p_{ij} = \\frac{x'_{ij}}{\\sum_i x'_{ij}}", 'e_j = -k \\sum_i p_{ij} \\ln p_{ij}, \\quad k = \\frac{1}{\\ln n}', 'w_j = \\frac{1 - e_j}{\\sum_l (1 - e_l)}'],
    where: L('$n$ is the number of observations pooled ($n = N \\cdot T$ for the global panel entropy, $n = N$ within a period); $0 \\cdot \\ln 0 = 0$.', '$n$ 为参与计算的观测数（全局面板熵值法 $n = N \\cdot T$，逐年计算时 $n = N$）；约定 $0 \\cdot \\ln 0 = 0$。'),
  },
  critic: {
    name: L('CRITIC weights (Diakoulaki et al. 1995)', 'CRITIC 权重（Diakoulaki 等，1995）'),
    tex: ['C_j = \\sigma_j \\sum_k (1 - r_{jk})', 'w_j = \\frac{C_j}{\\sum_l C_l}'],
    where: L("$\\sigma_j$ is the sample standard deviation of $x'_j$ and $r_{jk}$ the Pearson correlation of indicators $j$ and $k$ of the same system.", "$\\sigma_j$ 为 $x'_j$ 的样本标准差，$r_{jk}$ 为同一系统内指标 $j$ 与 $k$ 的 Pearson 相关系数。"),
  },
  cv: {
    name: L('Coefficient-of-variation weights', '变异系数法权重'),
    tex: ['v_j = \\frac{s_j}{|\\bar{x}_j|}', 'w_j = \\frac{v_j}{\\sum_l v_l}'],
    where: L('$s_j$ and $\\bar{x}_j$ are the sample standard deviation and mean of the raw indicator.', '$s_j$ 与 $\\bar{x}_j$ 为原始指标的样本标准差与均值。'),
  },
  equal: {
    name: L('Equal weights', '等权重'),
    tex: ['w_j = \\frac{1}{m}'],
    where: L('$m$ is the number of indicators in the system.', '$m$ 为系统内指标个数。'),
  },
  fixed: {
    name: L('Fixed weights from the framework', '指标体系中给定的固定权重'),
    tex: ['w_j = \\frac{\\omega_j}{\\sum_l \\omega_l}'],
    where: L('$\\omega_j$ is the weight written in the framework file.', '$\\omega_j$ 为指标体系文件中给定的权重。'),
  },
};

const AGGREGATE: Record<string, { name: Label; tex: string[]; where?: Label }> = {
  arithmetic: {
    name: L('Weighted arithmetic mean', '加权算术平均'),
    tex: ["S_i = \\sum_j w_j x'_{ij}", "S_{id} = \\frac{\\sum_{j \\in d} w_j x'_{ij}}{\\sum_{j \\in d} w_j}"],
    where: L('$S_i$ is the index of observation $i$ (an entity in a period) and $S_{id}$ its score on dimension $d$.', '$S_i$ 为观测 $i$（某地区某年）的指数，$S_{id}$ 为其在维度 $d$ 上的得分。'),
  },
  geometric: {
    name: L('Weighted geometric mean', '加权几何平均'),
    tex: ["S_i = \\prod_j x'^{\\,w_j}_{ij} = \\exp\\left(\\sum_j w_j \\ln x'_{ij}\\right)"],
  },
  topsis: {
    name: L('TOPSIS closeness (entropy-TOPSIS)', 'TOPSIS 贴近度（熵权-TOPSIS）'),
    tex: ["z_{ij} = w_j x'_{ij}", 'D^{+}_i = \\sqrt{\\sum_j (z_{ij} - z^{+}_j)^2}, \\quad D^{-}_i = \\sqrt{\\sum_j (z_{ij} - z^{-}_j)^2}', 'C_i = \\frac{D^{-}_i}{D^{+}_i + D^{-}_i}'],
    where: L('$z^{+}_j$ and $z^{-}_j$ are the largest and smallest $z_{ij}$ (the ideal and anti-ideal).', '$z^{+}_j$ 与 $z^{-}_j$ 为 $z_{ij}$ 的最大值与最小值（正、负理想解）。'),
  },
};

/** Formula blocks of the methods actually used, read from `result.options`. */
export function methodsBlocks(result: MeasureResult, lang: Lang): Block[] {
  const o = result.options as Record<string, unknown>;
  const normalize = String(o.normalize ?? 'minmax');
  const weights = String(o.weights ?? 'entropy');
  const aggregate = String(o.aggregate ?? 'arithmetic');
  const perPeriod = o.perPeriod === true;
  const blocks: Block[] = [];
  const h = (en: string, zh: string): Block => ({ kind: 'heading', text: L(en, zh), level: 3 });

  blocks.push(h('Normalisation', '标准化'));
  const norm = NORMALIZE[normalize];
  if (norm) {
    const scope = perPeriod
      ? L('$m_j$ and $M_j$ are the minimum and maximum of indicator $j$ within each period (scores compare within a period only).', '$m_j$ 与 $M_j$ 为指标 $j$ 在每一年内的最小值与最大值（得分仅可在同年内比较）。')
      : L('$m_j$ and $M_j$ are the minimum and maximum of indicator $j$ over all entities and periods (pooled), so scores compare across periods.', '$m_j$ 与 $M_j$ 为指标 $j$ 在全部地区与年份上的最小值与最大值（混合面板），因此得分可跨年比较。');
    const extra: string[] = [];
    if (normalize === 'minmax-shift') extra.push(`s = ${String(o.shift)}`);
    if (normalize === 'minmax-range' && Array.isArray(o.range)) extra.push(`[a, b] = [${o.range.join(', ')}]`);
    blocks.push({ kind: 'paragraph', text: norm.name, math: true });
    blocks.push({ kind: 'formula', label: L('Benefit indicator (+)', '正向指标 (+)'), tex: norm.benefit });
    blocks.push({ kind: 'formula', label: L('Cost indicator (−)', '负向指标 (−)'), tex: norm.cost, where: `${txt(norm.where ?? scope, lang)}${extra.length ? ` ${extra.map((e) => `$${e}$`).join(', ')}.` : ''}` });
  } else {
    blocks.push({ kind: 'paragraph', text: `${normalize}` });
  }

  blocks.push(h('Weights', '权重'));
  const parts = weights.split('+');
  if (parts.length === 2) {
    blocks.push({ kind: 'paragraph', math: true, text: L(`Combined weights: the mean of ${parts[0]} and ${parts[1]} weights, $w_j = (w^{(1)}_j + w^{(2)}_j)/2$.`, `组合权重：${parts[0]} 与 ${parts[1]} 两种权重的算术平均，$w_j = (w^{(1)}_j + w^{(2)}_j)/2$。`) });
  }
  for (const p of parts) {
    const w = WEIGHTS[p];
    if (!w) {
      blocks.push({ kind: 'paragraph', text: p });
      continue;
    }
    blocks.push({ kind: 'paragraph', text: w.name });
    w.tex.forEach((tex, k) => blocks.push({ kind: 'formula', tex, where: k === w.tex.length - 1 ? w.where : undefined }));
    if (p === 'entropy' && perPeriod) {
      blocks.push({ kind: 'paragraph', math: true, text: L('Per period: weights $w_{tj}$ are computed within each period $t$ and averaged, $w_j = \\frac{1}{T}\\sum_t w_{tj}$.', '逐年计算：在每一年 $t$ 内计算权重 $w_{tj}$ 后取平均，$w_j = \\frac{1}{T}\\sum_t w_{tj}$。') });
    }
  }
  blocks.push({ kind: 'paragraph', text: L('Weights sum to 1 within each system; a dimension’s weight is the sum of its indicators’ weights. A constant indicator carries no information and gets weight 0.', '每个系统内权重之和为 1；维度权重为其所含指标权重之和。常数指标不含信息，权重为 0。') });

  blocks.push(h('Aggregation', '集成'));
  const agg = AGGREGATE[aggregate];
  if (agg) {
    blocks.push({ kind: 'paragraph', text: agg.name });
    agg.tex.forEach((tex, k) => blocks.push({ kind: 'formula', tex, where: k === agg.tex.length - 1 ? agg.where : undefined }));
  } else {
    blocks.push({ kind: 'paragraph', text: aggregate });
  }
  blocks.push({ kind: 'paragraph', text: L('Ranks are within each system and period, 1 = highest index.', '排名在每个系统、每一年内计算，1 表示指数最高。') });

  blocks.push({
    kind: 'table',
    caption: L('Options used', '所用选项'),
    citation: false,
    columns: [
      { key: 'k', label: t('option', lang) },
      { key: 'v', label: t('value', lang) },
    ],
    rows: Object.entries(o).map(([k, v]) => ({ k, v: Array.isArray(v) ? v.join(', ') : typeof v === 'object' && v !== null ? JSON.stringify(v) : String(v) })),
  });
  return blocks;
}
