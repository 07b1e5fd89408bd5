import type { Panel } from '../../data/panel.js';
import type { BetaConvergenceResult } from '../../dynamics/beta-convergence.js';
import type { SigmaConvergenceResult } from '../../dynamics/sigma-convergence.js';
import type { Block, ReportSection } from '../blocks.js';
import { lineChart } from '../charts/line.js';
import { txt } from '../charts/theme.js';
import { registerTerms, t, term, tf } from '../i18n.js';
import { datasetSection, type SectionOptions } from './section.js';

registerTerms({
  convergenceSection: { en: 'σ- and β-convergence', zh: 'σ 收敛与 β 收敛' },
  convergenceIntro: {
    en: 'σ-convergence: the dispersion of {value} across entities by period ({measure}); a falling line means convergence. β-convergence ({form}): regression of the average growth rate on the initial log level; β < 0 means convergence, with speed θ = −ln(1 + β)/τ and half-life ln 2/θ.',
    zh: 'σ 收敛：{value}在各地区间的离散程度（{measure}）随时间的变化，曲线下降表示收敛。β 收敛（{form}）：平均增长率对初期对数水平回归，β < 0 表示收敛，收敛速度 θ = −ln(1 + β)/τ，半衰期 ln 2/θ。',
  },
  sigmaCv: { en: 'coefficient of variation', zh: '变异系数' },
  sigmaSdLog: { en: 'standard deviation of logs', zh: '对数标准差' },
  sigmaOverTime: { en: 'σ-convergence: dispersion by period', zh: 'σ 收敛：各期离散程度' },
  betaTable: { en: 'β-convergence regression', zh: 'β 收敛回归' },
  betaTerm: { en: 'Term', zh: '变量' },
  betaEstimate: { en: 'Estimate', zh: '系数' },
  betaStdError: { en: 'Std. error', zh: '标准误' },
  betaPValue: { en: 'p-value', zh: 'p 值' },
  betaSummary: {
    en: 'β = {beta} (p = {p}, n = {n}, τ = {tau}); speed {speed} per period, half-life {halfLife} periods; standard errors: {vcov}.',
    zh: 'β = {beta}（p = {p}，n = {n}，τ = {tau}）；收敛速度每期 {speed}，半衰期 {halfLife} 期；标准误：{vcov}。',
  },
});

const fmt = (x: number, digits = 4) => (Number.isFinite(x) ? x.toFixed(digits) : '—');

/**
 * Convergence of one variable: the σ line (CV or sd of logs by period) and the β regression
 * (absolute or conditional) with its speed and half-life, from the results of src/dynamics.
 */
export function convergenceSection(
  panel: Panel,
  result: { readonly sigma: SigmaConvergenceResult; readonly beta: BetaConvergenceResult },
  options: SectionOptions = {},
): ReportSection {
  const lang = options.lang ?? 'en';
  const { sigma, beta } = result;
  const measure = term(sigma.measure === 'cv' ? 'sigmaCv' : 'sigmaSdLog');
  const blocks: Block[] = [
    {
      kind: 'paragraph',
      text: tf('convergenceIntro', lang, {
        value: txt(options.names?.[sigma.value] ?? sigma.value, lang),
        measure: txt(measure, lang),
        form: beta.form,
      }),
    },
    {
      kind: 'figure',
      caption: t('sigmaOverTime', lang),
      svg: lineChart({
        lang,
        periods: sigma.periods.map((p) => p.period),
        xName: term('year'),
        yName: measure,
        symbols: true,
        series: [{ name: measure, values: sigma.periods.map((p) => p.sigma) }],
      }),
    },
    {
      kind: 'table',
      caption: t('betaTable', lang),
      columns: [
        { key: 'term', label: term('betaTerm') },
        { key: 'estimate', label: term('betaEstimate'), format: { digits: 5 } },
        { key: 'se', label: term('betaStdError'), format: { digits: 5 } },
        { key: 'p', label: term('betaPValue'), format: { digits: 4 } },
      ],
      rows: beta.coefficients.map((c) => ({ term: c.term, estimate: c.estimate, se: c.stdError, p: c.pValue })),
      note: tf('betaSummary', lang, {
        beta: fmt(beta.beta, 5),
        p: fmt(beta.pValue),
        n: String(beta.nobs),
        tau: String(beta.tau),
        speed: Number.isFinite(beta.speed) ? `${(100 * beta.speed).toFixed(2)}%` : '—',
        halfLife: fmt(beta.halfLife, 1),
        vcov: beta.vcov,
      }),
    },
  ];
  return datasetSection('convergence', 'convergenceSection', panel, options, blocks);
}
