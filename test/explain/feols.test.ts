import { describe, expect, it } from 'vitest';
import { feols } from '../../src/explain/feols.js';
import { coefTable, vcov } from '../../src/explain/vcov.js';
import { fixture, maxRel, readFixturePanel } from './feols-data.js';

const TOL = 1e-8; // the project-wide relative tolerance for deterministic results
const grunfeld = readFixturePanel('grunfeld.csv', 'firm', 'year');
const unbal = readFixturePanel('unbalanced-sim.csv', 'id', 'year');

function se(fit: ReturnType<typeof feols>, spec: Parameters<typeof vcov>[1]) {
  return coefTable(fit, vcov(fit, spec)).map((r) => r.stdError);
}

describe('feols vs lm with dummy variables (Grunfeld, plm)', () => {
  it('one-way FE: coefficients, fit statistics, iid / HC1 / cluster / two-way cluster / DK SEs', () => {
    const ref = fixture.oneway;
    const fit = feols(grunfeld, 'inv ~ value + capital | firm');
    expect(fit.coefNames).toEqual(ref.terms);
    expect(maxRel(fit.coefficients, ref.coefficients)).toBeLessThan(TOL);
    expect(maxRel(fit.coefficients, ref.plmCoefficients)).toBeLessThan(TOL);
    expect(fit.nobs).toBe(ref.nobs);
    expect(fit.dfResidual).toBe(ref.dfResidual);
    expect(
      maxRel([fit.rss, fit.r2, fit.adjR2, fit.r2Within, fit.F], [ref.rss, ref.r2, ref.adjR2, ref.r2Within, ref.F]),
    ).toBeLessThan(TOL);
    expect(maxRel(se(fit, 'iid'), ref.iid.se)).toBeLessThan(TOL);
    expect(maxRel(se(fit, 'hc1'), ref.hc1.se)).toBeLessThan(TOL);
    for (const [k, v] of Object.entries(ref.cluster) as [string, { se: number[]; kUsed: number }][]) {
      const V = vcov(fit, { type: 'cluster', cluster: k.split('+') });
      expect(V.kUsed).toBe(v.kUsed);
      expect(
        maxRel(
          coefTable(fit, V).map((r) => r.stdError),
          v.se,
        ),
      ).toBeLessThan(TOL);
    }
    expect(maxRel(se(fit, { type: 'dk', lag: ref.dk.lag }), ref.dk.se)).toBeLessThan(TOL);
  });

  it('two-way FE equals lm with firm and year dummies and plm within twoways', () => {
    const ref = fixture.twoway;
    const fit = feols(grunfeld, 'inv ~ value + capital | firm + year');
    expect(maxRel(fit.coefficients, ref.coefficients)).toBeLessThan(TOL);
    expect(maxRel(fit.coefficients, ref.plmCoefficients)).toBeLessThan(TOL);
    expect(fit.fixedEffectDof).toBe(ref.feDof);
    expect(
      maxRel([fit.rss, fit.r2, fit.adjR2, fit.r2Within, fit.F], [ref.rss, ref.r2, ref.adjR2, ref.r2Within, ref.F]),
    ).toBeLessThan(TOL);
    expect(maxRel(se(fit, 'iid'), ref.iid.se)).toBeLessThan(TOL);
    expect(maxRel(se(fit, 'hc1'), ref.hc1.se)).toBeLessThan(TOL);
    expect(maxRel(se(fit, 'cluster:firm'), ref.cluster.firm.se)).toBeLessThan(TOL);
    expect(maxRel(se(fit, 'cluster:firm+year'), ref.cluster['firm+year'].se)).toBeLessThan(TOL);
    expect(maxRel(se(fit, { type: 'dk', lag: 2 }), ref.dk.se)).toBeLessThan(TOL);
  });

  it('pooled OLS with intercept equals lm', () => {
    const ref = fixture.ols;
    const fit = feols(grunfeld, 'inv ~ value + capital');
    expect(fit.coefNames).toEqual(ref.terms);
    expect(maxRel(fit.coefficients, ref.coefficients)).toBeLessThan(TOL);
    expect(maxRel([fit.r2, fit.adjR2, fit.F], [ref.r2, ref.adjR2, ref.F])).toBeLessThan(TOL);
    expect(maxRel(se(fit, 'iid'), ref.iid.se)).toBeLessThan(TOL);
    expect(maxRel(se(fit, 'hc1'), ref.hc1.se)).toBeLessThan(TOL);
    expect(maxRel(se(fit, 'cluster:firm'), ref.cluster.firm.se)).toBeLessThan(TOL);
  });
});

describe('feols on a simulated unbalanced panel (two-way FE, two-way clustering)', () => {
  it('matches lm with dummies and the CR1 formulas', () => {
    const ref = fixture.unbalanced;
    const fit = feols(unbal, 'y ~ x1 + x2 | id + year');
    expect(fit.nobs).toBe(ref.nobs);
    expect(fit.fixedEffectDof).toBe(ref.feDof);
    expect(maxRel(fit.coefficients, ref.coefficients)).toBeLessThan(TOL);
    expect(maxRel([fit.rss, fit.r2, fit.adjR2, fit.F], [ref.rss, ref.r2, ref.adjR2, ref.F])).toBeLessThan(TOL);
    expect(maxRel(se(fit, 'iid'), ref.iid.se)).toBeLessThan(TOL);
    expect(maxRel(se(fit, 'hc1'), ref.hc1.se)).toBeLessThan(TOL);
    for (const [k, v] of Object.entries(ref.cluster) as [
      string,
      { se: number[]; kUsed: number; G: number | number[] },
    ][]) {
      const V = vcov(fit, { type: 'cluster', cluster: k.split('+') });
      expect(V.kUsed).toBe(v.kUsed);
      expect(V.nClusters).toEqual([v.G].flat());
      expect(
        maxRel(
          coefTable(fit, V).map((r) => r.stdError),
          v.se,
        ),
      ).toBeLessThan(TOL);
    }
  });
});

describe('IV / 2SLS with fixed effects vs AER::ivreg with dummies', () => {
  it('inv ~ capital | firm + year | value ~ l(value, 1)', () => {
    const ref = fixture.iv;
    const fit = feols(grunfeld, 'inv ~ capital | firm + year | value ~ l(value, 1)');
    expect(fit.method).toBe('iv');
    expect(fit.coefNames).toEqual(ref.terms);
    expect(fit.nobs).toBe(ref.nobs);
    expect(fit.dropped[0]).toMatchObject({ reason: 'missing', count: 10 });
    expect(maxRel(fit.coefficients, ref.coefficients)).toBeLessThan(TOL);
    expect(maxRel([fit.rss], [ref.rss])).toBeLessThan(TOL);
    expect(maxRel(se(fit, 'iid'), ref.iid.se)).toBeLessThan(TOL);
    expect(maxRel(se(fit, 'hc1'), ref.hc1.se)).toBeLessThan(TOL);
    expect(maxRel(se(fit, 'cluster:firm'), ref.cluster.firm.se)).toBeLessThan(TOL);
    const fs = fit.firstStage![0];
    expect([fs.df1, fs.df2]).toEqual(ref.firstStageDf);
    expect(maxRel([fs.F], [ref.firstStageF])).toBeLessThan(TOL);
  });

  it('first-stage Wald F under iid (= standard F), HC1 and CR1 variances', async () => {
    const { firstStageWald } = await import('../../src/explain/iv.js');
    const ref = fixture.iv.firstStageWald;
    const fit = feols(grunfeld, 'inv ~ capital | firm + year | value ~ l(value, 1)');
    const F = (spec: string) => firstStageWald(fit, spec)[0].F;
    expect(maxRel([F('iid'), F('hc1'), F('cluster:firm')], [ref.iid, ref.hc1, ref.clusterFirm])).toBeLessThan(TOL);
    expect(maxRel([F('iid')], [fit.firstStage![0].F])).toBeLessThan(1e-10);
    expect(firstStageWald(fit, 'cluster:firm')[0]).toMatchObject({ df1: 1, df2: 9 });
    expect(() => firstStageWald(feols(grunfeld, 'inv ~ value'), 'iid')).toThrow(/needs an IV fit/);
  });
});

describe('summaryStats (descriptive statistics, xtsum decomposition)', () => {
  it('matches R mean/sd/median and the within/between SDs on Grunfeld', async () => {
    const { summaryStats } = await import('../../src/explain/summary-stats.js');
    const rows = summaryStats(grunfeld, ['inv', 'value', 'capital']);
    fixture.summary.forEach((ref: Record<string, number | string>, k: number) => {
      const got = rows[k] as unknown as Record<string, number | string>;
      expect(got.variable).toBe(ref.variable);
      for (const key of ['n', 'mean', 'sd', 'min', 'median', 'max', 'sdWithin', 'sdBetween'])
        expect(maxRel([got[key] as number], [ref[key] as number]), key).toBeLessThan(TOL);
    });
  });
});

describe('regress() and parseVcov', () => {
  it('defaults to clustering by the first FE (fixest), parses dk:LAG and uses the xtscc default lag', async () => {
    const { regress } = await import('../../src/explain/regression-result.js');
    const { formatRegression } = await import('../../src/report/regression-text.js');
    const { parseVcov } = await import('../../src/explain/vcov.js');
    const r = regress(grunfeld, 'inv ~ value + capital | firm');
    expect(r.vcov).toMatchObject({ type: 'cluster', clusters: ['firm'], nClusters: [10], df: 9 });
    expect(
      maxRel(
        r.coefficients.map((c) => c.stdError),
        fixture.oneway.cluster.firm.se,
      ),
    ).toBeLessThan(TOL);
    expect(regress(grunfeld, 'inv ~ value').vcov.type).toBe('iid');
    expect(parseVcov('dk:3')).toEqual({ type: 'dk', lag: 3 });
    expect(parseVcov('cluster:firm+year')).toEqual({ type: 'cluster', cluster: ['firm', 'year'] });
    // T = 20: floor(4 (20/100)^(2/9)) = 2 → equals the lag-2 reference.
    const dk = regress(grunfeld, 'inv ~ value + capital | firm + year', 'dk');
    expect(dk.vcov.lag).toBe(2);
    expect(
      maxRel(
        dk.coefficients.map((c) => c.stdError),
        fixture.twoway.dk.se,
      ),
    ).toBeLessThan(TOL);
    expect(formatRegression(dk)).toMatch(/Driscoll–Kraay \(L=2\) \(20 periods\)/);
  });
});
