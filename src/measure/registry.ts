/**
 * The measurement methods, one record each: normalisation, weighting and aggregation. Everything that
 * lists or explains a method reads it from here: option checking (names and aliases), `nqpf measure
 * --help`, the report's methods section (src/report/sections/measure-methods.ts) and the method tables
 * of docs/measure.md (checked against this file by test/measure/registry.test.ts). Adding a method is
 * one record here plus its compute function, an R fixture, and a line in the docs table the test asks
 * for.
 */
import type { Label } from '../core/label.js';
import type { NoteLog } from '../core/notes.js';
import type { Direction } from '../framework/types.js';
import { aggregateArithmetic, aggregateGeometric } from './aggregate.js';
import { criticWeights } from './critic.js';
import { cvWeights } from './cv.js';
import { entropyWeights } from './entropy.js';
import { fixedWeights } from './fixed-weights.js';
import { normalizeIndicator, type NormalizeSpec } from './normalize.js';
import type { AggregateMethod, NormalizeMethod, WeightMethod } from './options.js';
import { toShares } from './shares.js';
import { topsisCloseness } from './topsis.js';
import type { SystemWeights, WeightInput } from './weights.js';

const L = (en: string, zh: string): Label => ({ en, zh });

/** What every method record has. */
export interface MethodRecord<Name extends string, Compute> {
  /** The canonical name, as the CLI option and `result.options` spell it. */
  readonly name: Name;
  /** Other spellings accepted on input (resolved to `name`). */
  readonly aliases: readonly string[];
  /** Short name, English and Chinese. */
  readonly label: Label;
  /** The formula in TeX, one display line per entry (the report renders them). */
  readonly formula: readonly string[];
  /** What the symbols of the formula mean, when not obvious. */
  readonly where?: Label;
  /** The source of the method or of the convention followed. */
  readonly reference: string;
  readonly compute: Compute;
}

/** A normalisation: the indicator's values on the rows used, normalised within each group. */
export interface NormalizeRecord extends MethodRecord<
  NormalizeMethod,
  (
    x: Float64Array,
    direction: Direction,
    groups: readonly Int32Array[],
    spec: Omit<NormalizeSpec, 'method'>,
    name: string,
  ) => Float64Array
> {
  /** Benefit (+) and cost (−) formulas in TeX; `formula` holds both. */
  readonly benefit: string;
  readonly cost: string;
  /** The range of the normalised values, as text. */
  readonly range: string;
}

/** A weighting method: weights of one system's indicators, constant indicators left out with weight 0. */
export type WeightRecord = MethodRecord<WeightMethod, (input: WeightInput, log: NoteLog) => SystemWeights>;

/** An aggregation: scores from the normalised columns and their weights (`groups`: TOPSIS's ideal points). */
export type AggregateRecord = MethodRecord<
  AggregateMethod,
  (
    columns: readonly Float64Array[],
    weights: ArrayLike<number>,
    n: number,
    groups: readonly Int32Array[],
    names: readonly string[],
  ) => Float64Array
>;

function normalizeRecord(
  name: NormalizeMethod,
  r: Omit<NormalizeRecord, 'name' | 'compute' | 'formula'>,
): NormalizeRecord {
  return {
    name,
    ...r,
    formula: [r.benefit, r.cost],
    compute: (x, direction, groups, spec, id) =>
      normalizeIndicator(x, direction, groups, { ...spec, method: name }, id),
  };
}

/** Normalisation methods (`--normalize`). m, M: minimum and maximum over the group (pooled or per period). */
export const NORMALIZATIONS: readonly NormalizeRecord[] = [
  normalizeRecord('minmax', {
    aliases: ['min-max'],
    label: L('Min–max normalisation with direction, values in [0, 1]', '带方向的极差标准化，取值 [0, 1]'),
    benefit: "x'_{ij} = \\frac{x_{ij} - m_j}{M_j - m_j}",
    cost: "x'_{ij} = \\frac{M_j - x_{ij}}{M_j - m_j}",
    range: '[0, 1]',
    reference: 'COINr n_minmax (Becker et al. 2022)',
  }),
  normalizeRecord('minmax-shift', {
    aliases: ['min-max-shift'],
    label: L(
      'Min–max normalisation with direction plus a shift $s$, so that no value is 0',
      '带方向的极差标准化后平移 $s$，避免取值为 0',
    ),
    benefit: "x'_{ij} = \\frac{x_{ij} - m_j}{M_j - m_j} + s",
    cost: "x'_{ij} = \\frac{M_j - x_{ij}}{M_j - m_j} + s",
    range: '[s, 1 + s]',
    reference: 'panel entropy-method papers that add 0.0001 or 0.001 before taking logarithms',
  }),
  normalizeRecord('minmax-range', {
    aliases: ['min-max-range'],
    label: L('Min–max normalisation with direction, rescaled to [$a$, $b$]', '带方向的极差标准化并缩放至 [$a$, $b$]'),
    benefit: "x'_{ij} = a + (b - a)\\frac{x_{ij} - m_j}{M_j - m_j}",
    cost: "x'_{ij} = a + (b - a)\\frac{M_j - x_{ij}}{M_j - m_j}",
    range: '[a, b]',
    reference: 'SPSSAU, entropy method, default interval 0.01–0.99',
  }),
  normalizeRecord('zscore', {
    aliases: ['z-score', 'standardize', 'standardise'],
    label: L('z-score with direction', '带方向的 Z 分数标准化'),
    benefit: "x'_{ij} = \\frac{x_{ij} - \\bar{x}_j}{s_j}",
    cost: "x'_{ij} = -\\frac{x_{ij} - \\bar{x}_j}{s_j}",
    where: L(
      '$\\bar{x}_j$ and $s_j$ are the mean and sample standard deviation ($n - 1$) of indicator $j$.',
      '$\\bar{x}_j$ 与 $s_j$ 为指标 $j$ 的均值与样本标准差（$n - 1$）。',
    ),
    range: 'ℝ',
    reference: 'COINr n_zscore (Becker et al. 2022)',
  }),
  normalizeRecord('ratio', {
    aliases: ['fracmax'],
    label: L(
      'Ratio to the maximum (benefit) or from the minimum (cost)',
      '比值标准化：正向指标除以最大值，负向指标为最小值除以该值',
    ),
    benefit: "x'_{ij} = \\frac{x_{ij}}{M_j}",
    cost: "x'_{ij} = \\frac{m_j}{x_{ij}}",
    range: '(0, 1]',
    reference: 'COINr n_fracmax (Becker et al. 2022) for benefit indicators',
  }),
];

/** Run one weighting function on the non-constant indicators and put the weights back in place. */
function onInformative(
  input: WeightInput,
  f: (idx: number[], names: string[]) => { weights: Float64Array; raw: Float64Array },
): SystemWeights {
  const idx = input.constant.flatMap((c, j) => (c ? [] : [j]));
  const m = input.placed.length;
  if (idx.length === 0) return { weights: new Float64Array(m), raw: new Float64Array(m) };
  const r = f(
    idx,
    idx.map((j) => input.placed[j].indicator.id),
  );
  const expand = (sub: Float64Array) => {
    const out = new Float64Array(m);
    idx.forEach((j, k) => (out[j] = sub[k]));
    return out;
  };
  return { weights: expand(r.weights), raw: expand(r.raw) };
}

/** Weighting methods (`--weights`); two may be combined as `a+b` (the mean of the two vectors). */
export const WEIGHTINGS: readonly WeightRecord[] = [
  {
    name: 'entropy',
    aliases: ['entropy-weight', 'ewm'],
    label: L('Entropy weights', '熵值法权重'),
    formula: [
      "p_{ij} = \\frac{x'_{ij}}{\\sum_i x'_{ij}}",
      'e_j = -k \\sum_i p_{ij} \\ln p_{ij}, \\quad k = \\frac{1}{\\ln n}',
      'w_j = \\frac{1 - e_j}{\\sum_l (1 - e_l)}',
    ],
    where: L(
      '$n$ is the number of observations pooled ($n = N \\cdot T$ for the global panel entropy, $n = N$ within a period); $0 \\cdot \\ln 0 = 0$.',
      '$n$ 为参与计算的观测数（全局面板熵值法 $n = N \\cdot T$，逐年计算时 $n = N$）；约定 $0 \\cdot \\ln 0 = 0$。',
    ),
    reference: 'Shannon (1948); 杨丽 & 孙之淳 (2015), 经济问题 2015(3)',
    compute: (input, log) =>
      onInformative(input, (idx, names) => {
        const r = entropyWeights(
          idx.map((j) => input.normalized[j]),
          names,
          input.periodGroups,
        );
        for (const g of r.skippedGroups) {
          log.warn(
            'entropy-period-skipped',
            `system "${input.system.id}": every indicator is constant in period ${input.periods?.[g] ?? g}; that period is left out of the per-period entropy weights`,
          );
        }
        return r;
      }),
  },
  {
    name: 'critic',
    aliases: [],
    label: L('CRITIC weights (Diakoulaki et al. 1995)', 'CRITIC 权重（Diakoulaki 等，1995）'),
    formula: ['C_j = \\sigma_j \\sum_k (1 - r_{jk})', 'w_j = \\frac{C_j}{\\sum_l C_l}'],
    where: L(
      "$\\sigma_j$ is the sample standard deviation of $x'_j$ and $r_{jk}$ the Pearson correlation of indicators $j$ and $k$ of the same system.",
      "$\\sigma_j$ 为 $x'_j$ 的样本标准差，$r_{jk}$ 为同一系统内指标 $j$ 与 $k$ 的 Pearson 相关系数。",
    ),
    reference: 'Diakoulaki, Mavrotas & Papayannakis (1995), Computers & Operations Research 22(7):763–770',
    compute: (input) => onInformative(input, (idx) => criticWeights(idx.map((j) => input.normalized[j]))),
  },
  {
    name: 'cv',
    aliases: ['coefficient-of-variation', 'variation'],
    label: L('Coefficient-of-variation weights', '变异系数法权重'),
    formula: ['v_j = \\frac{s_j}{|\\bar{x}_j|}', 'w_j = \\frac{v_j}{\\sum_l v_l}'],
    where: L(
      '$s_j$ and $\\bar{x}_j$ are the sample standard deviation and mean of the raw indicator.',
      '$s_j$ 与 $\\bar{x}_j$ 为原始指标的样本标准差与均值。',
    ),
    reference: 'coefficient-of-variation weighting on raw values (unit-free), as in the Chinese evaluation literature',
    compute: (input, log) =>
      onInformative(input, (idx, names) =>
        cvWeights(
          idx.map((j) => input.raw[j]),
          names,
          log,
        ),
      ),
  },
  {
    name: 'equal',
    aliases: ['equal-weights'],
    label: L('Equal weights', '等权重'),
    formula: ['w_j = \\frac{1}{m}'],
    where: L('$m$ is the number of non-constant indicators in the system.', '$m$ 为系统内非常数指标的个数。'),
    reference: 'OECD/JRC (2008), Handbook on Constructing Composite Indicators, §6.1',
    compute: (input) => {
      const raw = Float64Array.from(input.placed, (_, j) => (input.constant[j] ? 0 : 1));
      return { weights: toShares(raw), raw };
    },
  },
  {
    name: 'fixed',
    aliases: ['given'],
    label: L('Fixed weights from the framework', '指标体系中给定的固定权重'),
    formula: ['w_j = \\frac{\\omega_j}{\\sum_l \\omega_l}'],
    where: L('$\\omega_j$ is the weight written in the framework file.', '$\\omega_j$ 为指标体系文件中给定的权重。'),
    reference: 'weights of the framework file, relative to siblings (COINr-style nested weights)',
    compute: (input) => {
      const raw = fixedWeights(input.system, input.placed);
      const kept = Float64Array.from(raw, (w, j) => (input.constant[j] ? 0 : w));
      return { weights: toShares(kept), raw };
    },
  },
];

/** Aggregation methods (`--aggregate`); a dimension's score aggregates its indicators the same way. */
export const AGGREGATIONS: readonly AggregateRecord[] = [
  {
    name: 'arithmetic',
    aliases: ['linear', 'weighted-sum'],
    label: L('Weighted arithmetic mean', '加权算术平均'),
    formula: ["S_i = \\sum_j w_j x'_{ij}", "S_{id} = \\frac{\\sum_{j \\in d} w_j x'_{ij}}{\\sum_{j \\in d} w_j}"],
    where: L(
      '$S_i$ is the index of observation $i$ (an entity in a period) and $S_{id}$ its score on dimension $d$.',
      '$S_i$ 为观测 $i$（某地区某年）的指数，$S_{id}$ 为其在维度 $d$ 上的得分。',
    ),
    reference: 'OECD/JRC (2008), Handbook on Constructing Composite Indicators, §6.2; COINr a_amean',
    compute: (columns, weights, n) => aggregateArithmetic(columns, weights, n),
  },
  {
    name: 'geometric',
    aliases: ['weighted-geometric'],
    label: L('Weighted geometric mean', '加权几何平均'),
    formula: ["S_i = \\prod_j x'^{\\,w_j}_{ij} = \\exp\\left(\\sum_j w_j \\ln x'_{ij}\\right)"],
    reference: 'OECD/JRC (2008), Handbook on Constructing Composite Indicators, §6.2; COINr a_gmean',
    compute: (columns, weights, n, _groups, names) => aggregateGeometric(columns, weights, n, names),
  },
  {
    name: 'topsis',
    aliases: ['entropy-topsis'],
    label: L('TOPSIS closeness (entropy-TOPSIS)', 'TOPSIS 贴近度（熵权-TOPSIS）'),
    formula: [
      "z_{ij} = w_j x'_{ij}",
      'D^{+}_i = \\sqrt{\\sum_j (z_{ij} - z^{+}_j)^2}, \\quad D^{-}_i = \\sqrt{\\sum_j (z_{ij} - z^{-}_j)^2}',
      'C_i = \\frac{D^{-}_i}{D^{+}_i + D^{-}_i}',
    ],
    where: L(
      '$z^{+}_j$ and $z^{-}_j$ are the largest and smallest $z_{ij}$ (the ideal and anti-ideal).',
      '$z^{+}_j$ 与 $z^{-}_j$ 为 $z_{ij}$ 的最大值与最小值（正、负理想解）。',
    ),
    reference: 'Hwang & Yoon (1981), Multiple Attribute Decision Making, Springer, ch. 3',
    compute: (columns, weights, _n, groups) => topsisCloseness(columns, weights, groups),
  },
];

function finder<R extends { name: string; aliases: readonly string[] }>(
  records: readonly R[],
): (name: string) => R | undefined {
  const by = new Map<string, R>();
  for (const r of records) for (const k of [r.name, ...r.aliases]) by.set(k.toLowerCase(), r);
  return (name) => by.get(name.trim().toLowerCase());
}

/** The normalisation named `name` or one of its aliases (case-insensitive); undefined if none. */
export const findNormalization = finder(NORMALIZATIONS);
/** The weighting method named `name` or one of its aliases (case-insensitive); undefined if none. */
export const findWeighting = finder(WEIGHTINGS);
/** The aggregation named `name` or one of its aliases (case-insensitive); undefined if none. */
export const findAggregation = finder(AGGREGATIONS);
