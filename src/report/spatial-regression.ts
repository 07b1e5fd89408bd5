import type { ScenarioApiResult, SpatialRegressResult } from '../api/spatial-regress.js';
import type { Lang } from '../core/label.js';
import { signifCodes, starsFor } from '../core/significance.js';
import type { TableModel } from '../explain/table-model.js';
import type { PaperTable } from './paper-table.js';

const FE_LABEL: Record<SpatialRegressResult['fe'], string> = {
  both: 'entity and period fixed effects (two-way)',
  entity: 'entity fixed effects',
  period: 'period fixed effects',
  none: 'no fixed effects (pooled, intercept)',
};
const MODEL_LABEL: Record<SpatialRegressResult['model'], string> = {
  sar: 'SAR (spatial lag)',
  sem: 'SEM (spatial error)',
  sdm: 'SDM (spatial Durbin)',
  slx: 'SLX (spatially lagged X)',
  sdem: 'SDEM (spatial Durbin error)',
};

function fmt(x: number | null | undefined, d = 6): string {
  if (x === null || x === undefined || !Number.isFinite(x)) return 'NA';
  const a = Math.abs(x);
  if (a !== 0 && (a < 1e-4 || a >= 1e7)) return x.toExponential(3);
  return x
    .toPrecision(d)
    .replace(/(\.\d*?)0+$/, '$1')
    .replace(/\.$/, '');
}
const fp = (p: number) => (Number.isFinite(p) && p < 2.2e-16 ? '< 2.2e-16' : fmt(p, 4));
const stars = (p: number) => starsFor(p);

function grid(rows: string[][]): string[] {
  const widths = rows[0].map((_, j) => Math.max(...rows.map((r) => (r[j] ?? '').length)));
  return rows.map((r) =>
    r
      .map((c, j) => (j === 0 ? c.padEnd(widths[j]) : c.padStart(widths[j])))
      .join('  ')
      .trimEnd(),
  );
}

/**
 * Plain-text summary of a spatial panel fit in the layout of xsmle and spatialreg summaries: Main (β),
 * Wx (θ), Spatial (ρ/λ), Variance (σ²), then the LeSage–Pace effects and the specification tests
 * with the decision sequence.
 */
export function formatSpatialRegression(r: SpatialRegressResult): string {
  const lines: string[] = [];
  lines.push(
    `${MODEL_LABEL[r.model]} with ${FE_LABEL[r.fe]}, ML${r.leeYu ? ' with the Lee–Yu (2010) bias correction' : ' (direct approach)'}${r.simulated ? '   [SIMULATED data]' : ''}`,
  );
  lines.push(
    `Dep. variable: ${r.dependent}   Number of obs = ${r.nobs}   Entities = ${r.entities}   Periods = ${r.periods}`,
  );
  lines.push(
    `Log-likelihood = ${fmt(r.logLik, 8)}   sigma2_e = ${fmt(r.sigma2)}   log|I − ρW|: ${r.logdet.method}, interval (${fmt(r.logdet.interval[0], 5)}, ${fmt(r.logdet.interval[1], 5)})`,
  );
  const head = ['', 'Estimate', 'Std. Error', 'z value', 'Pr(>|z|)', ''];
  const row = (term: string, c: { estimate: number; stdError: number; pValue: number }) => [
    term,
    fmt(c.estimate),
    fmt(c.stdError),
    (c.estimate / c.stdError).toFixed(3),
    fp(c.pValue),
    stars(c.pValue),
  ];
  const main = r.coefficients.filter((c) => !c.term.startsWith('W*'));
  const wx = r.coefficients.filter((c) => c.term.startsWith('W*'));
  const rows: string[][] = [head, ['Main', '', '', '', '', ''], ...main.map((c) => row(`  ${c.term}`, c))];
  if (wx.length) rows.push(['Wx', '', '', '', '', ''], ...wx.map((c) => row(`  ${c.term}`, c)));
  if (r.rho) rows.push(['Spatial', '', '', '', '', ''], row('  rho', r.rho));
  if (r.lambda) rows.push(['Spatial', '', '', '', '', ''], row('  lambda', r.lambda));
  lines.push('', ...grid(rows), '---', signifCodes());
  const inf = r.effectsInference;
  lines.push(
    '',
    `LeSage–Pace effects (${inf.method === 'simulation' ? `SE from ${inf.draws} simulated draws, seed ${inf.seed}` : 'delta-method SE'}):`,
  );
  const er: string[][] = [['', 'Direct', '(SE)', 'Indirect', '(SE)', 'Total', '(SE)']];
  for (const e of r.effects) {
    er.push([
      `  ${e.variable}`,
      fmt(e.direct.estimate) + stars(e.direct.pValue),
      `(${fmt(e.direct.stdError, 4)})`,
      fmt(e.indirect.estimate) + stars(e.indirect.pValue),
      `(${fmt(e.indirect.stdError, 4)})`,
      fmt(e.total.estimate) + stars(e.total.pValue),
      `(${fmt(e.total.stdError, 4)})`,
    ]);
  }
  lines.push(...grid(er));
  const t = r.tests;
  if (t.lmLag) {
    lines.push('', 'Specification tests (χ², df, p):');
    const tl = (name: string, s?: { statistic: number; df: number; pValue: number }) =>
      s ? `  ${name.padEnd(34)} ${fmt(s.statistic, 6).padStart(10)}  ${String(s.df).padStart(2)}  ${fp(s.pValue)}` : '';
    lines.push(
      ...[
        tl('LM lag (non-spatial FE model)', t.lmLag),
        tl('Robust LM lag', t.robustLmLag),
        tl('LM error', t.lmError),
        tl('Robust LM error', t.robustLmError),
        tl('Wald SDM vs SAR (θ = 0)', t.waldSar),
        tl('LR   SDM vs SAR (θ = 0)', t.lrSar),
        tl('Wald SDM vs SEM (θ + ρβ = 0)', t.waldSem),
        tl('LR   SDM vs SEM (θ + ρβ = 0)', t.lrSem),
      ].filter(Boolean),
    );
    if (t.decision)
      lines.push(`Decision (Elhorst 2010 sequence, 5%): ${t.decision.choice.toUpperCase()} — ${t.decision.text}`);
  }
  for (const n of r.notes) if (n.level === 'warning') lines.push(`Note: ${n.message}`);
  return lines.join('\n');
}

/** A regression-table column (esttab-style writers) for a spatial fit: β, W*x, then rho/lambda; row names in `lang`. */
export function spatialTableModel(r: SpatialRegressResult, title?: string, lang: Lang = 'en'): TableModel {
  const coefs = r.coefficients.map((c) => ({
    term: c.term,
    estimate: c.estimate,
    stdError: c.stdError,
    pValue: c.pValue,
  }));
  if (r.rho) coefs.push({ term: 'rho', ...r.rho });
  if (r.lambda) coefs.push({ term: 'lambda', ...r.lambda });
  return {
    title: title ?? r.model.toUpperCase(),
    depVar: r.dependent,
    coefficients: coefs,
    fixedEffects: r.fe === 'both' ? ['entity', 'period'] : r.fe === 'none' ? [] : [r.fe],
    nobs: r.nobs,
    vcov: { en: 'Asymptotic (information matrix)', zh: '渐近（信息矩阵）' },
    extra: { [lang === 'zh' ? '对数似然值' : 'Log-likelihood']: r.logLik.toFixed(3), 'σ²': r.sigma2.toFixed(4) },
  };
}

/** Plain-text table of a scenario: shock, total, own and spillover change with intervals, per entity. */
export function formatScenario(r: ScenarioApiResult): string {
  const pct = Math.round(r.level * 100);
  const iv = (v: { estimate: number; lower: number; upper: number }) =>
    `${fmt(v.estimate, 4)} [${fmt(v.lower, 3)}, ${fmt(v.upper, 3)}]`;
  const rows: string[][] = [['Entity', 'Δx', `Δy total [${pct}%]`, 'own', 'spillover']];
  for (const x of [...r.rows].sort((a, b) => b.total.estimate - a.total.estimate))
    rows.push([x.entity, fmt(x.shock, 4), iv(x.total), iv(x.own), iv(x.spillover)]);
  rows.push(['Sum', '', iv(r.sum.total), iv(r.sum.own), iv(r.sum.spillover)]);
  return [
    `Scenario on ${r.model.toUpperCase()} (${r.fe} FE) of ${r.dependent}${r.simulated ? '   [SIMULATED data]' : ''}: ${r.shockText}`,
    `Predicted change Δy = S(W)Δx with S = (I − ρW)⁻¹(βI + θW); intervals: ${pct}% of ${r.draws} parameter draws (seed ${r.seed})`,
    ...grid(rows),
  ].join('\n');
}

/**
 * The LeSage–Pace direct, indirect (spillover) and total effects as a publication table: estimate with
 * the stars of the regression tables, its standard error in parentheses below.
 */
export function spatialEffectsTable(r: SpatialRegressResult, lang: Lang = 'en', digits = 3): PaperTable {
  const f = (x: number) => (Number.isFinite(x) ? x.toFixed(digits) : '');
  const rows: PaperTable['rows'][number][] = [];
  for (const e of r.effects) {
    const parts = [e.direct, e.indirect, e.total];
    rows.push({ cells: [e.variable, ...parts.map((p) => f(p.estimate) + starsFor(p.pValue))] });
    rows.push({
      cells: ['', ...parts.map((p) => (Number.isFinite(p.stdError) ? `(${f(p.stdError)})` : ''))],
      muted: true,
    });
  }
  const inf = r.effectsInference;
  const zh = lang === 'zh';
  const how =
    inf.method === 'simulation'
      ? zh
        ? `标准误由 ${inf.draws} 次模拟抽样得到（种子 ${inf.seed}）`
        : `standard errors from ${inf.draws} simulated draws (seed ${inf.seed})`
      : zh
        ? '标准误由 delta 方法得到'
        : 'delta-method standard errors';
  return {
    title: zh ? `空间效应分解（${r.model.toUpperCase()}）` : `Spatial effects (${r.model.toUpperCase()})`,
    header: [zh ? ['变量', '直接效应', '间接效应', '总效应'] : ['Variable', 'Direct', 'Indirect', 'Total']],
    rows,
    notes: [
      zh
        ? `LeSage–Pace 效应分解，${how}，括号内为标准误；*、**、*** 分别表示在 10%、5%、1% 的水平上显著。`
        : `LeSage–Pace effects; ${how} in parentheses. * p<0.1, ** p<0.05, *** p<0.01.`,
    ],
  };
}
