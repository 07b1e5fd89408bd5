import type { Panel } from '../../data/panel.js';
import type { RegressionTable } from '../regression-table.js';
import type { VcovSpec } from '../../explain/vcov.js';
import { vcovMethodsText } from '../vcov-methods.js';
import type { Block, FigureBlock, GridBlock, ReportSection } from '../blocks.js';
import type { Lang } from '../../core/label.js';
import type { Estimate } from '../../explain/estimate.js';
import { coefPlotChart } from '../charts/coefplot.js';
import { txt, type Text } from '../charts/theme.js';
import { registerTerms, t, term } from '../i18n.js';
import { datasetSection, type SectionOptions } from './section.js';

registerTerms({
  regressionSection: { en: 'Mechanism: panel regressions', zh: '作用机制：面板回归' },
  trueVsEstimate: { en: 'Estimates beside the true parameters of the simulation', zh: '估计值与模拟真实参数对比' },
  parameter: { en: 'Parameter', zh: '参数' },
  trueValue: { en: 'True value', zh: '真实值' },
  estimate: { en: 'Estimate', zh: '估计值' },
  ciLow: { en: '95% CI low', zh: '95% 置信区间下限' },
  ciHigh: { en: '95% CI high', zh: '95% 置信区间上限' },
  covered: { en: 'True value in CI', zh: '真实值落入区间' },
  yes: { en: 'yes', zh: '是' },
  no: { en: 'no', zh: '否' },
  coefPlotCaption: { en: 'Coefficients with {level}% confidence intervals', zh: '回归系数及其 {level}% 置信区间' },
  coefPlotAxis: { en: 'Estimate and {level}% CI', zh: '估计值与 {level}% 置信区间' },
  coefPlotNote: {
    en: 'Dots are the estimates, lines their confidence intervals (the standard errors of the table); the intercept is not shown.',
    zh: '圆点为系数估计值，横线为置信区间（标准误同上表）；未显示常数项。',
  },
});

/** The models of a coefficient plot: each model's name and its estimates with confidence intervals. */
export interface CoefPlotModels {
  /** Confidence level of the intervals, e.g. 0.95. */
  readonly level: number;
  readonly models: readonly {
    readonly name: string;
    readonly coefficients: readonly Pick<Estimate, 'term' | 'estimate' | 'ciLow' | 'ciHigh'>[];
  }[];
}

/** A figure block of the coefficient plot: every term but the intercept, in order of first appearance. */
export function coefPlotBlock(c: CoefPlotModels, lang: Lang = 'en'): FigureBlock | undefined {
  const terms: string[] = [];
  for (const m of c.models)
    for (const r of m.coefficients) if (r.term !== '(Intercept)' && !terms.includes(r.term)) terms.push(r.term);
  if (!terms.length) return undefined;
  const level = String(+(c.level * 100).toPrecision(6));
  const svg = coefPlotChart({
    lang,
    terms,
    valueName: t('coefPlotAxis', lang).replace('{level}', level),
    models: c.models.map((m) => ({
      name: m.name,
      points: terms.map((term) => m.coefficients.find((r) => r.term === term)),
    })),
  });
  return {
    kind: 'figure',
    svg,
    caption: t('coefPlotCaption', lang).replace('{level}', level),
    note: t('coefPlotNote', lang),
  };
}

/**
 * A {@link GridBlock} of a regression table from src/report/regression-table.ts (models side by side, stars,
 * standard errors in parentheses, fixed-effect rows, N, R²), with its note.
 */
export function regressionTableBlock(table: RegressionTable, caption?: Text): GridBlock {
  let ruled = false;
  return {
    kind: 'grid',
    caption,
    header: table.header,
    rows: table.rows.map((r) => {
      const first = !ruled && (r.kind === 'fe' || r.kind === 'stat' || r.kind === 'extra');
      if (first) ruled = true;
      return { cells: r.cells, style: r.kind === 'se' ? ('muted' as const) : first ? ('rule' as const) : undefined };
    }),
    note: table.note,
  };
}

/** A parameter estimate beside the value used to simulate the data. */
export interface TruthRow {
  readonly label: Text;
  readonly truth: number;
  readonly estimate: number;
  readonly ciLow: number;
  readonly ciHigh: number;
}

/**
 * Regression tables of a mechanism analysis and, for simulated data, the estimates beside the true
 * parameters with whether each 95% interval covers the truth.
 */
export function regressionSection(
  panel: Panel,
  content: {
    readonly intro?: Text;
    readonly tables: readonly { readonly caption: Text; readonly table: RegressionTable }[];
    readonly truth?: readonly TruthRow[];
    /** Variance estimators used in the tables: a methods paragraph from the vcov registry follows them. */
    readonly vcov?: readonly VcovSpec['type'][];
    /** A coefficient plot of these models (estimates and confidence intervals) after the tables. */
    readonly coefPlot?: CoefPlotModels;
  },
  options: SectionOptions = {},
): ReportSection {
  const lang = options.lang ?? 'en';
  const blocks: Block[] = [];
  if (content.intro !== undefined) blocks.push({ kind: 'paragraph', text: content.intro });
  for (const tb of content.tables) blocks.push(regressionTableBlock(tb.table, tb.caption));
  const plot = content.coefPlot && coefPlotBlock(content.coefPlot, lang);
  if (plot) blocks.push(plot);
  if (content.vcov?.length) blocks.push({ kind: 'paragraph', text: vcovMethodsText(content.vcov, lang) });
  if (content.truth && content.truth.length > 0) {
    blocks.push({
      kind: 'table',
      caption: t('trueVsEstimate', lang),
      columns: [
        { key: 'label', label: term('parameter') },
        { key: 'truth', label: term('trueValue'), format: { digits: 4 } },
        { key: 'estimate', label: term('estimate'), format: { digits: 4 } },
        { key: 'lo', label: term('ciLow'), format: { digits: 4 } },
        { key: 'hi', label: term('ciHigh'), format: { digits: 4 } },
        { key: 'covered', label: term('covered'), align: 'center' },
      ],
      rows: content.truth.map((r) => ({
        label: txt(r.label, lang),
        truth: r.truth,
        estimate: r.estimate,
        lo: r.ciLow,
        hi: r.ciHigh,
        covered: t(r.ciLow <= r.truth && r.truth <= r.ciHigh ? 'yes' : 'no', lang),
      })),
    });
  }
  return datasetSection('regression', 'regressionSection', panel, options, blocks);
}
