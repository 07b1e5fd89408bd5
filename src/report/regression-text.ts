import { signifCodes, starsFor } from '../core/significance.js';
import type { RegressionResult } from '../explain/regression-result.js';

/** Format a number for a plain-text table: 6 significant digits, scientific when tiny/huge. */
function fmt(x: number): string {
  if (!Number.isFinite(x)) return 'NA';
  const a = Math.abs(x);
  if (a !== 0 && (a < 1e-4 || a >= 1e7)) return x.toExponential(3);
  return x
    .toPrecision(6)
    .replace(/(\.\d*?)0+$/, '$1')
    .replace(/\.$/, '');
}

/** p-values as R prints them: below machine precision as "< 2.2e-16". */
function fmtP(p: number): string {
  return Number.isFinite(p) && p < 2.2e-16 ? '< 2.2e-16' : fmt(p);
}

/** A fixest-like plain-text summary of a {@link RegressionResult}, with nqpf's one star rule (src/core/significance.ts). */
export function formatRegression(r: RegressionResult): string {
  const lines: string[] = [];
  lines.push(`${r.method === 'iv' ? 'TSLS' : 'OLS'} estimation, Dep. Var.: ${r.dependent}`);
  lines.push(`Observations: ${r.nobs}`);
  if (r.fixedEffects.length)
    lines.push(`Fixed-effects: ${r.fixedEffects.map((f) => `${f.name}: ${f.nLevels}`).join(',  ')}`);
  const clusters = r.vcov.nClusters
    ? ` (${r.vcov.nClusters.join(' & ')} ${r.vcov.type === 'dk' ? 'periods' : 'clusters'})`
    : '';
  lines.push(`Standard-errors: ${r.vcov.label}${clusters}`);
  const head = ['', 'Estimate', 'Std. Error', r.vcov.df === null ? 'z value' : 't value', 'Pr(>|t|)', ''];
  const rows = r.coefficients.map((c) => [
    c.term,
    fmt(c.estimate),
    fmt(c.stdError),
    fmt(c.statistic),
    fmtP(c.pValue),
    starsFor(c.pValue),
  ]);
  const table = [head, ...rows];
  const widths = head.map((_, j) => Math.max(...table.map((row) => row[j].length)));
  for (const row of table)
    lines.push(
      row
        .map((cell, j) => (j === 0 ? cell.padEnd(widths[j]) : cell.padStart(widths[j])))
        .join('  ')
        .trimEnd(),
    );
  lines.push('---');
  lines.push(signifCodes());
  lines.push(
    `RMSE: ${fmt(r.rmse)}   Adj. R2: ${fmt(r.adjR2)}   R2: ${fmt(r.r2)}${r.r2Within === null ? '' : `   Within R2: ${fmt(r.r2Within)}`}`,
  );
  if (Number.isFinite(r.F)) lines.push(`F-test (slopes, iid): ${fmt(r.F)}, p = ${fmtP(r.fPValue)}`);
  for (const fs of r.firstStage ?? [])
    lines.push(`First stage ${fs.endogenous}: F = ${fmt(fs.F)} (${fs.df1}, ${fs.df2}), p = ${fmtP(fs.pValue)}`);
  for (const fs of r.vcov.type === 'iid' ? [] : (r.firstStageWald ?? []))
    lines.push(
      `First stage ${fs.endogenous}, Wald F (${fs.vcovLabel}): ${fmt(fs.F)} (${fs.df1}, ${fs.df2}), p = ${fmtP(fs.pValue)}`,
    );
  if (r.collinear.length) lines.push(`Removed because of collinearity: ${r.collinear.join(', ')}`);
  for (const d of r.dropped) lines.push(`Note: ${d.message}`);
  return lines.join('\n');
}
