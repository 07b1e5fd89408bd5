import { describe, expect, it } from 'vitest';
import { signifCodes, STAR_LEVELS, starLegend, starsFor } from '../../src/core/significance.js';
import { formatRegression } from '../../src/report/regression-text.js';
import { regressionTable } from '../../src/report/regression-table.js';
import { formatSpatialRegression } from '../../src/report/spatial-regression.js';
import type { RegressionResult } from '../../src/explain/regression-result.js';
import type { SpatialRegressResult } from '../../src/api/spatial-regress.js';

describe('one star rule (esttab: * 0.1, ** 0.05, *** 0.01)', () => {
  it('thresholds are strict and NaN gets none', () => {
    expect(STAR_LEVELS).toEqual([0.1, 0.05, 0.01]);
    expect([0.2, 0.1, 0.09, 0.05, 0.049, 0.015, 0.01, 0.0099, 1e-20, NaN].map((p) => starsFor(p))).toEqual([
      '',
      '',
      '*',
      '*',
      '**',
      '**',
      '**',
      '***',
      '***',
      '',
    ]);
    expect(starLegend()).toBe('* p<0.1, ** p<0.05, *** p<0.01');
    expect(signifCodes()).toBe("Signif. codes: 0 '***' 0.01 '**' 0.05 '*' 0.1 ' ' 1");
  });

  // The defect: p = 0.015 was `*` on screen (R's codes) and `**` in the table (esttab's).
  const coef = { term: 'x', estimate: 0.5, stdError: 0.2, statistic: 2.5, pValue: 0.015, ciLow: 0.1, ciHigh: 0.9 };
  it('the console summary and the table give p = 0.015 the same two stars', () => {
    const r: RegressionResult = {
      formula: 'y ~ x',
      method: 'ols',
      dependent: 'y',
      coefficients: [coef],
      nobs: 100,
      r2: 0.5,
      r2Within: null,
      adjR2: 0.49,
      F: 6.25,
      fPValue: 0.015,
      rmse: 1,
      fixedEffects: [],
      vcov: { type: 'iid', label: 'IID', df: 98 },
      dropped: [],
      collinear: [],
      notes: [],
    };
    const text = formatRegression(r);
    const line = text.split('\n').find((l) => l.startsWith('x '))!;
    expect(line.trim().endsWith(' **')).toBe(true);
    expect(text).toContain("Signif. codes: 0 '***' 0.01 '**' 0.05 '*' 0.1 ' ' 1");
    const table = regressionTable([{ depVar: 'y', coefficients: [coef], fixedEffects: [], nobs: 100, r2: 0.5 }]);
    expect(table.rows[0].cells[1]).toBe('0.500**');
  });

  it('the spatial regression text uses the same rule', () => {
    const est = { estimate: 0.5, stdError: 0.2, pValue: 0.015 };
    const r = {
      model: 'sar',
      fe: 'both',
      leeYu: false,
      simulated: false,
      dependent: 'y',
      nobs: 100,
      entities: 10,
      periods: 10,
      logLik: -10,
      sigma2: 1,
      logdet: { method: 'eigen', interval: [-1, 1] },
      coefficients: [{ term: 'x', ...est }],
      rho: est,
      effectsInference: { method: 'delta' },
      effects: [{ variable: 'x', direct: est, indirect: est, total: est }],
      tests: {},
      notes: [],
    } as unknown as SpatialRegressResult;
    const text = formatSpatialRegression(r);
    expect(text).toContain("Signif. codes: 0 '***' 0.01 '**' 0.05 '*' 0.1 ' ' 1");
    expect(
      text
        .split('\n')
        .find((l) => l.trim().startsWith('x '))!
        .trim()
        .endsWith('**'),
    ).toBe(true);
    expect(text).toMatch(/0\.5\*\*/);
  });
});
