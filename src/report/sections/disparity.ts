import type { Panel } from '../../data/panel.js';
import type { DisparityResult } from '../../disparity/disparity-by-period.js';
import type { Block, ReportSection } from '../blocks.js';
import { barChart } from '../charts/bar.js';
import { lineChart } from '../charts/line.js';
import { txt } from '../charts/theme.js';
import { registerTerms, t, term, tf } from '../i18n.js';
import { datasetSection, type SectionOptions } from './section.js';

registerTerms({
  disparitySection: { en: 'Regional disparity', zh: '区域差异' },
  disparityIntro: {
    en: 'Dagum Gini coefficient of {value} by {group}, decomposed into within-group, net between-group and transvariation parts (G = Gw + Gnb + Gt); Theil T and L; coefficient of variation.',
    zh: '{value}按{group}分组的 Dagum 基尼系数，分解为组内差异、组间净差异与超变密度（G = Gw + Gnb + Gt）；另列泰尔指数 T、L 与变异系数。',
  },
  giniOverTime: { en: 'Overall and within-group Gini coefficients', zh: '总体与组内基尼系数' },
  giniAxis: { en: 'Gini coefficient', zh: '基尼系数' },
  overallGini: { en: 'Overall', zh: '总体' },
  contributions: { en: 'Contributions to the Gini coefficient', zh: '基尼系数的来源贡献' },
  contributionAxis: { en: 'Contribution (%)', zh: '贡献率 (%)' },
  withinPart: { en: 'Within groups', zh: '组内差异' },
  betweenPart: { en: 'Net between groups', zh: '组间净差异' },
  transvariationPart: { en: 'Transvariation', zh: '超变密度' },
  disparityTable: {
    en: 'Dagum decomposition, Theil indices and CV by year',
    zh: '逐年 Dagum 分解、泰尔指数与变异系数',
  },
});

/**
 * Regional disparity: overall and within-group Gini over time, stacked contributions (%) of the
 * Dagum decomposition by period, and a table with Theil T/L and the CV.
 */
export function disparitySection(panel: Panel, result: DisparityResult, options: SectionOptions = {}): ReportSection {
  const lang = options.lang ?? 'en';
  const ps = result.periods;
  const periods = ps.map((p) => p.period);
  const groups = ps.length > 0 ? ps[0].dagum.groups.map((g) => g.group) : [];
  const groupGini = (g: string) => ps.map((p) => p.dagum.groups.find((x) => x.group === g)?.gini ?? NaN);
  const blocks: Block[] = [
    {
      kind: 'paragraph',
      text: tf('disparityIntro', lang, {
        value: txt(options.names?.[result.value] ?? result.value, lang),
        group: txt(options.names?.[result.groupBy] ?? result.groupBy, lang),
      }),
    },
    {
      kind: 'figure',
      caption: t('giniOverTime', lang),
      svg: lineChart({
        lang,
        periods,
        xName: term('year'),
        yName: term('giniAxis'),
        series: [
          { name: term('overallGini'), values: ps.map((p) => p.dagum.gini) },
          ...groups.map((g) => ({ name: options.names?.[g] ?? g, values: groupGini(g), dashed: true })),
        ],
      }),
    },
    {
      kind: 'figure',
      caption: t('contributions', lang),
      svg: barChart({
        lang,
        orientation: 'vertical',
        mode: 'stacked',
        categories: periods.map(String),
        valueName: term('contributionAxis'),
        series: [
          { name: term('withinPart'), values: ps.map((p) => p.dagum.contributions.within) },
          { name: term('betweenPart'), values: ps.map((p) => p.dagum.contributions.between) },
          { name: term('transvariationPart'), values: ps.map((p) => p.dagum.contributions.transvariation) },
        ],
      }),
    },
    {
      kind: 'table',
      caption: t('disparityTable', lang),
      columns: [
        { key: 'period', label: term('year') },
        { key: 'n', label: 'N', format: { digits: 0 } },
        { key: 'G', label: 'G', format: { digits: 4 } },
        { key: 'Gw', label: 'Gw', format: { digits: 4 } },
        { key: 'Gnb', label: 'Gnb', format: { digits: 4 } },
        { key: 'Gt', label: 'Gt', format: { digits: 4 } },
        { key: 'cw', label: 'Gw %', format: { digits: 1 } },
        { key: 'cb', label: 'Gnb %', format: { digits: 1 } },
        { key: 'ct', label: 'Gt %', format: { digits: 1 } },
        { key: 'tT', label: 'Theil T', format: { digits: 4 } },
        { key: 'tL', label: 'Theil L', format: { digits: 4 } },
        { key: 'cv', label: 'CV', format: { digits: 4 } },
      ],
      rows: ps.map((p) => ({
        period: String(p.period),
        n: p.n,
        G: p.dagum.gini,
        Gw: p.dagum.within,
        Gnb: p.dagum.between,
        Gt: p.dagum.transvariation,
        cw: p.dagum.contributions.within,
        cb: p.dagum.contributions.between,
        ct: p.dagum.contributions.transvariation,
        tT: p.theilT.total,
        tL: p.theilL.total,
        cv: p.cv,
      })),
    },
    { kind: 'notes', notes: result.notes },
  ];
  return datasetSection('disparity', 'disparitySection', panel, options, blocks);
}
