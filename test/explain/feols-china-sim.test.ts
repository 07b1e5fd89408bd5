import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadBuiltinDataset } from '../../src/io/builtin.js';
import { feols } from '../../src/explain/feols.js';
import { coefTable, vcov } from '../../src/explain/vcov.js';
import { maxRel } from './feols-data.js';

const ref = JSON.parse(readFileSync(new URL('../fixtures/explain/feols-china-sim.json', import.meta.url), 'utf8'));
const TOL = 1e-8;

describe('feols on china-sim (SIMULATED) vs lm with dummies / plm / ivreg', async () => {
  const panel = await loadBuiltinDataset('china-sim');
  const fit = feols(panel, ref.formula);
  const se = (spec: Parameters<typeof vcov>[1]) => coefTable(fit, vcov(fit, spec)).map((r) => r.stdError);

  it('two-way FE with missing rows dropped: coefficients, fit statistics and SEs', () => {
    expect(fit.coefNames).toEqual(ref.terms);
    expect(fit.nobs).toBe(ref.nobs);
    expect(fit.dropped.reduce((s, d) => s + d.count, 0)).toBe(ref.dropped);
    expect(maxRel(fit.coefficients, ref.coefficients)).toBeLessThan(TOL);
    expect(maxRel(fit.coefficients, ref.plmCoefficients)).toBeLessThan(1e-8);
    expect(maxRel([fit.r2, fit.adjR2, fit.r2Within, fit.F], [ref.r2, ref.adjR2, ref.r2Within, ref.F])).toBeLessThan(
      TOL,
    );
    expect(maxRel(se('iid'), ref.iid.se)).toBeLessThan(TOL);
    expect(maxRel(se('hc1'), ref.hc1.se)).toBeLessThan(TOL);
    expect(maxRel(se('cluster:province'), ref.clusterProvince.se)).toBeLessThan(TOL);
    expect(maxRel(se({ type: 'dk', lag: 2 }), ref.dk.se)).toBeLessThan(TOL);
  });

  it('two-way clustering: matches where positive, NaN and a note where the CGM matrix is not PSD (as R)', () => {
    const v = vcov(fit, 'cluster:province+year');
    const got = coefTable(fit, v).map((r) => r.stdError);
    ref.clusterTwoway.se.forEach((s: number | string, k: number) => {
      if (s === 'NaN') expect(Number.isNaN(got[k])).toBe(true);
      else expect(Math.abs(got[k] - (s as number)) / (s as number)).toBeLessThan(TOL);
    });
    expect(v.notes.some((n) => n.code === 'vcov-not-psd')).toBe(true);
  });

  it('IV with the lag as instrument: coefficients, SEs and a weak-instrument warning', () => {
    const iv = feols(panel, ref.iv.formula);
    expect(iv.nobs).toBe(ref.iv.nobs);
    expect(maxRel(iv.coefficients, ref.iv.coefficients)).toBeLessThan(TOL);
    expect(
      maxRel(
        coefTable(iv, vcov(iv, 'iid')).map((r) => r.stdError),
        ref.iv.iid.se,
      ),
    ).toBeLessThan(TOL);
    expect(maxRel([iv.firstStage![0].F], [ref.iv.firstStageF])).toBeLessThan(TOL);
    expect(iv.notes.some((n) => n.code === 'weak-instrument')).toBe(true);
  });
});
