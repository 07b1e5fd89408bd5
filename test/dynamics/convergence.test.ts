import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { betaConvergence, sigmaConvergence } from '../../src/dynamics/index.js';
import { makePanel } from '../../src/data/panel.js';
import { expectClose } from '../helpers/expect.js';

const fx = JSON.parse(readFileSync(new URL('../fixtures/dynamics/convergence.json', import.meta.url), 'utf8'));
const num = (a: (number | null)[]) => a.map((v) => (v === null ? NaN : v));
const pwt = makePanel({
  entityColumn: 'iso3',
  periodColumn: 'year',
  entity: fx.inputPwt.iso3,
  period: fx.inputPwt.year,
  columns: { y_per_worker: num(fx.inputPwt.y) },
});
const china = makePanel({
  entityColumn: 'province',
  periodColumn: 'year',
  entity: fx.inputChina.province,
  period: fx.inputChina.year,
  columns: {
    gdp_per_capita: num(fx.inputChina.gdp_per_capita),
    urbanization: num(fx.inputChina.urbanization),
    openness: num(fx.inputChina.openness),
  },
});

describe('β-convergence vs R lm()', () => {
  it('cross-section 1990–2017 on world-pwt y_per_worker', () => {
    const r = betaConvergence(pwt, 'y_per_worker', { form: 'cross-section', from: 1990, to: 2017 });
    expectClose(r.beta, fx.crossSection.estimate, 1e-8);
    expectClose(r.stdError, fx.crossSection.se, 1e-8);
    expectClose(r.pValue, fx.crossSection.p, 1e-6);
    expectClose(r.r2, fx.crossSection.r2, 1e-8);
    expect(r.nobs).toBe(fx.crossSection.n);
    expect(r.tau).toBe(27);
    // θ = −ln(1 + β)/τ, half-life = ln 2/θ
    expectClose(r.speed, -Math.log(1 + fx.crossSection.estimate) / 27, 1e-8);
    expectClose(r.halfLife, Math.LN2 / r.speed, 1e-8);
    expect(r.converging).toBe(true);
  });
  it('panel annual form (pooled OLS)', () => {
    const r = betaConvergence(pwt, 'y_per_worker', { form: 'panel' });
    expectClose(r.beta, fx.panel.estimate, 1e-8);
    expectClose(r.stdError, fx.panel.se, 1e-8);
    expect(r.nobs).toBe(fx.panel.n);
    expect(r.tau).toBe(1);
  });
  it('conditional β with two-way FE equals lm with dummies (iid SE) on china-sim (simulated)', () => {
    const r = betaConvergence(china, 'gdp_per_capita', {
      form: 'conditional',
      controls: ['urbanization', 'openness'],
      vcov: 'iid',
    });
    expectClose(r.beta, fx.conditional.estimate, 1e-8);
    expectClose(r.stdError, fx.conditional.se, 1e-8);
    expect(r.nobs).toBe(fx.conditional.n);
    const u = r.coefficients.find((c) => c.term === 'urbanization')!;
    expectClose(u.estimate, fx.conditional.urbanization.estimate, 1e-8);
    expectClose(u.stdError, fx.conditional.urbanization.se, 1e-8);
  });
  it('conditional β defaults to entity-clustered standard errors', () => {
    const r = betaConvergence(china, 'gdp_per_capita', { form: 'conditional', controls: ['urbanization'] });
    expect(r.vcov).toBe('cluster:province');
  });
});

describe('σ-convergence vs R', () => {
  it('CV (sample sd) per year and its trend', () => {
    const r = sigmaConvergence(pwt, 'y_per_worker');
    expect(r.periods).toHaveLength(fx.sigma.cv.length);
    r.periods.forEach((p, i) => expectClose(p.sigma, fx.sigma.cv[i], 1e-12));
    expectClose(r.trend.slope, fx.sigma.cvSlope, 1e-10);
    expectClose(r.trend.stdError, fx.sigma.cvSlopeSe, 1e-10);
    expect(r.converging).toBe(true);
  });
  it('sd of logs per year and its trend', () => {
    const r = sigmaConvergence(pwt, 'y_per_worker', { measure: 'sd-log' });
    expect(r.periods).toHaveLength(fx.sigma.sdLog.length);
    r.periods.forEach((p, i) => expectClose(p.sigma, fx.sigma.sdLog[i], 1e-12));
    expectClose(r.trend.slope, fx.sigma.sdLogSlope, 1e-10);
  });
});

describe('bad input', () => {
  it('a non-positive level is refused with entity and period', () => {
    const p = makePanel({
      entityColumn: 'id',
      periodColumn: 't',
      entity: ['a', 'a', 'b', 'b', 'c', 'c', 'd', 'd'],
      period: [1, 2, 1, 2, 1, 2, 1, 2],
      columns: { y: [1, 2, 3, 4, 5, 0, 2, 3] },
    });
    expect(() => betaConvergence(p, 'y')).toThrow(/c 2/);
  });
});
