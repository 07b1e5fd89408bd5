import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { feols } from '../../src/explain/feols.js';
import { coefTable, vcov } from '../../src/explain/vcov.js';
import { maxRel, readFixturePanel } from './feols-data.js';

// R's pf / pt with lower.tail = FALSE (test/fixtures/explain/pvalues.R). `1 - pf(...)` gave 0 below
// 1e-16 and lost relative digits well before; the p-values now come from core/pvalue.ts.
const ref = JSON.parse(readFileSync(new URL('../fixtures/explain/pvalues.json', import.meta.url), 'utf8'));
const grunfeld = readFixturePanel('grunfeld.csv', 'firm', 'year');

describe('feols p-values far in the upper tail match R', () => {
  it('F test of the slopes: 3.7e-60 (one-way FE) and 2.6e-72 (OLS)', () => {
    for (const r of [ref.oneway, ref.ols]) {
      const fit = feols(grunfeld, r.formula);
      expect([fit.fDf1, fit.fDf2]).toEqual([r.df1, r.df2]);
      expect(maxRel([fit.F], [r.F])).toBeLessThan(1e-10);
      expect(maxRel([fit.fPValue], [r.fPValue])).toBeLessThan(1e-10);
    }
  });
  it('coefficient p-values (2·pt(−|t|)) down to 2.2e-42', () => {
    const fit = feols(grunfeld, ref.oneway.formula);
    const tab = coefTable(fit, vcov(fit, 'iid'));
    expect(
      maxRel(
        tab.map((r) => r.statistic),
        ref.oneway.t,
      ),
    ).toBeLessThan(1e-10);
    expect(
      maxRel(
        tab.map((r) => r.pValue),
        ref.oneway.tPValue,
      ),
    ).toBeLessThan(1e-10);
  });
  it('IV first-stage F p-value', () => {
    const fs = feols(grunfeld, ref.firstStage.formula).firstStage![0];
    expect([fs.df1, fs.df2]).toEqual([ref.firstStage.df1, ref.firstStage.df2]);
    expect(maxRel([fs.pValue], [ref.firstStage.pValue])).toBeLessThan(1e-10);
  });
});
