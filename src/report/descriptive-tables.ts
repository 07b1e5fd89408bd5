/**
 * The first two tables of an empirical chapter as {@link PaperTable}s: descriptive statistics and the
 * correlation matrix with stars. They format results computed elsewhere (src/explain/summary-stats.ts,
 * src/explain/correlation.ts); nothing here computes a statistic.
 */
import type { Lang } from '../core/label.js';
import type { SummaryRow } from '../explain/summary-stats.js';
import { formatNumber } from './html.js';
import type { PaperTable } from './paper-table.js';
import { starsFor } from './regression-table.js';

/** One row of the descriptive table (the `variables` items of `nqpf describe --json`). */
export type DescribeRow = Pick<SummaryRow, 'n' | 'mean' | 'sd' | 'min' | 'p25' | 'median' | 'p75' | 'max'> & {
  readonly name: string;
  /** The variable label (Stata/SPSS), or the name. */
  readonly label?: string;
};

/** Options of the table renderers. */
export interface StatTableOptions {
  readonly lang?: Lang;
  /** Decimals (default 3). */
  readonly digits?: number;
  /** Title (default "Descriptive statistics" / "描述性统计", "Correlation matrix" / "相关系数矩阵"). */
  readonly title?: string;
  /** Further notes (source, SIMULATED data). */
  readonly notes?: readonly string[];
}

const HEAD = {
  en: ['Variable', 'Label', 'N', 'Mean', 'SD', 'Min', 'P25', 'Median', 'P75', 'Max'],
  zh: ['变量', '变量名称', '观测值', '均值', '标准差', '最小值', 'P25', '中位数', 'P75', '最大值'],
};

/**
 * Descriptive statistics, one row per variable: N, mean, SD (n − 1), min, quartiles (R type 7),
 * median, max. A label column appears when any variable has a label (Stata/SPSS variable labels).
 */
export function describeTable(rows: readonly DescribeRow[], options: StatTableOptions = {}): PaperTable {
  const lang = options.lang ?? 'en';
  const d = { digits: options.digits ?? 3 };
  const withLabel = rows.some((r) => r.label && r.label !== r.name);
  const head = HEAD[lang].filter((_, j) => withLabel || j !== 1);
  return {
    title: options.title ?? (lang === 'zh' ? '描述性统计' : 'Descriptive statistics'),
    header: [head],
    rows: rows.map((r) => ({
      cells: [
        r.name,
        ...(withLabel ? [r.label ?? ''] : []),
        formatNumber(r.n, { digits: 0 }),
        ...[r.mean, r.sd, r.min, r.p25, r.median, r.p75, r.max].map((x) => formatNumber(x, d)),
      ],
    })),
    notes: [
      lang === 'zh'
        ? '标准差为样本标准差（分母 n − 1）；分位数按 R 默认方法（type 7）计算。'
        : 'SD is the sample standard deviation (n − 1); quartiles as R’s default (type 7).',
      ...(options.notes ?? []),
    ],
    align: head.map((_, j) => (j === 0 || (withLabel && j === 1) ? 'left' : 'number')),
  };
}

/** The correlation results the table shows (the `--json` object of `nqpf correlate`). */
export interface CorrelationTableInput {
  readonly method: 'pearson' | 'spearman';
  readonly variables: readonly string[];
  readonly labels?: readonly (string | undefined)[];
  readonly r: readonly (readonly number[])[];
  readonly p: readonly (readonly number[])[];
  readonly n: readonly (readonly number[])[];
  readonly vif?: readonly number[];
}

/**
 * The correlation matrix as journals print it: the lower triangle with stars by p-value (the star
 * rule of the regression tables, {@link starsFor}), 1 on the diagonal, columns numbered (1), (2), …,
 * and optionally a VIF column.
 */
export function correlationTable(
  c: CorrelationTableInput,
  options: StatTableOptions & { stars?: readonly number[] } = {},
): PaperTable {
  const lang = options.lang ?? 'en';
  const digits = options.digits ?? 3;
  const stars = options.stars ?? [0.1, 0.05, 0.01];
  const k = c.variables.length;
  const name = (i: number) => {
    const l = c.labels?.[i];
    return `(${i + 1}) ${l && l !== c.variables[i] ? `${c.variables[i]} ${l}` : c.variables[i]}`;
  };
  const header = [
    [lang === 'zh' ? '变量' : 'Variable', ...c.variables.map((_, j) => `(${j + 1})`), ...(c.vif ? ['VIF'] : [])],
  ];
  const rows = c.variables.map((_, i) => ({
    cells: [
      name(i),
      ...c.variables.map((_, j) =>
        j < i ? formatNumber(c.r[i][j], { digits }) + starsFor(c.p[i][j], stars) : j === i ? '1' : '',
      ),
      ...(c.vif ? [formatNumber(c.vif[i], { digits: 2 })] : []),
    ],
  }));
  let lo = Infinity;
  let hi = -Infinity;
  for (let i = 0; i < k; i++)
    for (let j = 0; j < i; j++) {
      lo = Math.min(lo, c.n[i][j]);
      hi = Math.max(hi, c.n[i][j]);
    }
  const nText = !Number.isFinite(lo) ? '' : lo === hi ? `N = ${lo}` : `N = ${lo}–${hi}`;
  const legend = stars.map((s, i) => `${'*'.repeat(i + 1)} p<${s}`).join(', ');
  const method =
    c.method === 'spearman'
      ? lang === 'zh'
        ? 'Spearman 秩相关系数'
        : 'Spearman rank correlations'
      : lang === 'zh'
        ? 'Pearson 相关系数'
        : 'Pearson correlations';
  const pct = stars.map((s) => `${+(s * 100).toFixed(4)}%`).join('、');
  const starsZh = stars.map((_, i) => '*'.repeat(i + 1)).join('、');
  const notes =
    lang === 'zh'
      ? [
          `${method}，成对删除缺失值（${nText}）；${starsZh} 分别表示在 ${pct} 的水平上显著（双侧 t 检验）。${c.vif ? 'VIF 为方差膨胀因子（所有变量均非缺失的样本）。' : ''}`,
        ]
      : [
          `${method} on pairwise complete observations (${nText}); ${legend} (two-sided t test).${c.vif ? ' VIF: variance inflation factor on the rows where all variables are present.' : ''}`,
        ];
  return {
    title: options.title ?? (lang === 'zh' ? '相关系数矩阵' : 'Correlation matrix'),
    header,
    rows,
    notes: [...notes, ...(options.notes ?? [])],
  };
}
