import type { Label, Lang } from '../../core/label.js';
import { findAggregation, findNormalization, findWeighting } from '../../measure/registry.js';
import type { MeasureResult } from '../../measure/types.js';
import type { Block } from '../blocks.js';
import { txt } from '../charts/theme.js';
import { t } from '../i18n.js';

const L = (en: string, zh: string): Label => ({ en, zh });

/** The registry's reference of a method, as a small paragraph under its name. */
const reference = (ref: string): Block => ({ kind: 'paragraph', text: L(`Reference: ${ref}.`, `参考：${ref}。`) });

/** Formula blocks of the methods actually used, read from `result.options`; names and formulas from the registry. */
export function methodsBlocks(result: MeasureResult, lang: Lang): Block[] {
  const o = result.options as Record<string, unknown>;
  const normalize = String(o.normalize ?? 'minmax');
  const weights = String(o.weights ?? 'entropy');
  const aggregate = String(o.aggregate ?? 'arithmetic');
  const perPeriod = o.perPeriod === true;
  const blocks: Block[] = [];
  const h = (en: string, zh: string): Block => ({ kind: 'heading', text: L(en, zh), level: 3 });

  blocks.push(h('Normalisation', '标准化'));
  const norm = findNormalization(normalize);
  if (norm) {
    const scope = perPeriod
      ? L(
          '$m_j$ and $M_j$ are the minimum and maximum of indicator $j$ within each period (scores compare within a period only).',
          '$m_j$ 与 $M_j$ 为指标 $j$ 在每一年内的最小值与最大值（得分仅可在同年内比较）。',
        )
      : L(
          '$m_j$ and $M_j$ are the minimum and maximum of indicator $j$ over all entities and periods (pooled), so scores compare across periods.',
          '$m_j$ 与 $M_j$ 为指标 $j$ 在全部地区与年份上的最小值与最大值（混合面板），因此得分可跨年比较。',
        );
    const extra: string[] = [];
    if (normalize === 'minmax-shift') extra.push(`s = ${String(o.shift)}`);
    if (normalize === 'minmax-range' && Array.isArray(o.range)) extra.push(`[a, b] = [${o.range.join(', ')}]`);
    blocks.push({ kind: 'paragraph', text: norm.label, math: true });
    blocks.push(reference(norm.reference));
    blocks.push({ kind: 'formula', label: L('Benefit indicator (+)', '正向指标 (+)'), tex: norm.benefit });
    blocks.push({
      kind: 'formula',
      label: L('Cost indicator (−)', '负向指标 (−)'),
      tex: norm.cost,
      where: `${txt(norm.where ?? scope, lang)}${extra.length ? ` ${extra.map((e) => `$${e}$`).join(', ')}.` : ''}`,
    });
  } else {
    blocks.push({ kind: 'paragraph', text: `${normalize}` });
  }

  blocks.push(h('Weights', '权重'));
  const parts = weights.split('+');
  if (parts.length === 2) {
    blocks.push({
      kind: 'paragraph',
      math: true,
      text: L(
        `Combined weights: the mean of ${parts[0]} and ${parts[1]} weights, $w_j = (w^{(1)}_j + w^{(2)}_j)/2$.`,
        `组合权重：${parts[0]} 与 ${parts[1]} 两种权重的算术平均，$w_j = (w^{(1)}_j + w^{(2)}_j)/2$。`,
      ),
    });
  }
  for (const p of parts) {
    const w = findWeighting(p);
    if (!w) {
      blocks.push({ kind: 'paragraph', text: p });
      continue;
    }
    blocks.push({ kind: 'paragraph', text: w.label });
    blocks.push(reference(w.reference));
    w.formula.forEach((tex, k) =>
      blocks.push({ kind: 'formula', tex, where: k === w.formula.length - 1 ? w.where : undefined }),
    );
    if (p === 'entropy' && perPeriod) {
      blocks.push({
        kind: 'paragraph',
        math: true,
        text: L(
          'Per period: weights $w_{tj}$ are computed within each period $t$ and averaged, $w_j = \\frac{1}{T}\\sum_t w_{tj}$.',
          '逐年计算：在每一年 $t$ 内计算权重 $w_{tj}$ 后取平均，$w_j = \\frac{1}{T}\\sum_t w_{tj}$。',
        ),
      });
    }
  }
  blocks.push({
    kind: 'paragraph',
    text: L(
      'Weights sum to 1 within each system; a dimension’s weight is the sum of its indicators’ weights. A constant indicator carries no information and gets weight 0.',
      '每个系统内权重之和为 1；维度权重为其所含指标权重之和。常数指标不含信息，权重为 0。',
    ),
  });

  blocks.push(h('Aggregation', '集成'));
  const agg = findAggregation(aggregate);
  if (agg) {
    blocks.push({ kind: 'paragraph', text: agg.label });
    blocks.push(reference(agg.reference));
    agg.formula.forEach((tex, k) =>
      blocks.push({ kind: 'formula', tex, where: k === agg.formula.length - 1 ? agg.where : undefined }),
    );
  } else {
    blocks.push({ kind: 'paragraph', text: aggregate });
  }
  blocks.push({
    kind: 'paragraph',
    text: L(
      'Ranks are within each system and period, 1 = highest index.',
      '排名在每个系统、每一年内计算，1 表示指数最高。',
    ),
  });

  blocks.push({
    kind: 'table',
    caption: L('Options used', '所用选项'),
    citation: false,
    columns: [
      { key: 'k', label: t('option', lang) },
      { key: 'v', label: t('value', lang) },
    ],
    rows: Object.entries(o).map(([k, v]) => ({
      k,
      v: Array.isArray(v) ? v.join(', ') : typeof v === 'object' && v !== null ? JSON.stringify(v) : String(v),
    })),
  });
  return blocks;
}
